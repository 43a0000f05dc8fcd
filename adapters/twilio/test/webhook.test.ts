import twilioPlugin from '@hotello/adapter-twilio';
import { signedTwilioWebhook } from '../../../test/fakes/twilio-fake';
import { startCapturingBot, type CapturingBot } from '../../../test/fakes/capturing-bot';
import * as fx from './fixtures';

const PUBLIC_URL = 'https://hotel.example.com';
const CITY_WEBHOOK = 'https://proxy.example.net/hooks/twilio-city';

const config = {
  server: { publicUrl: PUBLIC_URL },
  hotels: [
    {
      id: 'seaside',
      name: 'Seaside',
      channels: [{ type: 'twilio', accountSid: fx.SEASIDE_ACCOUNT, authToken: fx.SEASIDE_TOKEN, from: fx.SEASIDE_NUMBER }],
    },
    {
      id: 'citylodge',
      name: 'City Lodge',
      channels: [{ type: 'twilio', accountSid: fx.CITY_ACCOUNT, authToken: fx.CITY_TOKEN, from: fx.CITY_NUMBER, webhookUrl: CITY_WEBHOOK }],
    },
  ],
};

let bot: CapturingBot;
beforeAll(async () => {
  bot = await startCapturingBot(config, [twilioPlugin]);
});
afterAll(() => bot.stop());
beforeEach(() => {
  bot.events.length = 0;
});

/** Posts `params` to `path`, signed for the URL Twilio would have called. */
function post(path: string, params: Record<string, string>, token = fx.SEASIDE_TOKEN, signedFor = `${PUBLIC_URL}${path}`) {
  const { body, headers } = signedTwilioWebhook(signedFor, params, token);
  return fetch(`${bot.url}${path}`, { method: 'POST', body, headers });
}

const seaside = { hotelId: 'seaside', channelId: 'twilio', channelType: 'twilio' };

describe('Twilio webhook: every message kind', () => {
  const mediaUrl = (p: Record<string, string>) => p.MediaUrl0;
  it.each([
    ['text', fx.text, { kind: 'text', text: 'Habari! Is breakfast included? ☕' }],
    ['template quick reply', fx.quickReply, { kind: 'choice', id: 'confirm-booking', title: 'Confirm booking' }],
    [
      'location',
      fx.location,
      { kind: 'location', latitude: -1.2920659, longitude: 36.8219462, name: 'Nairobi CBD', address: 'Kenyatta Avenue, Nairobi' },
    ],
    [
      'image',
      fx.image,
      { kind: 'media', mediaType: 'image', url: mediaUrl(fx.image), mimeType: 'image/jpeg', caption: 'Is this the room?' },
    ],
    ['audio', fx.audio, { kind: 'media', mediaType: 'audio', url: mediaUrl(fx.audio), mimeType: 'audio/ogg' }],
    ['video', fx.video, { kind: 'media', mediaType: 'video', url: mediaUrl(fx.video), mimeType: 'video/mp4' }],
    [
      'document',
      fx.document,
      { kind: 'media', mediaType: 'document', url: mediaUrl(fx.document), mimeType: 'application/pdf', caption: 'Passport scan' },
    ],
    ['sticker', fx.sticker, { kind: 'media', mediaType: 'sticker', url: mediaUrl(fx.sticker), mimeType: 'image/webp' }],
    ['shared contact', fx.contact, { kind: 'unsupported', providerType: 'contacts' }],
    ['unknown type', fx.unknownType, { kind: 'unsupported', providerType: 'poll' }],
  ])('%s → canonical message', async (_name, params, content) => {
    const res = await post('/webhooks/twilio/seaside', params);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await res.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect(bot.messages()).toEqual([
      {
        ...seaside,
        providerMessageId: params.MessageSid,
        from: fx.GUEST,
        profileName: 'Wanjiru',
        timestamp: expect.any(Date),
        content,
        ...(params.OriginalRepliedMessageSid ? { replyTo: params.OriginalRepliedMessageSid } : {}),
        raw: params,
      },
    ]);
  });

  it('turns each attachment of a multi-media message into its own message', async () => {
    await post('/webhooks/twilio/seaside', fx.twoImages);
    expect(bot.messages().map((m) => [m.providerMessageId, m.content])).toEqual([
      [
        fx.twoImages.MessageSid,
        { kind: 'media', mediaType: 'image', url: fx.twoImages.MediaUrl0, mimeType: 'image/jpeg', caption: 'Two photos' },
      ],
      [`${fx.twoImages.MessageSid}/1`, { kind: 'media', mediaType: 'image', url: fx.twoImages.MediaUrl1, mimeType: 'image/png' }],
    ]);
  });

  it('checks the signature against the channel’s webhookUrl when one is configured', async () => {
    const res = await post('/webhooks/twilio/citylodge', fx.cityText, fx.CITY_TOKEN, CITY_WEBHOOK);
    expect(res.status).toBe(200);
    expect(bot.messages()[0]).toMatchObject({ hotelId: 'citylodge', content: { kind: 'text', text: 'Hello City Lodge' } });
  });
});

describe('Twilio webhook: status callbacks', () => {
  it.each(['sent', 'delivered', 'read'] as const)('%s → canonical status', async (state) => {
    const params = fx.statusCallback(state);
    expect((await post('/webhooks/twilio/seaside', params)).status).toBe(200);
    expect(bot.statuses()).toEqual([
      { ...seaside, providerMessageId: params.MessageSid, status: state, timestamp: expect.any(Date), recipient: fx.GUEST, raw: params },
    ]);
  });

  it.each([
    ['failed', '63016', 'Failed to send freeform message because you are outside the allowed window.'],
    ['undelivered', '63024', 'Invalid message recipient'],
  ])('%s → failed with the error code', async (state, code, message) => {
    await post('/webhooks/twilio/seaside', fx.statusCallback(state, { ErrorCode: code, ErrorMessage: message }));
    expect(bot.statuses()[0]).toMatchObject({ status: 'failed', error: { code, message } });
  });

  it.each(['queued', 'accepted', 'sending'])('acknowledges %s without an event (no canonical state before sent)', async (state) => {
    expect((await post('/webhooks/twilio/seaside', fx.statusCallback(state))).status).toBe(200);
    expect(bot.events).toEqual([]);
  });
});

describe('Twilio webhook: bad input changes nothing', () => {
  afterEach(() => expect(bot.events).toEqual([]));

  it('401 without X-Twilio-Signature', async () => {
    const res = await fetch(`${bot.url}/webhooks/twilio/seaside`, {
      method: 'POST',
      body: new URLSearchParams(fx.text).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(401);
  });

  it('401 when a parameter was changed after signing', async () => {
    const { body, headers } = signedTwilioWebhook(`${PUBLIC_URL}/webhooks/twilio/seaside`, fx.text, fx.SEASIDE_TOKEN);
    const tampered = body.replace('breakfast', 'dinner');
    expect((await fetch(`${bot.url}/webhooks/twilio/seaside`, { method: 'POST', body: tampered, headers })).status).toBe(401);
  });

  it('401 when signed for another URL', async () => {
    expect((await post('/webhooks/twilio/seaside', fx.text, fx.SEASIDE_TOKEN, `${PUBLIC_URL}/webhooks/twilio/citylodge`)).status).toBe(401);
  });

  it('401 when signed with another hotel’s token', async () => {
    expect((await post('/webhooks/twilio/seaside', fx.text, fx.CITY_TOKEN)).status).toBe(401);
  });

  it('404 for an unknown account', async () => {
    const res = await post('/webhooks/twilio/seaside', { ...fx.text, AccountSid: 'AC' + 'f'.repeat(32) });
    expect(res.status).toBe(404);
  });

  it('404 for a number the hotel does not own', async () => {
    expect((await post('/webhooks/twilio/seaside', { ...fx.text, To: 'whatsapp:+14155230000' })).status).toBe(404);
  });

  it('404 for an unknown hotel', async () => {
    expect((await post('/webhooks/twilio/nowhere', fx.text)).status).toBe(404);
  });

  it('400 for a malformed form body', async () => {
    const res = await fetch(`${bot.url}/webhooks/twilio/seaside`, {
      method: 'POST',
      body: Buffer.from('Body=caf\xe9&From=whatsapp:+1', 'latin1'),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': 'x' },
    });
    expect(res.status).toBe(400);
  });

  it('400 for a signed but empty body', async () => {
    const res = await fetch(`${bot.url}/webhooks/twilio/seaside`, {
      method: 'POST',
      body: '',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': 'x' },
    });
    expect(res.status).toBe(400);
  });

  it('413 for a body over the limit', async () => {
    const res = await post('/webhooks/twilio/seaside', { ...fx.text, Body: 'x'.repeat(5 * 1024 * 1024) });
    expect(res.status).toBe(413);
  });

  it('500 when the events cannot be stored, so Twilio retries', async () => {
    bot.failNextReceive();
    expect((await post('/webhooks/twilio/seaside', fx.text)).status).toBe(500);
  });
});
