import { ChannelSendError, renderForChannel, type OutboundContent, type PlannedChannel } from '@hotello/core';
import { createTwilioAdapter, twilioChannelOptions } from '@hotello/adapter-twilio';
import { TwilioFake } from '../../../test/fakes/twilio-fake';
import * as fx from './fixtures';

const STATUS_URL = 'https://hotel.example.com/webhooks/twilio/seaside';
const SERVICE_SID = 'MG' + '1'.repeat(32);
const WELCOME_EN = 'HX' + 'e'.repeat(32);
const WELCOME_ES = 'HX' + 'f'.repeat(32);
let fake: TwilioFake;
let channel: PlannedChannel;
const adapter = createTwilioAdapter(() => STATUS_URL);

function channelWith(overrides: Record<string, unknown> = {}): PlannedChannel {
  return {
    hotelId: 'seaside',
    id: 'twilio',
    type: 'twilio',
    plugin: 'twilio',
    options: twilioChannelOptions.parse({
      accountSid: fx.SEASIDE_ACCOUNT,
      authToken: fx.SEASIDE_TOKEN,
      from: fx.SEASIDE_NUMBER,
      baseUrl: fake.url,
      timeoutMs: 300,
      contentTemplates: { welcome: { en: WELCOME_EN, es: WELCOME_ES }, checkout_reminder: 'HX' + 'a'.repeat(32) },
      ...overrides,
    }),
  };
}

beforeAll(async () => {
  fake = await TwilioFake.start(fx.SEASIDE_ACCOUNT, fx.SEASIDE_TOKEN);
  channel = channelWith();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

// As the outbox hands it over: rendered for the channel's capabilities (adapters render nothing themselves).
const send = (content: OutboundContent, on = channel) =>
  adapter.send(on, {
    hotelId: 'seaside',
    channelId: 'twilio',
    to: fx.GUEST,
    content: renderForChannel(content, adapter.capabilities).content,
    outboxId: 'out-1',
  });

const common = { To: `whatsapp:${fx.GUEST}`, From: `whatsapp:${fx.SEASIDE_NUMBER}`, StatusCallback: STATUS_URL };

describe('Twilio send: request format', () => {
  it('creates a Message resource with Basic auth and returns its SID', async () => {
    const result = await send({ kind: 'text', text: 'Karibu!' });
    const request = fake.sent[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/2010-04-01/Accounts/${fx.SEASIDE_ACCOUNT}/Messages.json`);
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${fx.SEASIDE_ACCOUNT}:${fx.SEASIDE_TOKEN}`).toString('base64')}`);
    expect(request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
  });

  // Parameters: https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
  it.each<[string, OutboundContent, Record<string, string>]>([
    ['text', { kind: 'text', text: 'Karibu! Breakfast is 7–10.' }, { Body: 'Karibu! Breakfast is 7–10.' }],
    // https://www.twilio.com/docs/whatsapp/guidance-whatsapp-media-messages
    [
      'media with caption',
      { kind: 'media', mediaType: 'image', url: 'https://h.example/pool.jpg', caption: 'Our pool' },
      { MediaUrl: 'https://h.example/pool.jpg', Body: 'Our pool' },
    ],
    [
      'media without caption',
      { kind: 'media', mediaType: 'document', url: 'https://h.example/menu.pdf' },
      { MediaUrl: 'https://h.example/menu.pdf' },
    ],
    // https://www.twilio.com/docs/whatsapp/api#location-messages-with-whatsapp
    [
      'location',
      { kind: 'location', latitude: -1.2920659, longitude: 36.8219462, name: 'Seaside Hotel', address: 'Kenyatta Avenue, Nairobi' },
      { PersistentAction: 'geo:-1.2920659,36.8219462|Seaside Hotel', Body: 'Kenyatta Avenue, Nairobi' },
    ],
    // https://www.twilio.com/docs/content/send-templates-created-with-the-content-template-builder
    [
      'template by language',
      { kind: 'template', name: 'welcome', language: 'es', parameters: ['Ana', '12 de mayo'] },
      { ContentSid: WELCOME_ES, ContentVariables: '{"1":"Ana","2":"12 de mayo"}' },
    ],
    [
      'template with a regional language',
      { kind: 'template', name: 'welcome', language: 'en_GB', parameters: [] },
      { ContentSid: WELCOME_EN },
    ],
    [
      'template with one SID',
      { kind: 'template', name: 'checkout_reminder', language: 'pt', parameters: ['11:00'] },
      { ContentSid: 'HX' + 'a'.repeat(32), ContentVariables: '{"1":"11:00"}' },
    ],
    [
      'buttons, as a numbered menu',
      {
        kind: 'buttons',
        text: 'Late checkout until 14:00?',
        buttons: [
          { id: 'yes', title: 'Yes' },
          { id: 'no', title: 'No' },
        ],
      },
      { Body: 'Late checkout until 14:00?\n\n1. Yes\n2. No' },
    ],
    [
      'list, as a numbered menu',
      {
        kind: 'list',
        text: 'Which room?',
        buttonLabel: 'Rooms',
        sections: [
          {
            rows: [
              { id: 'g', title: 'Garden view', description: '120 €' },
              { id: 's', title: 'Sea view' },
            ],
          },
        ],
      },
      { Body: 'Which room?\n\n1. Garden view – 120 €\n2. Sea view' },
    ],
  ])('%s', async (_name, content, expected) => {
    await send(content);
    expect(fake.sent[0]!.form).toEqual({ ...common, ...expected });
  });

  it('adds the Messaging Service when configured', async () => {
    await send({ kind: 'text', text: 'hi' }, channelWith({ messagingServiceSid: SERVICE_SID }));
    expect(fake.sent[0]!.form).toMatchObject({ MessagingServiceSid: SERVICE_SID, From: `whatsapp:${fx.SEASIDE_NUMBER}` });
  });

  it('asks for no status callback when the channel turns them off', async () => {
    await send({ kind: 'text', text: 'hi' }, channelWith({ statusCallback: false }));
    expect(fake.sent[0]!.form).not.toHaveProperty('StatusCallback');
  });

  it('cuts a long body to the 1600 characters WhatsApp accepts through Twilio', async () => {
    await send({ kind: 'text', text: 'x'.repeat(2000) });
    expect(Array.from(fake.sent[0]!.form!.Body!)).toHaveLength(1600);
  });

  it('refuses a template without a Content SID before calling Twilio', async () => {
    await expect(send({ kind: 'template', name: 'unknown_template', language: 'en', parameters: [] })).rejects.toMatchObject({
      kind: 'permanent',
      message: expect.stringContaining('contentTemplates'),
    });
    expect(fake.sent).toHaveLength(0);
  });
});

describe('Twilio send: errors', () => {
  it.each<[number, number, ChannelSendError['kind']]>([
    [63016, 400, 'outside_window'],
    [20429, 429, 'throttled'],
    [63018, 400, 'throttled'],
    [21211, 400, 'permanent'],
    [63003, 400, 'permanent'],
    [21610, 400, 'permanent'],
    [20003, 401, 'permanent'],
    [20500, 500, 'retryable'],
    [20503, 503, 'retryable'],
  ])('error %i (HTTP %i) is %s', async (code, status, kind) => {
    fake.failWithCode(1, code, { status });
    const error = await send({ kind: 'text', text: 'hi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelSendError);
    expect(error).toMatchObject({ kind, providerCode: String(code) });
  });

  it('honours Retry-After on 429', async () => {
    fake.failWithCode(1, 20429, { status: 429, retryAfter: '5' });
    await expect(send({ kind: 'text', text: 'hi' })).rejects.toMatchObject({ kind: 'throttled', retryAfterMs: 5_000 });
  });

  it('treats a 5xx without a Twilio error body as retryable', async () => {
    fake.failNext(1, { status: 502, body: 'Bad gateway' });
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
    fake.failNext(1, { status: 201, body: {}, delayMs: 1_000 });
    await expect(send({ kind: 'text', text: 'hi' })).rejects.toMatchObject({ kind: 'retryable' });
  });
});
