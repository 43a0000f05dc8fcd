import { createBot, createLogger, type Kernel, type OutboundMessage } from '@hotello/core';
import { recordingChannel } from './multi-instance.fixture';

// A sender that dies between the provider accepting a reply and recording it leaves the reply
// claimed with no outcome. The outbox then waits for the provider's status (which echoes our
// outbox id) instead of sending a second copy, and sends again only if none comes.
describe('replies whose send outcome was lost', () => {
  const sent: OutboundMessage[] = [];
  let bot: Kernel;
  beforeAll(async () => {
    bot = createBot({
      config: {
        pipeline: { sendLeaseMs: 200, reconcileMs: 400, sweepIntervalMs: 100 },
        hotels: [{ id: 'seaside', name: 'Seaside', channels: [{ type: 'recording' }] }],
      },
      extraPlugins: [recordingChannel(sent)],
      logger: createLogger({ level: 'silent' }),
    });
    await bot.start();
  });
  afterAll(() => bot.stop());

  async function orphan(guest: string): Promise<string> {
    const [queued] = await bot.store.enqueueOutbound([
      { hotelId: 'seaside', channelId: 'recording', guest, content: { kind: 'text', text: 'your room is ready' } },
    ]);
    // The claim of a sender that then died.
    expect(await bot.store.claimOutbound('seaside', queued!.id, 200)).toBe(true);
    return queued!.id;
  }

  const outOf = async (guest: string) =>
    (await bot.store.history({ hotelId: 'seaside', channelId: 'recording', guest })).filter((m) => m.direction === 'out');

  it('is recorded as sent, not sent again, when the provider status echoes its id', async () => {
    const guest = '+254744000001';
    const id = await orphan(guest);
    await bot.messaging.receive([
      {
        type: 'status',
        status: {
          hotelId: 'seaside',
          channelId: 'recording',
          channelType: 'recording',
          providerMessageId: 'wamid.confirmed',
          status: 'sent',
          timestamp: new Date(),
          reference: id,
          raw: {},
        },
      },
    ]);
    await new Promise((r) => setTimeout(r, 1500));
    expect(sent.filter((m) => m.to === guest)).toHaveLength(0);
    expect(await outOf(guest)).toMatchObject([{ id, status: 'sent', providerMessageId: 'wamid.confirmed' }]);
  });

  it('is sent exactly once after the wait when no status comes', async () => {
    const guest = '+254744000002';
    await orphan(guest);
    const end = Date.now() + 5000;
    while (sent.filter((m) => m.to === guest).length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 800));
    expect(sent.filter((m) => m.to === guest)).toHaveLength(1);
    expect((await outOf(guest)).map((m) => m.status)).toEqual(['sent']);
  });
});
