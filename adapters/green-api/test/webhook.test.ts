import greenApi from '@hotello/adapter-green-api';
import { greenApiWebhook } from '../../../test/fakes/green-api-fake';
import { startCapturingBot, type CapturingBot } from '../../../test/fakes/capturing-bot';
import * as fx from './fixtures';

const config = {
  hotels: [
    {
      id: 'seaside',
      name: 'Seaside',
      channels: [
        {
          type: 'green-api',
          idInstance: fx.SEASIDE_INSTANCE,
          apiTokenInstance: fx.SEASIDE_API_TOKEN,
          webhookUrlToken: fx.SEASIDE_WEBHOOK_TOKEN,
        },
      ],
    },
    {
      id: 'citylodge',
      name: 'City Lodge',
      channels: [
        {
          type: 'green-api',
          idInstance: Number(fx.CITY_INSTANCE),
          apiTokenInstance: 'city-api-token',
          webhookUrlToken: fx.CITY_WEBHOOK_TOKEN,
        },
      ],
    },
  ],
};

let bot: CapturingBot;
beforeAll(async () => {
  bot = await startCapturingBot(config, [greenApi]);
});
afterAll(() => bot.stop());
beforeEach(() => {
  bot.events.length = 0;
});

/** `token: null` sends no Authorization header at all. */
function post(path: string, payload: unknown, token: string | null = fx.SEASIDE_WEBHOOK_TOKEN) {
  const { body, headers } = greenApiWebhook(payload, token ?? undefined);
  return fetch(`${bot.url}${path}`, { method: 'POST', body, headers });
}

const seaside = { hotelId: 'seaside', channelId: 'green-api', channelType: 'green-api' };
const timestamp = new Date(1588091580 * 1000);
const download = (f: Record<string, unknown>) =>
  (f.messageData as { fileMessageData: { downloadUrl: string } }).fileMessageData.downloadUrl;

describe('Green API webhook: every message kind', () => {
  it.each([
    ['textMessage', fx.text, { kind: 'text', text: 'Здравствуйте! Есть свободный номер?' }, undefined],
    ['extendedTextMessage', fx.extendedText, { kind: 'text', text: 'Is this your hotel? https://seaside.example' }, undefined],
    ['quotedMessage', fx.quoted, { kind: 'text', text: 'Yes, that one' }, 'BAE5F4886F6F2D05'],
    [
      'imageMessage',
      fx.image,
      {
        kind: 'media',
        mediaType: 'image',
        url: download(fx.image),
        caption: 'Is the pool heated?',
        mimeType: 'image/jpeg',
        filename: 'pool.jpg',
      },
      undefined,
    ],
    [
      'videoMessage',
      fx.video,
      { kind: 'media', mediaType: 'video', url: download(fx.video), mimeType: 'video/mp4', filename: 'noise.mp4' },
      undefined,
    ],
    [
      'documentMessage',
      fx.document,
      {
        kind: 'media',
        mediaType: 'document',
        url: download(fx.document),
        caption: 'My passport',
        mimeType: 'application/pdf',
        filename: 'passport.pdf',
      },
      undefined,
    ],
    [
      'audioMessage',
      fx.audio,
      { kind: 'media', mediaType: 'audio', url: download(fx.audio), mimeType: 'audio/ogg; codecs=opus', filename: 'voice.oga' },
      undefined,
    ],
    [
      'stickerMessage',
      fx.sticker,
      { kind: 'media', mediaType: 'sticker', url: download(fx.sticker), mimeType: 'image/webp', filename: 'sticker.webp' },
      undefined,
    ],
    [
      'locationMessage',
      fx.location,
      { kind: 'location', latitude: 55.7539, longitude: 37.6208, name: 'Red Square', address: 'Moscow, 109012' },
      undefined,
    ],
    ['reactionMessage', fx.reaction, { kind: 'reaction', emoji: '👍', messageId: 'BAE5367237E13A87' }, undefined],
    ['buttonsResponseMessage', fx.buttonsResponse, { kind: 'choice', id: '1', title: 'Green' }, undefined],
    ['templateButtonReplyMessage', fx.templateButtonReply, { kind: 'choice', id: 'id1', title: 'red' }, undefined],
    ['templateButtonsReplyMessage', fx.templateButtonsReply, { kind: 'choice', id: 'id2', title: 'blue' }, undefined],
    ['listResponseMessage', fx.listResponse, { kind: 'choice', id: 'option2', title: 'Option 2' }, undefined],
    ['interactiveButtonsResponse', fx.interactiveButtonsResponse, { kind: 'choice', id: 'late-yes', title: 'Yes please' }, undefined],
    ['contactMessage', fx.contact, { kind: 'unsupported', providerType: 'contactMessage' }, undefined],
    ['pollMessage', fx.poll, { kind: 'unsupported', providerType: 'pollMessage' }, undefined],
  ])('%s → canonical message', async (_name, payload, content, replyTo) => {
    const res = await post('/webhooks/green-api/seaside', payload);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, statuses: 0 });
    expect(bot.messages()).toEqual([
      {
        ...seaside,
        providerMessageId: payload.idMessage,
        from: fx.GUEST,
        profileName: 'Ivan',
        timestamp,
        content,
        ...(replyTo ? { replyTo } : {}),
        raw: payload,
      },
    ]);
  });

  it('routes by idInstance to the hotel’s channel (configured as a number in YAML)', async () => {
    const res = await post(
      '/webhooks/green-api/citylodge',
      fx.incoming('C1', { typeMessage: 'textMessage', textMessageData: { textMessage: 'hi' } }, fx.CITY_INSTANCE),
      fx.CITY_WEBHOOK_TOKEN,
    );
    expect(res.status).toBe(200);
    expect(bot.messages()[0]).toMatchObject({ hotelId: 'citylodge', providerMessageId: 'C1' });
  });
});

describe('Green API webhook: statuses and other notifications', () => {
  it.each(['sent', 'delivered', 'read'] as const)('%s → canonical status', async (state) => {
    const payload = fx.outgoingStatus(state);
    expect((await post('/webhooks/green-api/seaside', payload)).status).toBe(200);
    expect(bot.statuses()).toEqual([
      {
        ...seaside,
        providerMessageId: '3EB0608D6A2901063D63',
        status: state,
        timestamp: new Date(1586700802 * 1000),
        recipient: fx.GUEST,
        raw: payload,
      },
    ]);
  });

  it.each([
    ['failed', 'SWE001: message could not be sent'],
    ['noAccount', 'SWE004: 1000'],
    ['yellowCard', undefined],
  ])('%s → failed, with the status as the error code', async (state, description) => {
    await post('/webhooks/green-api/seaside', fx.outgoingStatus(state, description));
    expect(bot.statuses()[0]).toMatchObject({ status: 'failed', error: { code: state, message: description ?? state } });
  });

  it.each([
    ['stateInstanceChanged', fx.stateChanged],
    ['outgoingAPIMessageReceived', fx.outgoingApiEcho],
    ['quotaExceeded', fx.quotaExceeded],
    ['a group chat message', fx.groupText],
  ])('acknowledges %s without events', async (_name, payload) => {
    const res = await post('/webhooks/green-api/seaside', payload);
    expect(res.status).toBe(200);
    expect(bot.events).toEqual([]);
  });
});

describe('Green API webhook: bad input changes nothing', () => {
  afterEach(() => expect(bot.events).toEqual([]));

  it('401 without Authorization', async () => {
    expect((await post('/webhooks/green-api/seaside', fx.text, null)).status).toBe(401);
  });

  it('401 with a wrong token', async () => {
    expect((await post('/webhooks/green-api/seaside', fx.text, 'seaside-webhook-token-0123456788')).status).toBe(401);
  });

  it('401 with another hotel’s token', async () => {
    expect((await post('/webhooks/green-api/seaside', fx.text, fx.CITY_WEBHOOK_TOKEN)).status).toBe(401);
  });

  it('401 when the token is not sent as a Bearer token', async () => {
    const res = await fetch(`${bot.url}/webhooks/green-api/seaside`, {
      method: 'POST',
      body: JSON.stringify(fx.text),
      headers: { 'Content-Type': 'application/json', Authorization: `Basic ${fx.SEASIDE_WEBHOOK_TOKEN}` },
    });
    expect(res.status).toBe(401);
  });

  it('404 for an instance that is not the hotel’s', async () => {
    const res = await post(
      '/webhooks/green-api/seaside',
      fx.incoming('X1', { typeMessage: 'textMessage', textMessageData: { textMessage: 'hi' } }, fx.CITY_INSTANCE),
    );
    expect(res.status).toBe(404);
  });

  it('404 for an unknown hotel', async () => {
    expect((await post('/webhooks/green-api/nowhere', fx.text)).status).toBe(404);
  });

  it('400 for malformed JSON', async () => {
    const res = await fetch(`${bot.url}/webhooks/green-api/seaside`, {
      method: 'POST',
      body: '{"typeWebhook": "incomingMessageReceived",',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${fx.SEASIDE_WEBHOOK_TOKEN}` },
    });
    expect(res.status).toBe(400);
  });

  it('400 for JSON that is not a Green API webhook', async () => {
    expect((await post('/webhooks/green-api/seaside', { hello: 'world' })).status).toBe(400);
  });

  it('413 for a body over the limit', async () => {
    const res = await post(
      '/webhooks/green-api/seaside',
      fx.incoming('BIG', { typeMessage: 'textMessage', textMessageData: { textMessage: 'x'.repeat(5 * 1024 * 1024) } }),
    );
    expect(res.status).toBe(413);
  });

  it('500 when the events cannot be stored, so Green API resends', async () => {
    bot.failNextReceive();
    expect((await post('/webhooks/green-api/seaside', fx.text)).status).toBe(500);
  });
});
