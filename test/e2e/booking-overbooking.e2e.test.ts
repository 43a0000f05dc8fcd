import { randomUUID } from 'node:crypto';
import {
  createBot,
  createLogger,
  createPluginStorage,
  type ChannelCapabilities,
  type InboundContent,
  type Kernel,
  type OutboundMessage,
} from '@hotello/core';
import intent from '@hotello/plugin-intent';
import booking, { BOOKING_SERVICE } from '@hotello/plugin-booking';
import { builtinStorage } from '../../plugins/booking/src/backend/builtin';
import { addDays } from '../../plugins/booking/src/domain/calendar';
import { inDays, typed } from '../../plugins/booking/test/helpers';
import { recordingChannel } from '../../core/test/pipeline/multi-instance.fixture';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../services') as typeof import('../services');

// 200 guests reach the summary of a booking for the last room on overlapping stays, then all tap
// Confirm at once, their messages spread over three bot instances that share MongoDB and Redis
// (lock-and-drain scheduling across instances, as in production). Exactly one gets the room;
// every other guest is told it was just taken and offered alternatives; the inventory balances.

const GUESTS = 200;
const INSTANCES = 3;
const ROOMS = 4;
const SOLD_BEFORE = ROOMS - 1;
const SHARED_NIGHT = inDays(120);

/** WhatsApp's interactive limits, so guests get lists and buttons to tap. */
const INTERACTIVE: ChannelCapabilities = {
  textMax: 4096,
  buttons: { max: 3, titleMax: 20, bodyMax: 1024 },
  list: { maxRows: 10, maxSections: 10, titleMax: 24, descriptionMax: 72, buttonLabelMax: 20, bodyMax: 4096 },
  kinds: new Set(),
};

async function until(check: () => boolean, what: string, timeoutMs = 240_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('never overbooked: 200 guests confirm the last room at once over three instances', () => {
  let mongo: Awaited<ReturnType<typeof services.startMongo>>;
  const instances: Kernel[] = [];
  const sent: OutboundMessage[] = [];
  const guests = Array.from({ length: GUESTS }, (_, i) => `+2547${String(i).padStart(8, '0')}`);

  const repliesTo = (guest: string) => sent.filter((m) => m.to === guest);
  const lastTo = (guest: string) => repliesTo(guest).at(-1);

  async function say(i: number, content: InboundContent): Promise<void> {
    await instances[i % INSTANCES]!.messaging.receive([
      {
        type: 'message',
        message: {
          hotelId: 'seaside',
          channelId: 'recording',
          channelType: 'recording',
          providerMessageId: `m-${randomUUID()}`,
          from: guests[i]!,
          profileName: `Guest ${i}`,
          timestamp: new Date(),
          content,
          raw: {},
        },
      },
    ]);
  }

  /** Every guest sends a message, then waits until each has one more reply than before. */
  async function everyone(content: (i: number) => InboundContent, what: string): Promise<void> {
    const before = guests.map((g) => repliesTo(g).length);
    await Promise.all(guests.map((_, i) => say(i, content(i))));
    await until(() => guests.every((g, i) => repliesTo(g).length > before[i]!), what);
  }

  beforeAll(async () => {
    // mongo-java-server: FerretDB v1 scans whole collections, too slow for ~1,000 turns.
    mongo = await services.startMongo({ engine: 'java' });
    const prefix = `hotello-booking-${randomUUID().slice(0, 8)}:`;
    for (let i = 0; i < INSTANCES; i++) {
      const kernel = createBot({
        config: {
          store: { type: 'mongodb', uri: `${mongo.uri.replace(/\/[^/]*$/, '')}/overbooking` },
          redis: { url: process.env.REDIS_URL!, keyPrefix: prefix },
          pipeline: { concurrency: 32 },
          plugins: [{ use: 'booking', options: { maxAdvanceDays: 400 } }],
          hotels: [
            {
              id: 'seaside',
              name: 'Seaside',
              timezone: 'Europe/Lisbon',
              channels: [{ type: 'recording' }],
              rateLimit: { messages: 10_000, perSeconds: 1 },
              plugins: { booking: { roomTypes: [{ id: 'double', name: 'Double room', adults: 2, rooms: ROOMS, rate: 100 }] } },
            },
          ],
        },
        extraPlugins: [recordingChannel(sent, INTERACTIVE), intent, booking],
        logger: createLogger({ level: process.env.HOTELLO_TEST_LOG ?? 'silent' }),
      });
      await kernel.start();
      instances.push(kernel);
    }
    // All but one room are sold on the shared night beforehand.
    const service = instances[0]!.container.resolve(BOOKING_SERVICE);
    for (let i = 0; i < SOLD_BEFORE; i++) {
      await service.book(
        'seaside',
        `before-${i}`,
        { checkIn: SHARED_NIGHT, checkOut: addDays(SHARED_NIGHT, 1), adults: 2, children: 0, roomType: 'double' },
        { phone: `+3519000000${i}`, name: 'Earlier guest' },
      );
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(instances.map((k) => k.stop()));
    await mongo?.stop();
  });

  it('sells exactly the last room and tells everyone else it was just taken, with alternatives', async () => {
    // Stays from two nights before to two nights after the shared night: all overlap on it.
    await everyone((i) => {
      const checkIn = addDays(SHARED_NIGHT, -(i % 3));
      return { kind: 'text', text: `a room on ${typed(checkIn)} for ${3 + (i % 2)} nights for 2 adults` };
    }, 'the room lists');
    expect(guests.every((g) => lastTo(g)?.content.kind === 'list')).toBe(true);
    await everyone(() => ({ kind: 'choice', id: 'room:double', title: 'Double room' }), 'the name questions');
    await everyone(() => ({ kind: 'choice', id: 'name_yes', title: 'Yes' }), 'the email questions');
    await everyone((i) => ({ kind: 'text', text: `guest${i}@example.com` }), 'the summaries');
    expect(guests.every((g) => lastTo(g)?.content.kind === 'buttons')).toBe(true);

    await everyone(() => ({ kind: 'choice', id: 'confirm', title: 'Confirm' }), 'the outcomes');

    const outcomes = guests.map((g) => repliesTo(g).slice(-3));
    const booked = outcomes.filter((replies) => replies.some((m) => m.content.kind === 'text' && /^Booked!/.test(m.content.text)));
    const taken = outcomes.filter((replies) => replies.some((m) => m.content.kind === 'text' && /just taken/.test(m.content.text)));
    expect(booked).toHaveLength(1);
    expect(taken).toHaveLength(GUESTS - 1);
    // The alternative offered after "just taken": nearby dates (buttons) — there is no other room type.
    for (const replies of taken) {
      const after = replies.at(-1)!.content;
      expect(after.kind === 'buttons' || after.kind === 'list' || after.kind === 'text').toBe(true);
    }
    expect(taken.filter((replies) => replies.at(-1)!.content.kind === 'buttons').length).toBeGreaterThan(0);

    // The books balance: per night, rooms taken = active bookings covering it, never above the rooms.
    const storage = builtinStorage(createPluginStorage('booking', instances[0]!.store.pluginCollections));
    const service = instances[0]!.container.resolve(BOOKING_SERVICE);
    const all = await storage.records.list('seaside', { limit: 500 });
    const active = all.filter((b) => b.status === 'held' || b.status === 'confirmed');
    expect(active).toHaveLength(SOLD_BEFORE + 1);
    expect(all.filter((b) => b.status === 'pending')).toEqual([]);
    const first = addDays(SHARED_NIGHT, -3);
    const last = addDays(SHARED_NIGHT, 4);
    const usage = new Map((await storage.inventory.usage('seaside', first, last, 'double')).map((n) => [n.date, n]));
    for (let date = first; date <= last; date = addDays(date, 1)) {
      const covering = active
        .filter((b) => b.checkIn <= date && date < b.checkOut)
        .map((b) => b.reference)
        .sort();
      const night = usage.get(date);
      expect({ date, taken: night?.taken ?? 0, holders: [...(night?.holders ?? [])].sort() }).toEqual({
        date,
        taken: covering.length,
        holders: covering,
      });
      expect(covering.length).toBeLessThanOrEqual(ROOMS);
    }
    expect(usage.get(SHARED_NIGHT)?.taken).toBe(ROOMS);
    expect(await service.search('seaside', { checkIn: SHARED_NIGHT, checkOut: addDays(SHARED_NIGHT, 1), adults: 2, children: 0 })).toEqual(
      [],
    );
  }, 300_000);
});
