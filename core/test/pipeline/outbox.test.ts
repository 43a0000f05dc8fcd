import { ChannelSendError, createBot, definePlugin, z, type Kernel, type OutboundMessage } from '@hotello/core';
import { createLogger } from '@hotello/core';

type Script = (message: OutboundMessage, attempt: number) => void;

/** A channel whose sends follow a script: throw to fail, return to succeed. */
function flakyChannel(script: { current: Script }, sent: { message: OutboundMessage; at: number }[]) {
  const attempts = new Map<string, number>();
  return definePlugin({
    name: 'flaky-channel',
    channels: [{ type: 'flaky', options: z.object({}) }],
    register(ctx) {
      ctx.messaging.registerAdapter({
        type: 'flaky',
        capabilities: { textMax: 4096, buttons: false, list: false, kinds: new Set(['template']) },
        async send(_channel, message) {
          const n = (attempts.get(message.outboxId) ?? 0) + 1;
          attempts.set(message.outboxId, n);
          script.current(message, n);
          sent.push({ message, at: Date.now() });
          return { providerMessageId: `wamid.${message.outboxId}.${n}` };
        },
      });
    },
  });
}

const replier = definePlugin({
  name: 'replier',
  register({ turns }) {
    turns.use('route', async (ctx, next) => {
      ctx.reply({ kind: 'text', text: `re: ${ctx.text}` });
      ctx.reply({ kind: 'text', text: `second for ${ctx.text}` });
      await next();
    });
  },
});

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('outbox', () => {
  const script = { current: (() => undefined) as Script };
  const sent: { message: OutboundMessage; at: number }[] = [];
  const failures: unknown[] = [];
  let bot: Kernel;
  let seq = 0;

  beforeAll(async () => {
    bot = createBot({
      config: {
        pipeline: { maxSendAttempts: 4 },
        hotels: [
          {
            id: 'seaside',
            name: 'Seaside',
            channels: [{ type: 'flaky' }],
            outsideWindowTemplate: { name: 'reopen_chat', language: 'en', parameters: [] },
          },
        ],
      },
      extraPlugins: [flakyChannel(script, sent), replier],
      logger: createLogger({ level: 'silent' }),
    });
    await bot.start();
    bot.events.on('message.failed', (p) => {
      failures.push(p);
    });
  });
  afterAll(() => bot.stop());
  beforeEach(() => {
    sent.length = 0;
    failures.length = 0;
  });

  const say = (guest: string, text: string, timestamp = new Date()) =>
    bot.messaging.receive([
      {
        type: 'message',
        message: {
          hotelId: 'seaside',
          channelId: 'flaky',
          channelType: 'flaky',
          providerMessageId: `in-${++seq}`,
          from: guest,
          timestamp,
          content: { kind: 'text', text },
          raw: {},
        },
      },
    ]);

  it('retries retryable failures with backoff, honours Retry-After, and keeps the order', async () => {
    script.current = (m, attempt) => {
      if (m.content.kind === 'text' && m.content.text.startsWith('re:') && attempt === 1)
        throw new ChannelSendError('throttled', 'slow down', '130429', 700);
    };
    const started = Date.now();
    await say('+254722000001', 'hello');
    await until(() => sent.length === 2);
    expect(sent.map((s) => (s.message.content as { text: string }).text)).toEqual(['re: hello', 'second for hello']);
    expect(sent[0]!.at - started).toBeGreaterThanOrEqual(650);
    const log = await bot.store.history({ hotelId: 'seaside', channelId: 'flaky', guest: '+254722000001' });
    const first = log.find((m) => m.direction === 'out')!;
    expect(first).toMatchObject({ status: 'sent', attempts: 2, providerMessageId: `wamid.${first.id}.2` });
  });

  it('records a permanent failure with the provider reason, raises message.failed and sends the rest', async () => {
    script.current = (m) => {
      if (m.content.kind === 'text' && m.content.text.startsWith('re:'))
        throw new ChannelSendError('permanent', 'Recipient phone number not in allowed list', '131030');
    };
    await say('+254722000002', 'hello');
    await until(() => sent.length === 1 && failures.length === 1);
    expect(failures[0]).toMatchObject({
      hotelId: 'seaside',
      guest: '+254722000002',
      code: '131030',
      reason: 'Recipient phone number not in allowed list',
    });
    const log = await bot.store.history({ hotelId: 'seaside', channelId: 'flaky', guest: '+254722000002' });
    expect(log.filter((m) => m.direction === 'out').map((m) => m.status)).toEqual(['failed', 'sent']);
  });

  it('gives up after maxSendAttempts on a provider that keeps failing', async () => {
    script.current = () => {
      throw new ChannelSendError('retryable', 'HTTP 500', '500', 1);
    };
    await say('+254722000003', 'hello');
    await until(() => failures.length >= 1, 20_000);
    expect(failures[0]).toMatchObject({ code: '500' });
    script.current = () => undefined;
  }, 30_000);

  it('sends the configured template instead of free text once the 24-hour window closed', async () => {
    script.current = () => undefined;
    const old = new Date(Date.now() - 25 * 3_600_000);
    await say('+254722000004', 'an old message', old);
    await until(() => sent.length === 2);
    expect(sent.map((s) => s.message.content)).toEqual([
      { kind: 'template', name: 'reopen_chat', language: 'en', parameters: [] },
      { kind: 'template', name: 'reopen_chat', language: 'en', parameters: [] },
    ]);
  });

  it('believes the provider over its clock: refused as outside the window, the next attempt is the template (once)', async () => {
    const refused: string[] = [];
    script.current = (m) => {
      if (m.content.kind === 'text') {
        refused.push(m.content.text);
        throw new ChannelSendError('outside_window', 'Re-engagement message', '131047');
      }
    };
    await say('+254722000005', 'hello');
    await until(() => sent.length === 2);
    // Each free-form reply was tried once and then went out as the template: no free-text loop.
    expect(refused).toEqual(['re: hello', 'second for hello']);
    expect(sent.map((s) => s.message.content.kind)).toEqual(['template', 'template']);
    const log = await bot.store.history({ hotelId: 'seaside', channelId: 'flaky', guest: '+254722000005' });
    expect(log.filter((m) => m.direction === 'out').map((m) => [m.status, m.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);
  });
});
