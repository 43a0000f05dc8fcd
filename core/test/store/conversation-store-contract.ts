import type { InboundMessage } from '../../src/messaging/inbound';
import type { Conversation, ConversationChanges, ConversationKey } from '../../src/store/conversation';
import {
  ConcurrentUpdateError,
  StoreUnavailableError,
  StoreValidationError,
  type ConversationStore,
  type NewOutbound,
} from '../../src/store/conversation-store';
import type { LoggedMessage } from '../../src/store/message-log';

/** What the suite needs from an implementation: a store on the given clock, and a way to dispose of it. */
export interface ContractSubject {
  store: ConversationStore;
  dispose(): Promise<void>;
}

export interface ContractFactoryOptions {
  clock: () => Date;
  conversationTtlDays: number;
}

export type ContractFactory = (options: ContractFactoryOptions) => Promise<ContractSubject>;

const DAY = 24 * 60 * 60 * 1000;
const TTL_DAYS = 30;

let counter = 0;
/** Each test works under its own hotel(s), so tests sharing one store never see each other. */
function hotelId(): string {
  counter += 1;
  return `h${counter}-${Math.random().toString(36).slice(2, 8)}`;
}
function guestNumber(): string {
  counter += 1;
  return `+2547${String(counter).padStart(8, '0')}`;
}
/** A fresh 24-hex store id, as a caller of `enqueueOutboundOnce` derives one. */
function storeId(): string {
  return Array.from({ length: 24 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
}
function keyFor(hotel = hotelId(), channelId = 'cloud-api', guest = guestNumber()): ConversationKey {
  return { hotelId: hotel, channelId, guest };
}
function inbound(key: ConversationKey, providerMessageId: string, text = 'hello', extra: Partial<InboundMessage> = {}): InboundMessage {
  return {
    hotelId: key.hotelId,
    channelId: key.channelId,
    channelType: 'cloud-api',
    providerMessageId,
    from: key.guest,
    timestamp: new Date(),
    content: { kind: 'text', text },
    raw: { id: providerMessageId },
    ...extra,
  };
}
function reply(key: ConversationKey, text = 'hi there', inReplyTo?: string): NewOutbound {
  return {
    hotelId: key.hotelId,
    channelId: key.channelId,
    guest: key.guest,
    content: { kind: 'text', text },
    ...(inReplyTo ? { inReplyTo } : {}),
  };
}
/** An object with an own, enumerable property named `name` — also for `__proto__`, which a literal would not create. */
function withOwnKey(name: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Not tenant data methods; `pluginCollections` has its own contract suite (plugin-collections-contract.ts). */
type Housekeeping = 'open' | 'close' | 'ping' | 'sweepExpired' | 'pluginCollections';

/**
 * The behaviour every ConversationStore must have. Runs against the memory store and against
 * MongoDB (FerretDB in the test services) — if one passes and the other does not, they differ.
 */
export function describeConversationStoreContract(name: string, factory: ContractFactory): void {
  describe(`ConversationStore contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: ConversationStore;
    let offset = 0;
    let frozenAt: number | undefined;
    const clock = (): Date => new Date(frozenAt ?? Date.now() + offset);
    const advance = (ms: number): void => {
      offset += ms;
    };

    beforeAll(async () => {
      subject = await factory({ clock, conversationTtlDays: TTL_DAYS });
      store = subject.store;
      await store.open();
    });
    afterAll(async () => {
      await subject?.dispose();
    });
    beforeEach(() => {
      offset = 0;
      frozenAt = undefined;
    });

    describe('lifecycle', () => {
      it('answers ping while open', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });

      it('refuses every operation before open and after close, with StoreUnavailableError', async () => {
        const other = await factory({ clock, conversationTtlDays: TTL_DAYS });
        const key = keyFor();
        await expect(other.store.load(key)).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(other.store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
        await other.store.open();
        await expect(other.store.load(key)).resolves.toMatchObject(key);
        await other.store.close();
        await expect(other.store.findByKey(key)).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(other.store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
        await other.dispose();
      });
    });

    describe('conversations', () => {
      it('creates a conversation on first contact and returns the same one afterwards', async () => {
        const key = keyFor();
        expect(await store.findByKey(key)).toBeUndefined();
        const first = await store.load(key);
        expect(first).toMatchObject({ ...key, version: 0, slots: {}, data: {}, profile: {} });
        expect(first.id).toMatch(/^[0-9a-f]{24}$/);
        expect(first.createdAt).toBeInstanceOf(Date);
        expect(first.expiresAt.getTime() - first.updatedAt.getTime()).toBe(TTL_DAYS * DAY);
        for (const field of ['language', 'flow', 'menu', 'handoff', 'sentiment', 'lastInboundAt'] as const)
          expect(first).not.toHaveProperty(field);
        const again = await store.load(key);
        expect(again).toEqual(first);
        expect(await store.findByKey(key)).toEqual(first);
        expect(await store.find(key.hotelId, first.id)).toEqual(first);
      });

      it('creates exactly one conversation when first contacts race', async () => {
        const key = keyFor();
        const loaded = await Promise.all(Array.from({ length: 8 }, () => store.load(key)));
        expect(new Set(loaded.map((c) => c.id)).size).toBe(1);
        expect(await store.list(key.hotelId)).toHaveLength(1);
      });

      it('keeps one conversation per hotel, channel and guest', async () => {
        const key = keyFor();
        const a = await store.load(key);
        const b = await store.load({ ...key, channelId: 'twilio' });
        const c = await store.load({ ...key, guest: guestNumber() });
        expect(new Set([a.id, b.id, c.id]).size).toBe(3);
      });

      it('sets and clears every field, merging slots and plugin data key by key', async () => {
        const key = keyFor();
        let c = await store.load(key);
        const startedAt = new Date('2030-01-02T03:04:05.678Z');
        const expiresAt = new Date('2030-01-02T04:00:00.000Z');
        const lastInboundAt = new Date('2030-01-02T03:00:00.000Z');
        c = await store.save(c, {
          language: 'pt-BR',
          flow: { name: 'booking', step: 'dates', plugin: 'booking', startedAt },
          slots: { checkIn: '2030-02-01', guests: 2, nested: { rooms: [1, 2], when: startedAt } },
          menu: {
            options: [
              { id: 'yes', title: 'Yes' },
              { id: 'no', title: 'No' },
            ],
            expiresAt,
          },
          handoff: { active: true, since: startedAt, reason: 'asked for a human' },
          sentiment: { score: -0.5, label: 'negative', updatedAt: startedAt },
          profile: { name: 'Amina' },
          data: { booking: { quote: { total: 120, currency: 'EUR' } }, payments: { link: 'https://pay.example/1' } },
          lastInboundAt,
        });
        expect(c.version).toBe(1);
        expect(c).toMatchObject({
          language: 'pt-BR',
          flow: { name: 'booking', step: 'dates', plugin: 'booking', startedAt },
          slots: { checkIn: '2030-02-01', guests: 2, nested: { rooms: [1, 2], when: startedAt } },
          menu: {
            options: [
              { id: 'yes', title: 'Yes' },
              { id: 'no', title: 'No' },
            ],
            expiresAt,
          },
          handoff: { active: true, since: startedAt, reason: 'asked for a human' },
          sentiment: { score: -0.5, label: 'negative', updatedAt: startedAt },
          profile: { name: 'Amina' },
          data: { booking: { quote: { total: 120, currency: 'EUR' } }, payments: { link: 'https://pay.example/1' } },
          lastInboundAt,
        });
        expect((c.slots.nested as { when: unknown }).when).toBeInstanceOf(Date);
        expect(c.flow!.startedAt).toBeInstanceOf(Date);

        // Merge: one slot removed, one changed, one added; one plugin key removed, others untouched.
        c = await store.save(c, {
          slots: { guests: null, checkIn: '2030-02-03', checkOut: '2030-02-05' },
          data: { booking: { quote: null, step: 2 } },
        });
        expect(c.slots).toEqual({ checkIn: '2030-02-03', checkOut: '2030-02-05', nested: { rooms: [1, 2], when: startedAt } });
        expect(c.data).toEqual({ booking: { step: 2 }, payments: { link: 'https://pay.example/1' } });
        expect(c.language).toBe('pt-BR'); // fields left out are untouched

        c = await store.save(c, { language: null, flow: null, menu: null, handoff: null, sentiment: null, profile: { name: null } });
        for (const field of ['language', 'flow', 'menu', 'handoff', 'sentiment'] as const) expect(c).not.toHaveProperty(field);
        expect(c.profile).toEqual({});
        expect(c.lastInboundAt).toEqual(lastInboundAt);
        expect(c.version).toBe(3);
        expect(await store.load(key)).toEqual(c);
      });

      it('replaces all slots at once, then applies slot changes given with it', async () => {
        let c = await store.load(keyFor());
        c = await store.save(c, { slots: { a: 1, b: 2 } });
        c = await store.save(c, { replaceSlots: { x: 'x', y: 'y' }, slots: { y: null, z: 'z' } });
        expect(c.slots).toEqual({ x: 'x', z: 'z' });
        c = await store.save(c, { replaceSlots: {} });
        expect(c.slots).toEqual({});
      });

      it('moves updatedAt and expiresAt forward on save, keeping createdAt', async () => {
        const c0 = await store.load(keyFor());
        advance(20 * DAY);
        const c1 = await store.save(c0, { language: 'en' });
        expect(c1.createdAt).toEqual(c0.createdAt);
        expect(c1.updatedAt.getTime()).toBeGreaterThanOrEqual(c0.updatedAt.getTime() + 20 * DAY);
        expect(c1.expiresAt.getTime()).toBe(c1.updatedAt.getTime() + TTL_DAYS * DAY);
      });

      it('an empty save still bumps the version', async () => {
        const c = await store.load(keyFor());
        expect((await store.save(c, {})).version).toBe(c.version + 1);
      });

      it('lists a hotel’s conversations, most recently updated first, by handoff state', async () => {
        const hotel = hotelId();
        const a = await store.load(keyFor(hotel));
        advance(1000);
        const b = await store.load(keyFor(hotel));
        advance(1000);
        await store.save(a, { handoff: { active: true, since: new Date() } });
        expect((await store.list(hotel)).map((c) => c.id)).toEqual([a.id, b.id]);
        expect((await store.list(hotel, { handoff: true })).map((c) => c.id)).toEqual([a.id]);
        expect((await store.list(hotel, { handoff: false })).map((c) => c.id)).toEqual([b.id]);
        expect(await store.list(hotel, { limit: 1 })).toHaveLength(1);
      });

      it('deletes a conversation, once', async () => {
        const key = keyFor();
        const c = await store.load(key);
        expect(await store.delete(key.hotelId, c.id)).toBe(true);
        expect(await store.delete(key.hotelId, c.id)).toBe(false);
        expect(await store.find(key.hotelId, c.id)).toBeUndefined();
        expect(await store.findByKey(key)).toBeUndefined();
        expect((await store.load(key)).id).not.toBe(c.id);
      });

      it('treats an id it never issued as not found', async () => {
        const hotel = hotelId();
        expect(await store.find(hotel, 'nope')).toBeUndefined();
        expect(await store.find(hotel, '0123456789abcdef01234567')).toBeUndefined();
        expect(await store.delete(hotel, 'nope')).toBe(false);
        expect(await store.claimOutbound(hotel, 'nope', 1000)).toBe(false);
      });
    });

    describe('copies in and out', () => {
      it('is not affected by callers mutating what they passed or got back', async () => {
        const key = keyFor();
        const loaded = await store.load(key);
        const changes = { slots: { list: [1, 2], deep: { a: 1 } } };
        const saved = await store.save(loaded, changes);
        changes.slots.list.push(3);
        changes.slots.deep.a = 99;
        (saved.slots.list as number[]).push(4);
        (saved.profile as { name?: string }).name = 'mallory';
        saved.createdAt.setFullYear(1999);
        const fresh = await store.load(key);
        expect(fresh.slots).toEqual({ list: [1, 2], deep: { a: 1 } });
        expect(fresh.profile).toEqual({});
        expect(fresh.createdAt.getFullYear()).not.toBe(1999);

        const { entry } = await store.recordInbound(inbound(key, `wamid.copy-${counter}`));
        (entry.content as { text: string }).text = 'changed';
        expect((await store.history(key)).at(-1)!.content).toEqual({ kind: 'text', text: 'hello' });
      });
    });

    describe('optimistic concurrency', () => {
      it('rejects the second of two saves from the same loaded version, applying nothing of it', async () => {
        const key = keyFor();
        const c = await store.load(key);
        await store.save(c, { slots: { winner: 'first' } });
        const losing = store.save(c, { slots: { winner: 'second', extra: true } });
        await expect(losing).rejects.toBeInstanceOf(ConcurrentUpdateError);
        await expect(losing).rejects.toMatchObject({ expectedVersion: 0, key });
        const now = await store.load(key);
        expect(now.slots).toEqual({ winner: 'first' });
        expect(now.version).toBe(1);
      });

      it('loses no increment when many writers reload and retry', async () => {
        const key = keyFor();
        await store.load(key);
        const writers = 12;
        let conflicts = 0;
        await Promise.all(
          Array.from({ length: writers }, async () => {
            for (;;) {
              const c = await store.load(key);
              try {
                await store.save(c, { slots: { count: ((c.slots.count as number | undefined) ?? 0) + 1 } });
                return;
              } catch (err) {
                if (!(err instanceof ConcurrentUpdateError)) throw err;
                conflicts += 1;
              }
            }
          }),
        );
        const final = await store.load(key);
        expect(final.slots.count).toBe(writers);
        expect(final.version).toBe(writers);
        // Otherwise the writers never overlapped and the test proved nothing.
        expect(conflicts).toBeGreaterThan(0);
      });

      it('reports a save of a deleted conversation as a conflict', async () => {
        const key = keyFor();
        const c = await store.load(key);
        await store.delete(key.hotelId, c.id);
        await expect(store.save(c, { language: 'en' })).rejects.toBeInstanceOf(ConcurrentUpdateError);
      });
    });

    describe('guest conversations', () => {
      it("lists one guest's conversations at a hotel on every channel, latest guest message first", async () => {
        const hotel = hotelId();
        const guest = guestNumber();
        const onCloud = await store.load(keyFor(hotel, 'cloud-api', guest));
        const onTwilio = await store.load(keyFor(hotel, 'twilio', guest));
        const silent = await store.load(keyFor(hotel, 'simulator', guest)); // never wrote here
        await store.save(onCloud, { lastInboundAt: new Date(Date.now() - 60_000) });
        await store.save(onTwilio, { lastInboundAt: new Date() });
        await store.load(keyFor(hotel, 'cloud-api')); // another guest
        await store.load(keyFor(hotelId(), 'cloud-api', guest)); // the same number at another hotel
        const found = await store.guestConversations(hotel, guest);
        expect(found.map((c) => c.channelId)).toEqual(['twilio', 'cloud-api', 'simulator']);
        expect(found[0]).toMatchObject({ id: onTwilio.id, hotelId: hotel, guest });
        expect(found[2]!.id).toBe(silent.id);
        expect((await store.guestConversations(hotel, guest, 1)).map((c) => c.id)).toEqual([onTwilio.id]);
        expect(await store.guestConversations(hotel, guestNumber())).toEqual([]);
      });

      it('forgets deleted and expired conversations', async () => {
        const hotel = hotelId();
        const guest = guestNumber();
        const a = await store.load(keyFor(hotel, 'cloud-api', guest));
        await store.load(keyFor(hotel, 'twilio', guest));
        expect(await store.delete(hotel, a.id)).toBe(true);
        expect((await store.guestConversations(hotel, guest)).map((c) => c.channelId)).toEqual(['twilio']);
        await store.sweepExpired(new Date(Date.now() + (TTL_DAYS + 1) * DAY));
        expect(await store.guestConversations(hotel, guest)).toEqual([]);
      });
    });

    describe('inbox', () => {
      it('stores an inbound message once; the same provider id again is a duplicate', async () => {
        const key = keyFor();
        const message = inbound(key, 'wamid.dup-1', 'first', { raw: { entry: [{ id: 1 }] } });
        const first = await store.recordInbound(message);
        expect(first.duplicate).toBe(false);
        expect(first.entry).toMatchObject({
          hotelId: key.hotelId,
          channelId: key.channelId,
          guest: key.guest,
          direction: 'in',
          providerMessageId: 'wamid.dup-1',
          content: { kind: 'text', text: 'first' },
          status: 'received',
          attempts: 0,
          raw: { entry: [{ id: 1 }] },
        });
        const second = await store.recordInbound({ ...message, content: { kind: 'text', text: 'retry' } });
        expect(second.duplicate).toBe(true);
        expect(second.entry.id).toBe(first.entry.id);
        expect(second.entry.content).toEqual({ kind: 'text', text: 'first' });
        expect(await store.history(key)).toHaveLength(1);
        // The same provider id on another channel or hotel is another message.
        expect((await store.recordInbound({ ...message, channelId: 'twilio' })).duplicate).toBe(false);
        expect((await store.recordInbound({ ...message, hotelId: hotelId() })).duplicate).toBe(false);
      });

      it("keeps the guest's profile name, so a turn run elsewhere or after a restart still has it", async () => {
        const key = keyFor();
        await store.recordInbound({ ...inbound(key, 'wamid.profile-1'), profileName: '  Ana Silva ' });
        const [pending] = await store.pendingInbound(key.hotelId, { guest: key.guest });
        expect(pending?.profileName).toBe('Ana Silva');
        await store.recordInbound(inbound(key, 'wamid.profile-2'));
        expect((await store.history(key)).at(-1)?.profileName).toBeUndefined();
      });

      it('stores exactly one row when duplicates arrive concurrently', async () => {
        const key = keyFor();
        const results = await Promise.all(Array.from({ length: 8 }, () => store.recordInbound(inbound(key, 'wamid.race'))));
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
        expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
        expect(await store.history(key)).toHaveLength(1);
      });

      it('lists pending messages oldest first until they are marked handled or failed', async () => {
        const hotel = hotelId();
        const k1 = keyFor(hotel);
        const k2 = keyFor(hotel, 'twilio');
        const a = (await store.recordInbound(inbound(k1, 'p-a'))).entry;
        advance(5);
        const b = (await store.recordInbound(inbound(k2, 'p-b'))).entry;
        advance(5);
        const c = (await store.recordInbound(inbound(k1, 'p-c'))).entry;
        expect((await store.pendingInbound(hotel)).map((m) => m.id)).toEqual([a.id, b.id, c.id]);
        expect((await store.pendingInbound(hotel, { channelId: 'twilio' })).map((m) => m.id)).toEqual([b.id]);
        expect((await store.pendingInbound(hotel, { guest: k1.guest, channelId: k1.channelId })).map((m) => m.id)).toEqual([a.id, c.id]);
        expect((await store.pendingInbound(hotel, { limit: 1 })).map((m) => m.id)).toEqual([a.id]);

        await store.markInbound(hotel, a.id, 'handled');
        await store.markInbound(hotel, b.id, 'failed', { code: 'turn_error', message: 'boom' });
        expect((await store.pendingInbound(hotel)).map((m) => m.id)).toEqual([c.id]);
        const [loggedA] = await store.history(k1);
        expect(loggedA).toMatchObject({ id: a.id, status: 'handled' });
        expect((await store.history(k2))[0]).toMatchObject({ status: 'failed', error: { code: 'turn_error', message: 'boom' } });
        // An outcome is final: a handled message is not marked failed later.
        await store.markInbound(hotel, a.id, 'failed');
        expect((await store.history(k1))[0]!.status).toBe('handled');
      });
    });

    describe('outbox', () => {
      it('queues replies with a placeholder provider id, due at once', async () => {
        const key = keyFor();
        const [r1, r2] = await store.enqueueOutbound([reply(key, 'one', 'abc'), reply(key, 'two')]);
        expect(r1).toMatchObject({
          direction: 'out',
          status: 'queued',
          attempts: 0,
          content: { kind: 'text', text: 'one' },
          inReplyTo: 'abc',
        });
        expect(r1!.providerMessageId).toBe(`out:${r1!.id}`);
        expect(r1!.nextAttemptAt).toBeInstanceOf(Date);
        expect((await store.dueOutbound(key.hotelId)).map((m) => m.id)).toEqual([r1!.id, r2!.id]);
        expect((await store.queuedOutbound(key)).map((m) => m.id)).toEqual([r1!.id, r2!.id]);
        expect(await store.enqueueOutbound([])).toEqual([]);
      });

      it('queues a message once under a caller-chosen id; the same id again returns the first row', async () => {
        const key = keyFor();
        const id = storeId();
        const first = await store.enqueueOutboundOnce(id, reply(key, 'first'));
        expect(first.duplicate).toBe(false);
        expect(first.entry).toMatchObject({ id, status: 'queued', providerMessageId: `out:${id}`, content: { text: 'first' } });
        const again = await store.enqueueOutboundOnce(id, reply(key, 'second'));
        expect(again).toEqual({ entry: first.entry, duplicate: true });
        expect((await store.queuedOutbound(key)).map((m) => m.content)).toEqual([{ kind: 'text', text: 'first' }]);
        // Still one message after it was sent: the id, not the queue, is the memory.
        expect(await store.claimOutbound(key.hotelId, id, 60_000)).toBe(true);
        await store.markSent(key.hotelId, id, `wamid-once-${counter}`);
        const late = await store.enqueueOutboundOnce(id, reply(key, 'third'));
        expect(late.duplicate).toBe(true);
        expect(late.entry).toMatchObject({ id, status: 'sent' });
        expect(await store.history(key)).toHaveLength(1);
      });

      it('stores exactly one row when the same id is queued concurrently', async () => {
        const key = keyFor();
        const id = storeId();
        const results = await Promise.all(Array.from({ length: 6 }, (_, i) => store.enqueueOutboundOnce(id, reply(key, `copy ${i}`))));
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
        expect(new Set(results.map((r) => r.entry.id))).toEqual(new Set([id]));
        expect(await store.history(key)).toHaveLength(1);
      });

      it('refuses an id that is not a store id, or that another hotel holds', async () => {
        const key = keyFor();
        await expect(store.enqueueOutboundOnce('not-an-id', reply(key))).rejects.toBeInstanceOf(StoreValidationError);
        const id = storeId();
        await store.enqueueOutboundOnce(id, reply(key, 'mine'));
        await expect(store.enqueueOutboundOnce(id, reply(keyFor(), 'theirs'))).rejects.toBeInstanceOf(StoreValidationError);
        expect((await store.queuedOutbound(key)).map((m) => m.content)).toEqual([{ kind: 'text', text: 'mine' }]);
      });

      it('keeps a deferred message out of the due work until its notBefore, with its template and sender', async () => {
        const key = keyFor();
        const notBefore = new Date(Date.now() + 3_600_000);
        const template = { kind: 'template' as const, name: 'reminder', language: 'es', parameters: ['Ana'] };
        const [deferred, now] = await store.enqueueOutbound([
          { ...reply(key, 'later'), notBefore, outsideWindowTemplate: template, proactiveBy: 'reminders' },
          reply(key, 'now'),
        ]);
        expect(deferred).toMatchObject({ notBefore, nextAttemptAt: notBefore, outsideWindowTemplate: template, proactiveBy: 'reminders' });
        expect((await store.dueOutbound(key.hotelId)).map((m) => m.id)).toEqual([now!.id]);
        expect(await store.claimOutbound(key.hotelId, deferred!.id, 60_000)).toBe(false);
        expect((await store.queuedOutbound(key)).map((m) => m.id)).toEqual([deferred!.id, now!.id]);
        expect((await store.dueOutbound(key.hotelId, new Date(notBefore.getTime() + 1))).map((m) => m.id)).toEqual([deferred!.id, now!.id]);
        advance(3_600_001);
        expect(await store.claimOutbound(key.hotelId, deferred!.id, 60_000)).toBe(true);
        // A notBefore already past is simply due.
        const [past] = await store.enqueueOutbound([{ ...reply(key), notBefore: new Date(Date.now() - 1000) }]);
        expect((await store.dueOutbound(key.hotelId)).map((m) => m.id)).toContain(past!.id);
        await expect(store.enqueueOutbound([{ ...reply(key), notBefore: 'soon' as unknown as Date }])).rejects.toBeInstanceOf(
          StoreValidationError,
        );
        await expect(
          store.enqueueOutbound([{ ...reply(key), outsideWindowTemplate: { kind: 'text', text: 'x' } as unknown as typeof template }]),
        ).rejects.toBeInstanceOf(StoreValidationError);
      });

      it('lets exactly one of two concurrent claimers send a reply', async () => {
        const key = keyFor();
        const [r] = await store.enqueueOutbound([reply(key)]);
        const claims = await Promise.all([
          store.claimOutbound(key.hotelId, r!.id, 60_000),
          store.claimOutbound(key.hotelId, r!.id, 60_000),
        ]);
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await store.dueOutbound(key.hotelId)).toEqual([]);
        const [held] = await store.queuedOutbound(key);
        expect(held).toMatchObject({ status: 'queued', attempts: 1 });
        expect(held!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 50_000);
      });

      it('lets another sender claim when the lease lapses', async () => {
        const key = keyFor();
        const [r] = await store.enqueueOutbound([reply(key)]);
        expect(await store.claimOutbound(key.hotelId, r!.id, 10_000)).toBe(true);
        advance(5_000);
        expect(await store.claimOutbound(key.hotelId, r!.id, 10_000)).toBe(false);
        advance(5_001);
        expect((await store.dueOutbound(key.hotelId, clock())).map((m) => m.id)).toEqual([r!.id]);
        expect(await store.claimOutbound(key.hotelId, r!.id, 10_000)).toBe(true);
        expect((await store.queuedOutbound(key))[0]!.attempts).toBe(2);
      });

      it('records a send: provider id, sent, out of the queue', async () => {
        const key = keyFor();
        const [r] = await store.enqueueOutbound([reply(key)]);
        await store.claimOutbound(key.hotelId, r!.id, 60_000);
        await store.markSent(key.hotelId, r!.id, 'wamid.sent-1');
        const [sent] = await store.history(key);
        expect(sent).toMatchObject({ id: r!.id, status: 'sent', providerMessageId: 'wamid.sent-1', attempts: 1 });
        expect(sent).not.toHaveProperty('nextAttemptAt');
        expect(await store.queuedOutbound(key)).toEqual([]);
        expect(await store.claimOutbound(key.hotelId, r!.id, 60_000)).toBe(false);
        // A second markSent (a retry after a timeout) changes nothing.
        await store.markSent(key.hotelId, r!.id, 'wamid.other');
        expect((await store.history(key))[0]!.providerMessageId).toBe('wamid.sent-1');
      });

      it('refuses a provider id already logged for another message of the channel', async () => {
        const key = keyFor();
        const [a, b] = await store.enqueueOutbound([reply(key, 'a'), reply(key, 'b')]);
        await store.markSent(key.hotelId, a!.id, 'wamid.same');
        await expect(store.markSent(key.hotelId, b!.id, 'wamid.same')).rejects.toBeInstanceOf(StoreValidationError);
        expect((await store.queuedOutbound(key)).map((m) => m.id)).toEqual([b!.id]);
        await expect(store.markSent(key.hotelId, b!.id, 'out:b')).rejects.toBeInstanceOf(StoreValidationError);
      });

      it('backs off a failed attempt, and fails for good without a next attempt', async () => {
        const key = keyFor();
        const [r] = await store.enqueueOutbound([reply(key)]);
        await store.claimOutbound(key.hotelId, r!.id, 60_000);
        const retryAt = new Date(clock().getTime() + 30_000);
        await store.markSendFailed(key.hotelId, r!.id, { code: '131000', message: 'try later' }, retryAt);
        let [row] = await store.queuedOutbound(key);
        expect(row).toMatchObject({ status: 'queued', error: { code: '131000', message: 'try later' }, nextAttemptAt: retryAt });
        expect(await store.dueOutbound(key.hotelId, clock())).toEqual([]);
        expect(await store.claimOutbound(key.hotelId, r!.id, 60_000)).toBe(false);
        advance(30_001);
        expect((await store.dueOutbound(key.hotelId, clock())).map((m) => m.id)).toEqual([r!.id]);
        expect(await store.claimOutbound(key.hotelId, r!.id, 60_000)).toBe(true);
        await store.markSendFailed(key.hotelId, r!.id, { code: 'invalid_number', message: 'x'.repeat(5000) });
        [row] = await store.history(key);
        expect(row).toMatchObject({ status: 'failed', attempts: 2, error: { code: 'invalid_number' } });
        expect(row!.error!.message.length).toBeLessThanOrEqual(1024);
        expect(row).not.toHaveProperty('nextAttemptAt');
        expect(await store.queuedOutbound(key)).toEqual([]);
        expect(await store.dueOutbound(key.hotelId, clock())).toEqual([]);
      });

      it('moves delivery status forward only', async () => {
        const key = keyFor();
        const [r, s] = await store.enqueueOutbound([reply(key, 'one'), reply(key, 'two')]);
        await store.markSent(key.hotelId, r!.id, 'wamid.r');
        await store.markSent(key.hotelId, s!.id, 'wamid.s');
        const update = (id: string, status: 'sent' | 'delivered' | 'read' | 'failed', error?: { code: string; message: string }) =>
          store.updateDelivery(key.hotelId, key.channelId, id, status, error);

        expect((await update('wamid.r', 'sent'))!.status).toBe('sent');
        expect((await update('wamid.r', 'read'))!.status).toBe('read');
        expect((await update('wamid.r', 'delivered'))!.status).toBe('read');
        expect((await update('wamid.r', 'failed', { code: 'x', message: 'late' }))!.status).toBe('read');
        expect((await update('wamid.r', 'sent'))!.status).toBe('read');

        expect((await update('wamid.s', 'delivered'))!.status).toBe('delivered');
        const failed = await update('wamid.s', 'failed', { code: '131026', message: 'undeliverable' });
        expect(failed).toMatchObject({ id: s!.id, status: 'failed', error: { code: '131026', message: 'undeliverable' } });
        expect((await update('wamid.s', 'read'))!.status).toBe('failed');

        expect(await update('wamid.unknown', 'read')).toBeUndefined();
      });

      it('ignores delivery statuses for inbound messages', async () => {
        const key = keyFor();
        await store.recordInbound(inbound(key, 'wamid.in-1'));
        expect(await store.updateDelivery(key.hotelId, key.channelId, 'wamid.in-1', 'read')).toBeUndefined();
        expect((await store.history(key))[0]!.status).toBe('received');
      });

      it('races of delivery callbacks still end at the furthest status', async () => {
        const key = keyFor();
        const [r] = await store.enqueueOutbound([reply(key)]);
        await store.markSent(key.hotelId, r!.id, 'wamid.race-status');
        await Promise.all(
          ['read', 'delivered', 'delivered', 'read', 'sent'].map((s) =>
            store.updateDelivery(key.hotelId, key.channelId, 'wamid.race-status', s as 'read'),
          ),
        );
        expect((await store.history(key))[0]!.status).toBe('read');
      });
    });

    describe('history', () => {
      it('returns the latest messages of a conversation, newest last', async () => {
        const key = keyFor();
        const ids: string[] = [];
        for (let i = 0; i < 5; i++) {
          advance(10);
          if (i % 2 === 0) ids.push((await store.recordInbound(inbound(key, `h-${i}`, `in ${i}`))).entry.id);
          else ids.push((await store.enqueueOutbound([reply(key, `out ${i}`)]))[0]!.id);
        }
        await store.recordInbound(inbound(keyFor(key.hotelId), 'h-other'));
        expect((await store.history(key)).map((m) => m.id)).toEqual(ids);
        const last3 = await store.history(key, 3);
        expect(last3.map((m) => m.id)).toEqual(ids.slice(2));
        expect(last3.map((m) => (m.content as { text: string }).text)).toEqual(['in 2', 'out 3', 'in 4']);
      });

      it('orders messages created in the same millisecond by arrival', async () => {
        const key = keyFor();
        frozenAt = Date.now();
        const ids = (await store.enqueueOutbound(Array.from({ length: 3 }, (_, i) => reply(key, `m${i}`)))).map((r) => r.id);
        for (let i = 0; i < 3; i++) ids.push((await store.recordInbound(inbound(key, `same-ms-${i}`))).entry.id);
        ids.push((await store.enqueueOutbound([reply(key, 'last')]))[0]!.id);
        const history = await store.history(key);
        expect(new Set(history.map((m) => m.createdAt.getTime())).size).toBe(1);
        expect(history.map((m) => m.id)).toEqual(ids);
      });
    });

    describe('expiry', () => {
      it('sweeps conversations and messages idle past their expiry, keeping the rest', async () => {
        const hotel = hotelId();
        const oldKey = keyFor(hotel);
        const newKey = keyFor(hotel);
        const old = await store.load(oldKey);
        await store.recordInbound(inbound(oldKey, 'old-1'));
        advance(20 * DAY);
        const young = await store.load(newKey);
        await store.recordInbound(inbound(newKey, 'young-1'));
        advance(11 * DAY);
        expect(await store.sweepExpired()).toBeGreaterThanOrEqual(1);
        expect(await store.find(hotel, old.id)).toBeUndefined();
        expect(await store.history(oldKey)).toEqual([]);
        expect(await store.find(hotel, young.id)).toBeDefined();
        expect(await store.history(newKey)).toHaveLength(1);
        // The dedup record expired with the message: the id is new again.
        expect((await store.recordInbound(inbound(oldKey, 'old-1'))).duplicate).toBe(false);
      });

      it('starts an expired conversation over on load, even before a sweep', async () => {
        const key = keyFor();
        let c = await store.load(key);
        c = await store.save(c, { language: 'fr', slots: { a: 1 }, data: { booking: { x: 1 } }, profile: { name: 'Zoé' } });
        advance((TTL_DAYS + 1) * DAY);
        const fresh = await store.load(key);
        expect(fresh).toMatchObject({ id: c.id, slots: {}, data: {}, profile: {}, version: c.version + 1 });
        expect(fresh).not.toHaveProperty('language');
        expect(fresh.createdAt.getTime()).toBeGreaterThan(c.createdAt.getTime());
        // A save based on the state before expiry is stale.
        await expect(store.save(c, { language: 'de' })).rejects.toBeInstanceOf(ConcurrentUpdateError);
      });

      it('sweeps with an explicit time', async () => {
        const key = keyFor();
        const c = await store.load(key);
        expect(await store.find(key.hotelId, c.id)).toBeDefined();
        await store.sweepExpired(new Date(Date.now() + (TTL_DAYS + 1) * DAY));
        expect(await store.find(key.hotelId, c.id)).toBeUndefined();
      });
    });

    describe('tenant isolation', () => {
      interface World {
        a: string;
        keyB: ConversationKey;
        convB: Conversation;
        inB: LoggedMessage;
        queuedB: LoggedMessage;
        sentB: LoggedMessage;
      }
      let world: World;

      beforeEach(async () => {
        const a = hotelId();
        const keyB = keyFor();
        await store.load({ ...keyB, hotelId: a }); // hotel A has a guest with the same number
        const convB = await store.save(await store.load(keyB), { slots: { secret: 'b-only' } });
        const inB = (await store.recordInbound(inbound(keyB, `b-in-${counter}`))).entry;
        const [queuedB, sentB] = await store.enqueueOutbound([reply(keyB, 'queued'), reply(keyB, 'sent')]);
        await store.markSent(keyB.hotelId, sentB!.id, `b-sent-${counter}`);
        world = { a, keyB, convB, inB, queuedB: queuedB!, sentB: (await store.history(keyB)).find((m) => m.id === sentB!.id)! };
      });

      const snapshot = async ({ keyB, convB }: World) => ({
        conversation: await store.find(keyB.hotelId, convB.id),
        history: await store.history(keyB),
        pending: await store.pendingInbound(keyB.hotelId),
        queued: await store.queuedOutbound(keyB),
      });

      const notB = (ids: string[], w: World) => {
        for (const id of [w.convB.id, w.inB.id, w.queuedB.id, w.sentB.id]) expect(ids).not.toContain(id);
      };

      // A Record over the interface's keys: adding a method to ConversationStore without a row here fails to compile.
      const attempts: Record<Exclude<keyof ConversationStore, Housekeeping>, (w: World) => Promise<unknown>> = {
        load: async (w) => expect((await store.load({ ...w.keyB, hotelId: w.a })).id).not.toBe(w.convB.id),
        find: async (w) => expect(await store.find(w.a, w.convB.id)).toBeUndefined(),
        findByKey: async (w) => expect((await store.findByKey({ ...w.keyB, hotelId: w.a }))?.id).not.toBe(w.convB.id),
        list: async (w) =>
          notB(
            (await store.list(w.a)).map((c) => c.id),
            w,
          ),
        guestConversations: async (w) =>
          notB(
            (await store.guestConversations(w.a, w.keyB.guest)).map((c) => c.id),
            w,
          ),
        save: async (w) => {
          await expect(store.save({ ...w.convB, hotelId: w.a }, { slots: { secret: 'stolen' } })).rejects.toBeInstanceOf(
            ConcurrentUpdateError,
          );
        },
        delete: async (w) => expect(await store.delete(w.a, w.convB.id)).toBe(false),
        recordInbound: async (w) => {
          const r = await store.recordInbound(inbound({ ...w.keyB, hotelId: w.a }, w.inB.providerMessageId!));
          expect(r.duplicate).toBe(false);
          expect(r.entry.id).not.toBe(w.inB.id);
        },
        pendingInbound: async (w) =>
          notB(
            (await store.pendingInbound(w.a)).map((m) => m.id),
            w,
          ),
        markInbound: async (w) => store.markInbound(w.a, w.inB.id, 'handled'),
        enqueueOutbound: async (w) => {
          const [row] = await store.enqueueOutbound([reply({ ...w.keyB, hotelId: w.a })]);
          expect(row!.hotelId).toBe(w.a);
        },
        enqueueOutboundOnce: async (w) =>
          expect(store.enqueueOutboundOnce(w.queuedB.id, reply({ ...w.keyB, hotelId: w.a }, 'hijack'))).rejects.toBeInstanceOf(
            StoreValidationError,
          ),
        dueOutbound: async (w) =>
          notB(
            (await store.dueOutbound(w.a)).map((m) => m.id),
            w,
          ),
        queuedOutbound: async (w) =>
          notB(
            (await store.queuedOutbound({ ...w.keyB, hotelId: w.a })).map((m) => m.id),
            w,
          ),
        claimOutbound: async (w) => expect(await store.claimOutbound(w.a, w.queuedB.id, 60_000)).toBe(false),
        markSent: async (w) => store.markSent(w.a, w.queuedB.id, 'hijacked'),
        markSendFailed: async (w) => store.markSendFailed(w.a, w.queuedB.id, { code: 'x', message: 'y' }),
        updateDelivery: async (w) =>
          expect(await store.updateDelivery(w.a, w.keyB.channelId, w.sentB.providerMessageId!, 'read')).toBeUndefined(),
        history: async (w) =>
          notB(
            (await store.history({ ...w.keyB, hotelId: w.a })).map((m) => m.id),
            w,
          ),
      };

      it.each(Object.entries(attempts))('hotel A cannot reach hotel B through %s', async (_method, attempt) => {
        const before = await snapshot(world);
        await attempt(world);
        expect(await snapshot(world)).toEqual(before);
      });
    });

    describe('validation', () => {
      const badHotelIds: unknown[] = ['Seaside', '-seaside', 'sea_side', '', 'a'.repeat(65), 'a b', 42, { $ne: null }, null];

      it.each(badHotelIds.map((h) => [JSON.stringify(h), h]))('rejects hotel id %s in every method', async (_label, bad) => {
        const hotel = bad as string;
        const key = { hotelId: hotel, channelId: 'cloud-api', guest: '+254700000001' };
        const calls: Promise<unknown>[] = [
          store.load(key),
          store.findByKey(key),
          store.find(hotel, '0123456789abcdef01234567'),
          store.list(hotel),
          store.delete(hotel, '0123456789abcdef01234567'),
          store.recordInbound(inbound(key, 'v-1')),
          store.pendingInbound(hotel),
          store.markInbound(hotel, '0123456789abcdef01234567', 'handled'),
          store.enqueueOutbound([reply(key)]),
          store.enqueueOutboundOnce('0123456789abcdef01234567', reply(key)),
          store.guestConversations(hotel, '+254700000001'),
          store.dueOutbound(hotel),
          store.queuedOutbound(key),
          store.claimOutbound(hotel, '0123456789abcdef01234567', 1000),
          store.markSent(hotel, '0123456789abcdef01234567', 'p'),
          store.markSendFailed(hotel, '0123456789abcdef01234567', { code: 'c', message: 'm' }),
          store.updateDelivery(hotel, 'cloud-api', 'p', 'read'),
          store.history(key),
        ];
        for (const call of calls) await expect(call).rejects.toBeInstanceOf(StoreValidationError);
      });

      it.each(['0712345678', '+0123456', '+2547000000011111', 'abc', '+254 700 000 001'])('rejects guest number %s', async (guest) => {
        await expect(store.load({ ...keyFor(), guest })).rejects.toBeInstanceOf(StoreValidationError);
        await expect(store.recordInbound(inbound({ ...keyFor(), guest }, 'g-1'))).rejects.toBeInstanceOf(StoreValidationError);
      });

      it('rejects a bad channel id', async () => {
        await expect(store.load({ ...keyFor(), channelId: 'Cloud.API' })).rejects.toBeInstanceOf(StoreValidationError);
      });

      const unsafeKeys = ['$where', '$set', 'a.b', '__proto__', 'constructor', 'prototype', '', 'nul\0key', 'k'.repeat(129)];

      it.each(unsafeKeys.map((k) => [JSON.stringify(k), k]))(
        'rejects the key %s in slots, nested values and plugin data, changing nothing',
        async (_label, bad) => {
          const key = keyFor();
          const c = await store.save(await store.load(key), { slots: { safe: 1 } });
          const attemptsOfChanges: ConversationChanges[] = [
            { slots: withOwnKey(bad, 'x') },
            { slots: { ok: withOwnKey(bad, 'x') } },
            { slots: { ok: [withOwnKey(bad, 1)] } },
            { replaceSlots: withOwnKey(bad, 'x') },
            { data: withOwnKey(bad, { k: 1 }) as ConversationChanges['data'] },
            { data: { booking: withOwnKey(bad, 1) } },
          ];
          for (const changes of attemptsOfChanges) await expect(store.save(c, changes)).rejects.toBeInstanceOf(StoreValidationError);
          const after = await store.load(key);
          expect(after.version).toBe(c.version);
          expect(after.slots).toEqual({ safe: 1 });
          expect(({} as Record<string, unknown>).x).toBeUndefined();
        },
      );

      it('keeps keys that merely look odd but are safe', async () => {
        const c = await store.save(await store.load(keyFor()), { slots: { a$b: 1, número: 2, 'with space': 3, toString: 4 } });
        expect(c.slots).toEqual({ a$b: 1, número: 2, 'with space': 3, toString: 4 });
        expect(c.slots.toString).toBe(4);
      });

      it('rejects oversize values, bounded by their JSON size', async () => {
        const c = await store.load(keyFor());
        await expect(store.save(c, { slots: { big: 'x'.repeat(17 * 1024) } })).rejects.toThrow(/slots\.big.*bytes/);
        const saved = await store.save(c, { slots: { fits: 'x'.repeat(16 * 1024 - 10) } });
        expect((saved.slots.fits as string).length).toBe(16 * 1024 - 10);
        await expect(store.save(saved, { data: { core: { lastTurn: 'x'.repeat(65 * 1024) } } })).rejects.toBeInstanceOf(
          StoreValidationError,
        );
      });

      it('rejects too many slots', async () => {
        const c = await store.load(keyFor());
        const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`s${i}`, i]));
        await expect(store.save(c, { slots: many })).rejects.toThrow(/more than 100 keys/);
      });

      it('rejects values that are not JSON-like data or Dates', async () => {
        const c = await store.load(keyFor());
        class Money {
          amount = 1;
        }
        for (const value of [new Money(), () => 1, NaN, Infinity, new Map(), Symbol('s'), 10n, new Date('nope'), /re/]) {
          await expect(store.save(c, { slots: { v: value } })).rejects.toBeInstanceOf(StoreValidationError);
        }
      });

      it('stores undefined the way JSON would: dropped from objects, null in arrays', async () => {
        const c = await store.save(await store.load(keyFor()), { slots: { v: { a: 1, b: undefined, list: [1, undefined] } } });
        expect(c.slots.v).toEqual({ a: 1, list: [1, null] });
        expect(Object.keys(c.slots.v as object)).toEqual(['a', 'list']);
      });

      it('rejects unknown change fields and malformed states', async () => {
        const c = await store.load(keyFor());
        const bad: unknown[] = [
          { version: 99 },
          { hotelId: 'other' },
          { language: 'english!' },
          { flow: { name: 'x', step: 's', plugin: 'p' } },
          { menu: { options: 'yes,no', expiresAt: new Date() } },
          { handoff: { active: 'yes', since: new Date() } },
          { sentiment: { score: 3, label: 'negative', updatedAt: new Date() } },
          { sentiment: { score: 0, label: 'angry', updatedAt: new Date() } },
          { profile: { name: 'x'.repeat(300) } },
          { profile: { phone: '+1' } },
          { lastInboundAt: 'yesterday' },
        ];
        for (const changes of bad) await expect(store.save(c, changes as never)).rejects.toBeInstanceOf(StoreValidationError);
        expect((await store.find(c.hotelId, c.id))!.version).toBe(0);
      });

      it('rejects oversize or malformed messages', async () => {
        const key = keyFor();
        // Guests may send more than the 4,096 characters we may send, up to the inbound bound.
        await expect(store.recordInbound(inbound(keyFor(), 'long-text', 'x'.repeat(5000)))).resolves.toMatchObject({ duplicate: false });
        await expect(store.recordInbound(inbound(key, 'big-text', 'x'.repeat(65_537)))).rejects.toThrow(/65536/);
        await expect(store.recordInbound(inbound(key, 'big-raw', 'hi', { raw: { blob: 'x'.repeat(257 * 1024) } }))).rejects.toThrow(/raw/);
        await expect(store.recordInbound(inbound(key, 'out:forged'))).rejects.toBeInstanceOf(StoreValidationError);
        await expect(store.recordInbound(inbound(key, ''))).rejects.toBeInstanceOf(StoreValidationError);
        await expect(store.recordInbound(inbound(key, 'k', 'hi', { content: { kind: 'telepathy' } as never }))).rejects.toBeInstanceOf(
          StoreValidationError,
        );
        await expect(store.recordInbound(inbound(key, 'k2', 'hi', { timestamp: new Date('x') }))).rejects.toBeInstanceOf(
          StoreValidationError,
        );
        await expect(store.enqueueOutbound([reply(key), reply(key, 'y'.repeat(5000))])).rejects.toBeInstanceOf(StoreValidationError);
        expect(await store.history(key)).toEqual([]); // the valid reply of a rejected batch was not stored either
        await expect(store.claimOutbound(key.hotelId, '0123456789abcdef01234567', 0)).rejects.toBeInstanceOf(StoreValidationError);
        await expect(store.history(key, 0)).rejects.toBeInstanceOf(StoreValidationError);
      });

      it('keeps a provider payload with dotted and $-prefixed keys, verbatim', async () => {
        const key = keyFor();
        const raw = { $where: 'sleep(1000)', 'a.b': { $gt: '' }, list: [{ 'x.y': 1 }] };
        const { entry } = await store.recordInbound(inbound(key, 'raw-escaped', 'hi', { raw }));
        expect(entry.raw).toEqual(raw);
        expect((await store.history(key))[0]!.raw).toEqual(raw);
      });

      it('treats text that looks like an operator as text', async () => {
        const key = keyFor();
        const c = await store.save(await store.load(key), { slots: { q: '{"$gt": ""}', r: { op: '$where' } } });
        expect(c.slots).toEqual({ q: '{"$gt": ""}', r: { op: '$where' } });
      });
    });
  });
}
