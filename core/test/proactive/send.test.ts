import {
  ChannelSendError,
  createBot,
  createLogger,
  z,
  type Kernel,
  ChannelUnavailableError,
  GuestOptedOutError,
  InvalidProactiveRequestError,
  OutsideWindowError,
  UnknownGuestError,
  UnknownHotelError,
  UnknownMessageError,
  definePlugin,
  type PluginContext,
} from '../../src/index';
import { createTestBot, type TestBot } from '../../src/testing';

const DAY = 24 * 60 * 60 * 1000;

/** A plugin with Spanish and English texts that sends when the test tells it to. */
function remindersPlugin(name: string, seen: { ctx?: PluginContext; early?: Promise<unknown> }, answers = false) {
  return definePlugin({
    name,
    register(ctx) {
      ctx.messages.add(name, {
        en: { dinner: 'Dinner is served at {{hour}}.' },
        es: { dinner: 'La cena se sirve a las {{hour}}.' },
        de: { onlyGerman: 'Nur auf Deutsch.' },
      });
      // Sending belongs to start and later; register is too early.
      seen.early ??= ctx.messaging.send({ hotelId: 'seaside', guest: '+254700000001', message: { key: 'dinner' } }).catch((e) => e);
      seen.ctx = ctx;
      if (answers)
        ctx.turns.use('route', async (turn, next) => {
          turn.reply({ kind: 'text', text: `re: ${turn.text}` });
          await next();
        });
    },
  });
}

/** `HH:MM` in UTC, `minutes` from now. */
function utcClock(minutes: number): string {
  const d = new Date(Date.now() + minutes * 60_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

async function outcomes(bot: TestBot): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const { labels, value } of (await bot.kernel.metrics.proactive.get()).values)
    out[`${labels.plugin}:${labels.outcome}`] = (out[`${labels.plugin}:${labels.outcome}`] ?? 0) + value;
  return out;
}

describe('ctx.messaging.send', () => {
  const seen: { ctx?: PluginContext; early?: Promise<unknown> } = {};
  const other: { ctx?: PluginContext } = {};
  let bot: TestBot;
  let n = 0;
  const send = (request: Parameters<PluginContext['messaging']['send']>[0]) => seen.ctx!.messaging.send(request);
  const nextGuest = () => `+2547001${String(++n).padStart(5, '0')}`;

  beforeAll(async () => {
    bot = await createTestBot({
      config: {
        hotels: [
          { id: 'seaside', name: 'Seaside' },
          {
            id: 'citylodge',
            name: 'City Lodge',
            defaultLanguage: 'es',
            outsideWindowTemplate: { name: 'reopen_chat', language: 'es', parameters: [] },
          },
          // Quiet for the next two hours, whenever the test runs.
          { id: 'quiet', name: 'Quiet Inn', quietHours: { from: utcClock(-60), to: utcClock(120) } },
        ],
      },
      plugins: [remindersPlugin('reminders', seen, true), remindersPlugin('offers', other)],
    });
  });
  afterAll(() => bot.stop());

  /** Whatever was sent or queued for a guest at a hotel, to prove a refusal left nothing behind. */
  const trace = async (hotelId: string, guest: string) => ({
    sent: bot.outbox.filter((r) => r.message.hotelId === hotelId && r.message.to === guest).length,
    log: (await bot.kernel.store.history({ hotelId, channelId: 'test', guest })).length,
  });

  it('sends a catalogue text in the guest language through the outbox, and returns its logged id', async () => {
    const guest = bot.guest(nextGuest(), { hotel: 'seaside', language: 'es' });
    await guest.says('hola');
    const result = await send({ hotelId: 'seaside', guest: guest.phone, message: { key: 'dinner', vars: { hour: '20:00' } } });
    expect(result).toMatchObject({ channelId: 'test', duplicate: false });
    expect(result.notBefore).toBeUndefined();
    await bot.settle();
    expect(guest.replies.map((r) => r.text)).toEqual(['re: hola', 'La cena se sirve a las 20:00.']);
    const row = (await bot.kernel.store.history({ hotelId: 'seaside', channelId: 'test', guest: guest.phone })).find(
      (m) => m.id === result.messageId,
    );
    expect(row).toMatchObject({ direction: 'out', status: 'sent', proactiveBy: 'reminders' });
    // Status callbacks find it under the provider id the channel gave.
    const provider = bot.outbox.find((r) => r.message.outboxId === result.messageId)!.providerMessageId;
    expect(row!.providerMessageId).toBe(provider);
    await bot.kernel.store.updateDelivery('seaside', 'test', provider, 'read');
    expect((await bot.kernel.store.history({ hotelId: 'seaside', channelId: 'test', guest: guest.phone })).at(-1)!.status).toBe('read');
  });

  it("uses the hotel's default language when the conversation has none, and sends ready content as given", async () => {
    const guest = bot.guest(nextGuest(), { hotel: 'citylodge' });
    await guest.says('hello');
    await send({ hotelId: 'citylodge', guest: guest.phone, message: { key: 'dinner', vars: { hour: '21:00' } } });
    await send({
      hotelId: 'citylodge',
      guest: guest.phone,
      message: { kind: 'buttons', text: 'Rate us?', buttons: [{ id: 'y', title: 'Yes' }] },
    });
    await bot.settle();
    expect(guest.replies.slice(1).map((r) => r.text)).toEqual(['La cena se sirve a las 21:00.', 'Rate us?']);
    expect(guest.lastReply.buttons).toEqual(['Yes']);
  });

  it('sends the given template outside the 24-hour window, else the hotel template, else refuses', async () => {
    const guest = bot.guest(nextGuest(), { hotel: 'seaside', language: 'es' });
    await guest.says('hola');
    const key = { hotelId: 'seaside', channelId: 'test', guest: guest.phone };
    const conversation = (await bot.kernel.store.findByKey(key))!;
    await bot.kernel.store.save(conversation, { lastInboundAt: new Date(Date.now() - DAY - 60_000) });

    const before = await trace('seaside', guest.phone);
    await expect(send({ hotelId: 'seaside', guest: guest.phone, message: { key: 'dinner' } })).rejects.toThrow(OutsideWindowError);
    expect(await trace('seaside', guest.phone)).toEqual(before);

    await send({
      hotelId: 'seaside',
      guest: guest.phone,
      message: { key: 'dinner' },
      template: { name: 'dinner_time', parameters: ['20:00'] },
    });
    await bot.settle();
    expect(guest.lastReply.content).toEqual({ kind: 'template', name: 'dinner_time', language: 'es', parameters: ['20:00'] });

    const lodger = bot.guest(nextGuest(), { hotel: 'citylodge' });
    await lodger.says('hi');
    const lodging = { hotelId: 'citylodge', channelId: 'test', guest: lodger.phone };
    await bot.kernel.store.save((await bot.kernel.store.findByKey(lodging))!, { lastInboundAt: new Date(Date.now() - 2 * DAY) });
    await send({ hotelId: 'citylodge', guest: lodger.phone, message: { key: 'dinner' } });
    await bot.settle();
    expect(lodger.lastReply.content).toMatchObject({ kind: 'template', name: 'reopen_chat' });
  });

  it('refuses bad input by name and queues nothing', async () => {
    const guest = bot.guest(nextGuest(), { hotel: 'seaside' });
    await guest.says('hi');
    const before = await trace('seaside', guest.phone);
    const cases: [Promise<unknown>, new (...args: never[]) => Error, RegExp][] = [
      [send({ hotelId: 'nowhere', guest: guest.phone, message: { key: 'dinner' } }), UnknownHotelError, /unknown hotel "nowhere"/],
      [
        send({ hotelId: 'seaside', guest: '+254799999999', message: { key: 'dinner' } }),
        UnknownGuestError,
        /no conversation at hotel "seaside"/,
      ],
      [send({ hotelId: 'seaside', guest: 'not a number', message: { key: 'dinner' } }), UnknownGuestError, /not a phone number/],
      [
        send({ hotelId: 'seaside', guest: guest.phone, channelId: 'cloud-api', message: { key: 'dinner' } }),
        ChannelUnavailableError,
        /channel "cloud-api" of hotel "seaside" is not configured/,
      ],
      [send({ hotelId: 'seaside', guest: guest.phone, message: { key: 'nope' } }), UnknownMessageError, /"reminders.nope" in en/],
      [send({ hotelId: 'seaside', guest: guest.phone, message: { key: 'onlyGerman' } }), UnknownMessageError, /onlyGerman/],
      [
        send({ hotelId: 'seaside', guest: guest.phone, message: { kind: 'text', text: 'x'.repeat(100_000) } }),
        InvalidProactiveRequestError,
        /cannot queue the message/,
      ],
      [
        send({ hotelId: 'seaside', guest: guest.phone, message: { key: 'dinner' }, idempotencyKey: '' }),
        InvalidProactiveRequestError,
        /idempotencyKey/,
      ],
    ];
    for (const [attempt, type, message] of cases) {
      const err = await attempt.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(type);
      expect((err as Error).message).toMatch(message);
    }
    await bot.settle();
    expect(await trace('seaside', guest.phone)).toEqual(before);
    expect(await outcomes(bot)).toMatchObject({ 'reminders:unknown_hotel': 1, 'reminders:unknown_message': 2 });
  });

  it('writes first on a given channel to a guest who never wrote, with a template', async () => {
    const phone = nextGuest();
    await expect(send({ hotelId: 'seaside', guest: phone, channelId: 'test', message: { key: 'dinner' } })).rejects.toThrow(
      OutsideWindowError,
    );
    await send({
      hotelId: 'seaside',
      guest: phone,
      channelId: 'test',
      message: { key: 'dinner' },
      template: { name: 'welcome', language: 'en' },
    });
    await bot.settle();
    expect(bot.guest(phone, { hotel: 'seaside' }).lastReply.content).toMatchObject({ kind: 'template', name: 'welcome' });
  });

  it('refuses an opted-out guest, while replies in a turn still reach them', async () => {
    const guest = bot.guest(nextGuest(), { hotel: 'seaside' });
    await guest.says('hi');
    const consent = seen.ctx!.consent;
    expect(await consent.allowsProactive('seaside', guest.phone)).toBe(true);
    await other.ctx!.consent.optOut('seaside', guest.phone, 'replied STOP');
    expect(await consent.get('seaside', guest.phone)).toMatchObject({ optedOut: true, reason: 'replied STOP', by: 'offers' });
    expect(await consent.allowsProactive('seaside', guest.phone)).toBe(false);
    // Per hotel: the same number elsewhere is not affected.
    expect(await consent.allowsProactive('citylodge', guest.phone)).toBe(true);

    const before = await trace('seaside', guest.phone);
    await expect(send({ hotelId: 'seaside', guest: guest.phone, message: { key: 'dinner' } })).rejects.toThrow(GuestOptedOutError);
    await bot.settle();
    expect(await trace('seaside', guest.phone)).toEqual(before);
    expect(await guest.says('still there?')).toMatchObject([{ text: 're: still there?' }]);

    await consent.optIn('seaside', guest.phone);
    expect(await consent.get('seaside', guest.phone)).toMatchObject({ optedOut: false, by: 'reminders' });
    expect(await consent.get('seaside', guest.phone)).not.toHaveProperty('reason');
    await send({ hotelId: 'seaside', guest: guest.phone, message: { key: 'dinner' } });
    await bot.settle();
    expect(guest.lastReply.text).toBe('Dinner is served at .');
    await expect(consent.optOut('nowhere', guest.phone)).rejects.toThrow(UnknownHotelError);
  });

  it('queues one message per idempotency key and plugin', async () => {
    const guest = bot.guest(nextGuest(), { hotel: 'seaside' });
    await guest.says('hi');
    const request = {
      hotelId: 'seaside',
      guest: guest.phone,
      message: { key: 'dinner', vars: { hour: '19:00' } },
      idempotencyKey: 'booking-42',
    };
    const [a, b] = await Promise.all([send(request), send(request)]);
    expect(a!.messageId).toBe(b!.messageId);
    expect([a!.duplicate, b!.duplicate].sort()).toEqual([false, true]);
    await bot.settle();
    expect((await send(request)).messageId).toBe(a!.messageId);
    const fromOffers = await other.ctx!.messaging.send(request);
    expect(fromOffers.messageId).not.toBe(a!.messageId);
    await bot.settle();
    expect(guest.replies.map((r) => r.text)).toEqual(['re: hi', 'Dinner is served at 19:00.', 'Dinner is served at 19:00.']);
  });

  it('defers a non-urgent message in quiet hours without holding back turn replies; urgent goes now', async () => {
    const guest = bot.guest(nextGuest(), { hotel: 'quiet' });
    await guest.says('hi');
    const deferred = await send({ hotelId: 'quiet', guest: guest.phone, message: { key: 'dinner', vars: { hour: '20:00' } } });
    expect(deferred.notBefore!.getTime()).toBeGreaterThan(Date.now());
    await bot.settle();
    expect(await guest.says('anyone?')).toMatchObject([{ text: 're: anyone?' }]);
    await send({ hotelId: 'quiet', guest: guest.phone, message: { kind: 'text', text: 'Fire drill now.' }, urgent: true });
    await bot.settle();
    expect(guest.replies.map((r) => r.text)).toEqual(['re: hi', 're: anyone?', 'Fire drill now.']);
    const queued = await bot.kernel.store.queuedOutbound({ hotelId: 'quiet', channelId: 'test', guest: guest.phone });
    expect(queued).toMatchObject([{ id: deferred.messageId, notBefore: deferred.notBefore }]);
  });

  it('is refused before the bot started', async () => {
    expect(await seen.early).toBeInstanceOf(InvalidProactiveRequestError);
    expect(String(await seen.early)).toMatch(/once the bot has started/);
  });

  it('counts sends by plugin and outcome', async () => {
    expect(await outcomes(bot)).toMatchObject({
      'reminders:opted_out': 1,
      'reminders:duplicate': 2,
      'reminders:deferred': 1,
      'offers:queued': 1,
    });
  });
});

describe('ctx.messaging.send and the order of replies', () => {
  const sent: string[] = [];
  const seen: { ctx?: PluginContext } = {};
  let failNext = true;
  let bot: Kernel;

  /** A channel whose first send fails with a Retry-After, so that reply waits in the outbox. */
  const flaky = definePlugin({
    name: 'flaky-channel',
    channels: [{ type: 'flaky', options: z.object({}) }],
    register(ctx) {
      seen.ctx = ctx;
      ctx.messaging.registerAdapter({
        type: 'flaky',
        capabilities: { textMax: 4096, buttons: false, list: false, kinds: new Set() },
        async send(_channel, message) {
          if (failNext) {
            failNext = false;
            throw new ChannelSendError('throttled', 'slow down', '130429', 300);
          }
          sent.push(message.content.kind === 'text' ? message.content.text : message.content.kind);
          return { providerMessageId: `flaky-${message.outboxId}` };
        },
      });
      ctx.turns.use('route', async (turn, next) => {
        turn.reply({ kind: 'text', text: `re: ${turn.text}` });
        await next();
      });
    },
  });

  beforeAll(async () => {
    bot = createBot({
      config: { hotels: [{ id: 'seaside', name: 'Seaside', channels: [{ type: 'flaky' }] }] },
      extraPlugins: [flaky],
      logger: createLogger({ level: 'silent' }),
    });
    await bot.start();
  });
  afterAll(() => bot.stop());

  it('queues behind a reply still waiting for its retry, and goes out after it', async () => {
    const guest = '+254700009001';
    const key = { hotelId: 'seaside', channelId: 'flaky', guest };
    await bot.messaging.receive([
      {
        type: 'message',
        message: {
          hotelId: 'seaside',
          channelId: 'flaky',
          channelType: 'flaky',
          providerMessageId: 'order-1',
          from: guest,
          timestamp: new Date(),
          content: { kind: 'text', text: 'hi' },
          raw: {},
        },
      },
    ]);
    await until(async () => (await bot.store.queuedOutbound(key)).some((m) => m.error?.code === '130429'));
    await seen.ctx!.messaging.send({ hotelId: 'seaside', guest, message: { kind: 'text', text: 'A proactive note.' } });
    await until(async () => sent.length === 2);
    expect(sent).toEqual(['re: hi', 'A proactive note.']);
  });
});

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; !(await check()); i++) {
    if (i > 500) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 20));
  }
}
