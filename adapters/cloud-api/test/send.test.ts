import { ChannelSendError, renderForChannel, type OutboundContent, type PlannedChannel } from '@hotello/core';
import cloudApi, { cloudApiChannelOptions, createCloudApiAdapter } from '@hotello/adapter-cloud-api';
import { CloudApiFake } from '../../../test/fakes/cloud-api-fake';
import { startCapturingBot } from '../../../test/fakes/capturing-bot';

const PHONE_ID = '106540352242922';
let fake: CloudApiFake;
let channel: PlannedChannel;
const adapter = createCloudApiAdapter();

beforeAll(async () => {
  fake = await CloudApiFake.start('EAAG-test-token');
  channel = {
    hotelId: 'seaside',
    id: 'cloud-api',
    type: 'cloud-api',
    plugin: 'cloud-api',
    options: cloudApiChannelOptions.parse({
      phoneNumberId: PHONE_ID,
      accessToken: 'EAAG-test-token',
      appSecret: 's',
      verifyToken: 'v',
      baseUrl: fake.url,
      timeoutMs: 300,
    }),
  };
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

// As the outbox hands it over: rendered for the channel's capabilities (adapters render nothing themselves).
const send = (content: OutboundContent, replyTo?: string) =>
  adapter.send(channel, {
    hotelId: 'seaside',
    channelId: 'cloud-api',
    to: '+16505551234',
    content: renderForChannel(content, adapter.capabilities).content,
    replyTo,
    outboxId: 'out-1',
  });

// biz_opaque_callback_data carries our outbox id; Meta echoes it in status webhooks.
// https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/send-messages
const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '+16505551234', biz_opaque_callback_data: 'out-1' };

describe('Cloud API send: request format per message type', () => {
  it('posts to /{version}/{phone-number-id}/messages with the bearer token and returns the wamid', async () => {
    const result = await send({ kind: 'text', text: 'Welcome to Seaside!' });
    expect(fake.sent).toHaveLength(1);
    const request = fake.sent[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/v25.0/${PHONE_ID}/messages`);
    expect(request.headers.authorization).toBe('Bearer EAAG-test-token');
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(result.providerMessageId).toMatch(/^wamid\./);
  });

  it.each<[string, OutboundContent, Record<string, unknown>]>([
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/text-messages
    [
      'text',
      { kind: 'text', text: 'See https://seaside.example', previewUrl: true },
      { type: 'text', text: { preview_url: true, body: 'See https://seaside.example' } },
    ],
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-reply-buttons-messages
    [
      'reply buttons',
      {
        kind: 'buttons',
        header: 'Late checkout',
        text: 'Until 14:00 for 20 €?',
        footer: 'Seaside Hotel',
        buttons: [
          { id: 'yes', title: 'Yes' },
          { id: 'no', title: 'No' },
        ],
      },
      {
        type: 'interactive',
        interactive: {
          type: 'button',
          header: { type: 'text', text: 'Late checkout' },
          body: { text: 'Until 14:00 for 20 €?' },
          footer: { text: 'Seaside Hotel' },
          action: {
            buttons: [
              { type: 'reply', reply: { id: 'yes', title: 'Yes' } },
              { type: 'reply', reply: { id: 'no', title: 'No' } },
            ],
          },
        },
      },
    ],
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-list-messages
    [
      'list',
      {
        kind: 'list',
        text: 'Which room?',
        buttonLabel: 'See rooms',
        sections: [
          {
            title: 'Standard',
            rows: [
              { id: 'garden', title: 'Garden view', description: '120 € per night' },
              { id: 'sea', title: 'Sea view' },
            ],
          },
        ],
      },
      {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: 'Which room?' },
          action: {
            button: 'See rooms',
            sections: [
              {
                title: 'Standard',
                rows: [
                  { id: 'garden', title: 'Garden view', description: '120 € per night' },
                  { id: 'sea', title: 'Sea view' },
                ],
              },
            ],
          },
        },
      },
    ],
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/image-messages
    [
      'image',
      { kind: 'media', mediaType: 'image', url: 'https://h.example/pool.jpg', caption: 'Our pool' },
      { type: 'image', image: { link: 'https://h.example/pool.jpg', caption: 'Our pool' } },
    ],
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/document-messages
    [
      'document',
      { kind: 'media', mediaType: 'document', url: 'https://h.example/invoice.pdf', caption: 'Your invoice', filename: 'invoice.pdf' },
      { type: 'document', document: { link: 'https://h.example/invoice.pdf', caption: 'Your invoice', filename: 'invoice.pdf' } },
    ],
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/audio-messages — no caption on audio
    [
      'audio',
      { kind: 'media', mediaType: 'audio', url: 'https://h.example/hi.ogg', caption: 'ignored' },
      { type: 'audio', audio: { link: 'https://h.example/hi.ogg' } },
    ],
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/video-messages
    [
      'video',
      { kind: 'media', mediaType: 'video', url: 'https://h.example/tour.mp4' },
      { type: 'video', video: { link: 'https://h.example/tour.mp4' } },
    ],
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/sticker-messages
    [
      'sticker',
      { kind: 'media', mediaType: 'sticker', url: 'https://h.example/wave.webp' },
      { type: 'sticker', sticker: { link: 'https://h.example/wave.webp' } },
    ],
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-messages (send a template)
    [
      'template',
      { kind: 'template', name: 'booking_reminder', language: 'en_US', parameters: ['Ana', '12 May'] },
      {
        type: 'template',
        template: {
          name: 'booking_reminder',
          language: { code: 'en_US' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Ana' },
                { type: 'text', text: '12 May' },
              ],
            },
          ],
        },
      },
    ],
    [
      'template without parameters',
      { kind: 'template', name: 'hello_world', language: 'en_US', parameters: [] },
      { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
    ],
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/location-messages
    [
      'location',
      { kind: 'location', latitude: 38.7223, longitude: -9.1393, name: 'Seaside Hotel', address: 'Av. da Liberdade 1, Lisboa' },
      {
        type: 'location',
        location: { latitude: 38.7223, longitude: -9.1393, name: 'Seaside Hotel', address: 'Av. da Liberdade 1, Lisboa' },
      },
    ],
  ])('%s', async (_name, content, expected) => {
    await send(content);
    expect(fake.sent[0]!.json).toEqual({ ...envelope, ...expected });
  });

  // https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/send-messages (contextual replies)
  it('quotes the guest message it answers', async () => {
    await send({ kind: 'text', text: 'Sure!' }, 'wamid.GUEST1');
    expect(fake.sent[0]!.json).toMatchObject({ context: { message_id: 'wamid.GUEST1' } });
  });

  it('cuts headers and footers to 60 characters', async () => {
    await send({ kind: 'buttons', header: 'h'.repeat(80), text: 'Body', footer: 'f'.repeat(80), buttons: [{ id: 'a', title: 'A' }] });
    const interactive = (fake.sent[0]!.json as { interactive: { header: { text: string }; footer: { text: string } } }).interactive;
    expect(Array.from(interactive.header.text)).toHaveLength(60);
    expect(Array.from(interactive.footer.text)).toHaveLength(60);
  });

  it('sends more than three buttons as a numbered menu instead of a request Meta would reject', async () => {
    await send({ kind: 'buttons', text: 'Pick a time', buttons: ['7:00', '8:00', '9:00', '10:00'].map((t) => ({ id: t, title: t })) });
    expect(fake.sent[0]!.json).toEqual({
      ...envelope,
      type: 'text',
      text: { preview_url: false, body: 'Pick a time\n\n1. 7:00\n2. 8:00\n3. 9:00\n4. 10:00' },
    });
  });
});

describe('Cloud API send: errors', () => {
  it.each<[number, number, ChannelSendError['kind']]>([
    [130429, 400, 'throttled'],
    [131056, 400, 'throttled'],
    [80007, 400, 'throttled'],
    [4, 400, 'throttled'],
    [131048, 400, 'throttled'],
    [131047, 400, 'outside_window'],
    [131026, 400, 'permanent'],
    [131051, 400, 'permanent'],
    [131009, 400, 'permanent'],
    [100, 400, 'permanent'],
    [190, 401, 'permanent'],
    [131000, 500, 'retryable'],
    [2, 503, 'retryable'],
  ])('error code %i (HTTP %i) is %s', async (code, status, kind) => {
    fake.failWithCode(1, code, { status, details: 'details from the fake' });
    const error = await send({ kind: 'text', text: 'hi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelSendError);
    expect(error).toMatchObject({ kind, providerCode: String(code), message: expect.stringContaining('details from the fake') });
  });

  it('honours Retry-After on throttling', async () => {
    fake.failWithCode(1, 130429, { retryAfter: '30' });
    await expect(send({ kind: 'text', text: 'hi' })).rejects.toMatchObject({ kind: 'throttled', retryAfterMs: 30_000 });
  });

  it('treats a 5xx without a Graph error body as retryable', async () => {
    fake.failNext(1, { status: 502, body: '<html>Bad gateway</html>' });
    await expect(send({ kind: 'text', text: 'hi' })).rejects.toMatchObject({ kind: 'retryable', providerCode: 'http_502' });
  });

  it('treats a dropped connection as retryable', async () => {
    fake.failNext(1, { status: 0, drop: true });
    await expect(send({ kind: 'text', text: 'hi' })).rejects.toMatchObject({
      kind: 'retryable',
      message: expect.stringMatching(/unreachable/),
    });
  });

  it('treats no answer within timeoutMs as retryable', async () => {
    fake.failNext(1, { status: 200, body: {}, delayMs: 1_000 });
    await expect(send({ kind: 'text', text: 'hi' })).rejects.toMatchObject({
      kind: 'retryable',
      message: expect.stringContaining('no answer within 300 ms'),
    });
  });

  it('does not retry an accepted send that came back without a message id', async () => {
    fake.failNext(1, { status: 200, body: { messaging_product: 'whatsapp' } });
    await expect(send({ kind: 'text', text: 'hi' })).rejects.toMatchObject({ kind: 'permanent' });
  });

  it('succeeds on the next attempt after failures', async () => {
    fake.failWithCode(2, 131000, { status: 500 });
    await expect(send({ kind: 'text', text: 'hi' })).rejects.toMatchObject({ kind: 'retryable' });
    await expect(send({ kind: 'text', text: 'hi' })).rejects.toMatchObject({ kind: 'retryable' });
    await expect(send({ kind: 'text', text: 'hi' })).resolves.toMatchObject({ providerMessageId: expect.stringMatching(/^wamid\./) });
    expect(fake.sent).toHaveLength(3);
  });
});

describe('Cloud API plugin', () => {
  it('registers its adapter with the bot', async () => {
    const bot = await startCapturingBot(
      {
        hotels: [
          {
            id: 'seaside',
            name: 'Seaside',
            channels: [{ type: 'cloud-api', phoneNumberId: PHONE_ID, accessToken: 'a', appSecret: 'b', verifyToken: 'c' }],
          },
        ],
      },
      [cloudApi],
    );
    try {
      expect(bot.bot.messaging.adapter('cloud-api')?.capabilities.buttons).toEqual({ max: 3, titleMax: 20, bodyMax: 1024 });
    } finally {
      await bot.stop();
    }
  });

  it('rejects a channel entry with a clear message', async () => {
    const { createBot } = await import('@hotello/core');
    expect(() =>
      createBot({
        config: {
          hotels: [
            { id: 'seaside', name: 'Seaside', channels: [{ type: 'cloud-api', phoneNumberId: 'abc', accessToken: 'a', appSecret: 'b' }] },
          ],
        },
        extraPlugins: [cloudApi],
      }),
    ).toThrow(/hotels\[0\]\.channels\[0\]\.phoneNumberId[\s\S]*hotels\[0\]\.channels\[0\]\.verifyToken|verifyToken[\s\S]*phoneNumberId/);
  });
});
