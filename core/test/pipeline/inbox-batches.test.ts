import { definePlugin, type InboundMessage } from '@hotello/core';
import { createTestBot, type TestBot } from '@hotello/core/testing';

// Issue 11: one event the store refuses must not cost the rest of its batch, and what guests
// really send (long texts, long profile names, odd provider clocks) reaches the turn.

const seen: { id: string; text?: string; profileName?: string; at: Date }[] = [];
const recorder = definePlugin({
  name: 'recorder',
  register({ turns }) {
    turns.use('route', async (ctx, next) => {
      seen.push({ id: ctx.message.providerMessageId, text: ctx.text, profileName: ctx.message.profileName, at: ctx.message.timestamp });
      ctx.reply({ kind: 'text', text: 'noted' });
      await next();
    });
  },
});

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot({ plugins: [recorder], config: { hotels: [{ id: 'seaside', name: 'Seaside' }] } });
});
afterAll(() => bot.stop());
beforeEach(() => {
  seen.length = 0;
});

let n = 0;
function message(guest: string, overrides: Partial<InboundMessage> = {}): { type: 'message'; message: InboundMessage } {
  n += 1;
  return {
    type: 'message',
    message: {
      hotelId: 'seaside',
      channelId: 'test',
      channelType: 'test',
      providerMessageId: `batch-${n}`,
      from: guest,
      timestamp: new Date(),
      content: { kind: 'text', text: `hello ${n}` },
      raw: {},
      ...overrides,
    },
  };
}

it('stores every good message of a batch and skips the ones the store refuses', async () => {
  const guest = '+254711100001';
  const events = [
    message(guest),
    message(guest, { providerMessageId: 'x'.repeat(300) }), // longer than any provider id
    message(guest, { content: { kind: 'text', text: 'y'.repeat(70_000) } }), // over the inbound bound
    message(guest),
  ];
  const result = await bot.kernel.messaging.receive(events);
  expect(result).toEqual({ accepted: 2, duplicates: 0, statuses: 0, rejected: 2 });
  await bot.settle();
  expect(seen.map((s) => s.id)).toEqual([events[0]!.message.providerMessageId, events[3]!.message.providerMessageId]);
});

it('skips a status the store refuses and applies the rest', async () => {
  const status = (providerMessageId: string) => ({
    type: 'status' as const,
    status: {
      hotelId: 'seaside',
      channelId: 'test',
      channelType: 'test',
      providerMessageId,
      status: 'read' as const,
      timestamp: new Date(),
      raw: {},
    },
  });
  const result = await bot.kernel.messaging.receive([status('s'.repeat(300)), status('wamid.unknown')]);
  expect(result).toEqual({ accepted: 0, duplicates: 0, statuses: 1, rejected: 1 });
});

it('accepts a 5,000-character guest text and runs its turn', async () => {
  const long = 'z'.repeat(5_000);
  const result = await bot.kernel.messaging.receive([message('+254711100002', { content: { kind: 'text', text: long } })]);
  expect(result).toEqual({ accepted: 1, duplicates: 0, statuses: 0 });
  await bot.settle();
  expect(seen[0]!.text).toBe(long);
});

it('replaces an invalid or absurd timestamp with the receipt time', async () => {
  const before = Date.now();
  const result = await bot.kernel.messaging.receive([
    message('+254711100003', { timestamp: new Date('not a date') }),
    message('+254711100003', { timestamp: new Date(8.64e15) }),
  ]);
  expect(result.accepted).toBe(2);
  await bot.settle();
  for (const s of seen) {
    expect(s.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(s.at.getTime()).toBeLessThanOrEqual(Date.now());
  }
});

it('runs the turn of a guest whose profile name is 257 characters, keeping 256', async () => {
  const guest = bot.guest('+254711100004', { hotel: 'seaside' });
  await bot.kernel.messaging.receive([message(guest.phone, { profileName: 'P'.repeat(257) })]);
  await bot.settle();
  expect(seen[0]!.profileName).toBe('P'.repeat(256));
  expect(guest.replies.map((r) => r.text)).toEqual(['noted']);
  const conversation = await bot.kernel.store.findByKey({ hotelId: 'seaside', channelId: 'test', guest: guest.phone });
  expect(conversation?.profile.name).toBe('P'.repeat(256));
});
