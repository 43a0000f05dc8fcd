import { definePlugin, type EventMeta } from '@hotello/core';
import { createTestBot, FakeClock, type TestBot } from '@hotello/core/testing';
import { captureLogs } from '../../../test/fakes/log-capture';
import { until } from '../../../test/fakes/until';
import { dropDatabase, mongoUri, uniqueDatabaseName } from '../store/mongo-test-db';

declare module '@hotello/core' {
  interface HotelloEvents {
    'probe.noted': { hotelId: string; guest: string; text: string };
  }
}

interface Heard {
  readonly text: string;
  readonly meta: EventMeta;
}

/** What the listener does with a delivery: throw to fail it. */
type Behaviour = (payload: { text: string }, meta: EventMeta) => void | Promise<void>;

/** Emits `probe.noted` in every turn (and answers, so the test can wait for the turn). */
const emitter = definePlugin({
  name: 'emitter',
  register({ turns }) {
    turns.use('route', async (turn, next) => {
      turn.emit('probe.noted', { hotelId: turn.hotel.id, guest: turn.conversation.guest, text: turn.text ?? '' });
      turn.reply({ kind: 'text', text: `noted ${turn.text}` });
      await next();
    });
  },
});

function auditPlugin(heard: Heard[], behaviour: { current: Behaviour }) {
  return definePlugin({
    name: 'audit',
    register({ events }) {
      events.on('probe.noted', async (payload, meta) => {
        heard.push({ text: payload.text, meta });
        await behaviour.current(payload, meta);
      });
    },
  });
}

const HOTELS = [
  { id: 'seaside', name: 'Seaside' },
  { id: 'citylodge', name: 'City Lodge', plugins: { audit: false } },
];

/** The shared test server, another database. */
function databaseUri(name: string): string {
  return `${mongoUri().replace(/\/[^/]*$/, '')}/${name}`;
}

const events = { maxAttempts: 3, retryDelayMs: 20, maxRetryDelayMs: 40, leaseMs: 5_000 };

describe.each(['memory', 'mongodb'] as const)('durable events on the %s store', (storeType) => {
  let dbName = '';
  const bots: TestBot[] = [];
  const heard: Heard[] = [];
  const behaviour: { current: Behaviour } = { current: () => undefined };

  async function bot(extra: Record<string, unknown> = {}): Promise<TestBot> {
    const b = await createTestBot({
      config: { store: storeConfig(), events, pipeline: { sweepIntervalMs: 100 }, hotels: HOTELS, ...extra },
      plugins: [emitter, auditPlugin(heard, behaviour)],
    });
    bots.push(b);
    return b;
  }

  function storeConfig() {
    return storeType === 'memory' ? { type: 'memory' } : { type: 'mongodb', uri: databaseUri(dbName) };
  }

  beforeEach(() => {
    dbName = uniqueDatabaseName('events');
    heard.length = 0;
    behaviour.current = () => undefined;
  });
  afterEach(async () => {
    for (const b of bots.splice(0)) await b.stop();
    if (storeType === 'mongodb') await dropDatabase(mongoUri(), dbName);
  });

  it("delivers a turn's events once each, with ids stable across retries, after message.received", async () => {
    const b = await bot();
    const guest = b.guest('+254700000001');
    await guest.says('hello there');
    expect(heard.map((h) => h.text)).toEqual(['hello there']);
    expect(heard[0]!.meta.id).toMatch(/^turn:.+:1$/);
    expect(heard[0]!.meta.attempt).toBe(1);
    const rows = await b.kernel.eventDeliveries.ofEvent('seaside', heard[0]!.meta.id);
    expect(rows.map((r) => [r.listener, r.state])).toEqual([['audit/probe.noted', 'delivered']]);
  });

  it('retries a listener that throws with the same id, then delivers', async () => {
    const b = await bot();
    let failures = 2;
    behaviour.current = () => {
      if (failures-- > 0) throw new Error('alerting service down');
    };
    await b.guest('+254700000002').says('towels please');
    await until(() => heard.length === 3);
    expect(heard.map((h) => h.meta.attempt)).toEqual([1, 2, 3]);
    expect(new Set(heard.map((h) => h.meta.id)).size).toBe(1);
    const [row] = await b.kernel.eventDeliveries.ofEvent('seaside', heard[0]!.meta.id);
    await until(async () => (await b.kernel.eventDeliveries.ofEvent('seaside', heard[0]!.meta.id))[0]?.state === 'delivered');
    expect(row!.event).toBe('probe.noted');
  });

  it('parks a listener that keeps throwing as a dead letter with a log line, and replays it once fixed', async () => {
    const logs = captureLogs();
    const b = await createTestBot({
      config: { store: storeConfig(), events, pipeline: { sweepIntervalMs: 100 }, hotels: HOTELS },
      plugins: [emitter, auditPlugin(heard, behaviour)],
      logger: logs.logger,
    });
    bots.push(b);
    behaviour.current = () => {
      throw new Error('webhook answered 500');
    };
    await b.guest('+254700000003').says('broken');
    await until(async () => (await b.kernel.deadLetters.list('seaside')).length === 1);
    expect(heard).toHaveLength(events.maxAttempts);
    const [dead] = await b.kernel.deadLetters.list('seaside');
    expect(dead).toMatchObject({ event: 'probe.noted', listener: 'audit/probe.noted', attempts: 3, lastError: 'webhook answered 500' });
    expect(logs.lines().some((l) => String(l.msg).includes('parked as a dead letter') && l.listener === 'audit/probe.noted')).toBe(true);

    behaviour.current = () => undefined;
    expect(await b.kernel.deadLetters.replay('seaside', dead!.id)).toBe(1);
    await until(() => heard.length === events.maxAttempts + 1);
    await b.settle();
    expect(heard.at(-1)!.meta).toMatchObject({ id: heard[0]!.meta.id, attempt: 1 });
    expect(await b.kernel.deadLetters.list('seaside')).toEqual([]);
    // Replaying what is not (or no longer) there changes nothing.
    expect(await b.kernel.deadLetters.replay('seaside', dead!.id)).toBe(0);
    expect(await b.kernel.deadLetters.replay('citylodge', dead!.id)).toBe(0);
  });

  it("keeps a guest's order while an earlier event waits for its retry; other guests are not held back", async () => {
    const clock = new FakeClock();
    const b = await createTestBot({
      config: {
        store: storeConfig(),
        events: { ...events, retryDelayMs: 60_000, maxRetryDelayMs: 60_000 },
        pipeline: { sweepIntervalMs: 100 },
        hotels: HOTELS,
      },
      plugins: [emitter, auditPlugin(heard, behaviour)],
      clock,
    });
    bots.push(b);
    let failFirst = true;
    behaviour.current = (p) => {
      if (p.text === 'one' && failFirst) {
        failFirst = false;
        throw new Error('not yet');
      }
    };
    const alice = b.guest('+254700000004');
    const bob = b.guest('+254700000005');
    await alice.says('one');
    await alice.says('two');
    await bob.says('other');
    await alice.says('three');
    await b.settle();
    // "one" waits a minute for its retry: Alice's later events wait behind it, Bob's does not.
    expect(heard.map((h) => `${h.text}#${h.meta.attempt}`)).toEqual(['one#1', 'other#1']);

    await clock.advance(61_000);
    await b.settle();
    expect(heard.map((h) => `${h.text}#${h.meta.attempt}`)).toEqual(['one#1', 'other#1', 'one#2', 'two#1', 'three#1']);
  });

  it('records nothing for a hotel where the listening plugin is off', async () => {
    const b = await bot();
    await b.guest('+254700000006', { hotel: 'citylodge' }).says('quiet here');
    expect(heard).toEqual([]);
    expect(await b.kernel.deadLetters.list('citylodge')).toEqual([]);
  });

  it('delivers an event emitted again with the same id once', async () => {
    const b = await bot();
    const ctx = b.kernel.contextOf('emitter')!;
    const payload = { hotelId: 'seaside', guest: '+254700000007', text: 'paid' };
    await ctx.events.emit('probe.noted', payload, { id: 'payment:pi_123' });
    await ctx.events.emit('probe.noted', payload, { id: 'payment:pi_123' });
    await b.settle();
    await ctx.events.emit('probe.noted', payload, { id: 'payment:pi_123' });
    await b.settle();
    expect(heard.map((h) => h.meta.id)).toEqual(['payment:pi_123']);
  });

  it('finishes a turn saved before a crash: its events are recorded and delivered once', async () => {
    const b = await bot();
    const store = b.kernel.store;
    const key = { hotelId: 'seaside', channelId: 'test', guest: '+254700000008' };
    // What a process that died right after the commit leaves behind: the message still pending,
    // the conversation saved with the turn's events, nothing recorded for the listeners.
    const { entry } = await store.recordInbound({
      hotelId: key.hotelId,
      channelId: key.channelId,
      channelType: 'test',
      providerMessageId: 'crashed-1',
      from: key.guest,
      timestamp: new Date(),
      content: { kind: 'text', text: 'before the crash' },
      raw: {},
    });
    const at = new Date();
    const conversation = await store.load(key);
    await store.save(conversation, {
      lastInboundAt: at,
      data: {
        core: {
          lastTurn: {
            inboundId: entry.id,
            replies: [{ kind: 'text', text: 'noted before the crash' }],
            events: [
              {
                id: `turn:${entry.id}:1`,
                event: 'probe.noted',
                payload: { hotelId: 'seaside', guest: key.guest, text: 'before the crash' },
                orderKey: `guest:seaside|${key.guest}`,
                seq: `${at.toISOString()}#000001`,
                emittedAt: at,
              },
            ],
          },
        },
      },
    });
    b.kernel.pipeline.scheduler.schedule(key);
    await b.settle();
    await until(() => heard.length === 1);
    expect(heard[0]).toMatchObject({ text: 'before the crash', meta: { id: `turn:${entry.id}:1` } });
    // The turn was not decided again (no second event, one reply).
    b.kernel.pipeline.scheduler.schedule(key);
    await b.settle();
    expect(heard).toHaveLength(1);
    const replies = (await store.history(key, 10)).filter((m) => m.direction === 'out');
    expect(replies).toHaveLength(1);
  });

  it('parks an event whose listener is no longer registered rather than dropping it', async () => {
    const b = await bot();
    await b.kernel.eventDeliveries.add('seaside', [
      {
        _id: 'seaside|evt-ghost|retired/probe.noted',
        eventId: 'evt-ghost',
        event: 'probe.noted',
        payload: { hotelId: 'seaside', guest: '+1', text: 'x' },
        listener: 'retired/probe.noted',
        plugin: 'retired',
        orderKey: 'event:evt-ghost',
        seq: `${new Date().toISOString()}#000000`,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: new Date(),
        leaseUntil: new Date(0),
        emittedAt: new Date(),
      },
    ]);
    b.kernel.eventDispatcher.sweep();
    await until(async () => (await b.kernel.deadLetters.list('seaside')).length === 1);
    const [dead] = await b.kernel.deadLetters.list('seaside');
    expect(dead!.lastError).toBe('no listener "retired/probe.noted" is registered');
  });
});

describe('durable events across instances sharing a database', () => {
  const dbName = uniqueDatabaseName('events_multi');
  const bots: TestBot[] = [];
  afterAll(async () => {
    for (const b of bots) await b.stop();
    await dropDatabase(mongoUri(), dbName);
  });

  it('delivers each event to exactly one instance', async () => {
    const heardBy: string[][] = [[], [], []];
    const uri = databaseUri(dbName);
    for (const list of heardBy) {
      const listener = definePlugin({
        name: 'audit',
        register({ events }) {
          events.on('probe.noted', (_payload, meta) => {
            list.push(meta.id);
          });
        },
      });
      bots.push(
        await createTestBot({
          config: { store: { type: 'mongodb', uri }, events, pipeline: { sweepIntervalMs: 50 }, hotels: [HOTELS[0]] },
          plugins: [listener],
        }),
      );
    }
    const ctx = bots[0]!.kernel.contextOf('audit')!;
    const ids = Array.from({ length: 30 }, (_, i) => `evt-${i}`);
    for (const id of ids)
      await ctx.events.emit('probe.noted', { hotelId: 'seaside', guest: `+2547000001${id.slice(4).padStart(2, '0')}`, text: id }, { id });
    // The other instances' sweeps look at the same rows as the emitter's dispatcher.
    for (const b of bots) b.kernel.eventDispatcher.sweep();
    await until(() => heardBy.flat().length >= ids.length);
    await Promise.all(bots.map((b) => b.settle()));
    expect(heardBy.flat().sort()).toEqual([...ids].sort());
  });
});
