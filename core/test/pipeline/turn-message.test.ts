import { randomUUID } from 'node:crypto';
import { createBot, createLogger, definePlugin, type InboundMessage, type Kernel, type OutboundMessage } from '@hotello/core';
import { recordingChannel, until } from './multi-instance.fixture';

// Any instance may run a guest's turn: the one that received the message, another one sharing
// the database, or this one after a restart. The turn must see the same message whichever it
// is, so it is rebuilt from the log every time and the log keeps all that a turn reads.
describe.each([
  ['memory', () => ({ type: 'memory' })],
  [
    'mongodb',
    () => ({ type: 'mongodb', uri: `${process.env.MONGODB_URI!.replace(/\/[^/]*$/, '')}/turn-message-${randomUUID().slice(0, 8)}` }),
  ],
])('the message a turn sees (%s store)', (_name, store) => {
  const sent: OutboundMessage[] = [];
  const seen: InboundMessage[] = [];
  let bot: Kernel;

  beforeAll(async () => {
    const spy = definePlugin({
      name: 'spy',
      register: ({ turns }) =>
        turns.use('route', async (ctx, next) => {
          seen.push(ctx.message);
          ctx.reply({ kind: 'text', text: 'ok' });
          await next();
        }),
    });
    bot = createBot({
      config: {
        store: store(),
        pipeline: { sweepIntervalMs: 100 },
        hotels: [{ id: 'seaside', name: 'Seaside', channels: [{ type: 'recording' }] }],
      },
      extraPlugins: [recordingChannel(sent), spy],
      logger: createLogger({ level: 'silent' }),
    });
    await bot.start();
  });
  afterAll(() => bot.stop());

  const message = (guest: string): InboundMessage => ({
    hotelId: 'seaside',
    channelId: 'recording',
    channelType: 'recording',
    providerMessageId: `wamid.${randomUUID()}`,
    from: guest,
    profileName: 'Ana',
    // Sent a minute before it reached us: the turn must see the guest's time, not ours.
    timestamp: new Date(Date.now() - 60_000),
    content: { kind: 'text', text: 'is breakfast included?' },
    replyTo: 'wamid.quoted-offer',
    raw: { provider: 'payload' },
  });

  const essentials = (m: InboundMessage) => ({
    providerMessageId: m.providerMessageId,
    from: m.from,
    profileName: m.profileName,
    timestamp: m.timestamp.toISOString(),
    content: m.content,
    replyTo: m.replyTo,
    raw: m.raw,
    channelType: m.channelType,
  });

  it('is the message as received when the receiving instance runs it', async () => {
    const original = message('+254755000001');
    await bot.messaging.receive([{ type: 'message', message: original }]);
    await until(() => seen.some((m) => m.providerMessageId === original.providerMessageId));
    expect(essentials(seen.find((m) => m.providerMessageId === original.providerMessageId)!)).toEqual(essentials(original));
  });

  it('is the same message when another instance (or a restart) runs it from the log', async () => {
    const original = message('+254755000002');
    // Persisted by an instance that died before running it; this one finds it in its sweep.
    await bot.store.recordInbound(original);
    await until(() => seen.some((m) => m.providerMessageId === original.providerMessageId));
    expect(essentials(seen.find((m) => m.providerMessageId === original.providerMessageId)!)).toEqual(essentials(original));
    const conversation = await bot.store.findByKey({ hotelId: 'seaside', channelId: 'recording', guest: original.from });
    expect(conversation?.lastInboundAt?.toISOString()).toBe(original.timestamp.toISOString());
  });
});
