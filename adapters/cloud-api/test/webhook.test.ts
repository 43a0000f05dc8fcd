import cloudApi from '@hotello/adapter-cloud-api';
import { metaJson, signedCloudApiWebhook } from '../../../test/fakes/cloud-api-fake';
import { startCapturingBot, type CapturingBot } from '../../../test/fakes/capturing-bot';
import * as fx from './fixtures';

const GROUP_SECRET = 'group-app-secret';
const HARBOUR_SECRET = 'harbour-app-secret';

// Seaside and City Lodge belong to one hotel group and one Meta app; Harbour has its own app.
const config = {
  hotels: [
    {
      id: 'seaside',
      name: 'Seaside',
      channels: [
        {
          type: 'cloud-api',
          phoneNumberId: fx.SEASIDE_PHONE_ID,
          accessToken: 't1',
          appSecret: GROUP_SECRET,
          verifyToken: 'seaside-verify',
        },
      ],
    },
    {
      id: 'citylodge',
      name: 'City Lodge',
      channels: [
        { type: 'cloud-api', phoneNumberId: fx.CITYLODGE_PHONE_ID, accessToken: 't2', appSecret: GROUP_SECRET, verifyToken: 'city-verify' },
      ],
    },
    {
      id: 'harbour',
      name: 'Harbour',
      channels: [
        {
          type: 'cloud-api',
          phoneNumberId: fx.HARBOUR_PHONE_ID,
          accessToken: 't3',
          appSecret: HARBOUR_SECRET,
          verifyToken: 'harbour-verify',
        },
      ],
    },
    { id: 'nochannel', name: 'No channel', plugins: { 'cloud-api': false } },
  ],
};

let bot: CapturingBot;

beforeAll(async () => {
  bot = await startCapturingBot(config, [cloudApi]);
});
afterAll(() => bot.stop());
beforeEach(() => {
  bot.events.length = 0;
});

function post(path: string, payload: unknown, secret = GROUP_SECRET, extraHeaders: Record<string, string> = {}) {
  const { body, headers } = signedCloudApiWebhook(payload, secret);
  return fetch(`${bot.url}${path}`, { method: 'POST', body, headers: { ...headers, ...extraHeaders } });
}

const seaside = { hotelId: 'seaside', channelId: 'cloud-api', channelType: 'cloud-api' };
const base = { ...seaside, from: fx.GUEST, profileName: 'Sheena Nelson', timestamp: new Date(1739321024 * 1000) };

describe('Cloud API webhook: every message kind', () => {
  it.each([
    ['text', fx.text, { kind: 'text', text: 'Olá! Quero reservar um quarto 🏨 für zwei Nächte' }, 'wamid.TEXT1', undefined],
    ['reply button', fx.buttonReply, { kind: 'choice', id: 'cancel-button', title: 'Cancel' }, 'wamid.BUTTON1', 'wamid.OFFER1'],
    ['list row', fx.listReply, { kind: 'choice', id: 'priority_express', title: 'Priority Mail Express' }, 'wamid.LIST1', 'wamid.MENU1'],
    [
      'template quick reply',
      fx.templateQuickReply,
      { kind: 'choice', id: 'Unsubscribe', title: 'Unsubscribe' },
      'wamid.QUICK1',
      'wamid.TEMPLATE1',
    ],
    [
      'location',
      fx.location,
      {
        kind: 'location',
        latitude: 37.44221496582,
        longitude: -122.16209411621,
        name: 'Philz Coffee',
        address: '101 Forest Ave, Palo Alto, CA 94301',
      },
      'wamid.LOC1',
      undefined,
    ],
    [
      'image',
      fx.image,
      { kind: 'media', mediaType: 'image', caption: 'Is this the pool?', mediaId: '1003383421387256', mimeType: 'image/jpeg' },
      'wamid.IMG1',
      undefined,
    ],
    [
      'audio',
      fx.audio,
      { kind: 'media', mediaType: 'audio', mediaId: '1003383421387257', mimeType: 'audio/ogg; codecs=opus' },
      'wamid.AUD1',
      undefined,
    ],
    [
      'video',
      fx.video,
      { kind: 'media', mediaType: 'video', caption: 'The noise', mediaId: '1003383421387258', mimeType: 'video/mp4' },
      'wamid.VID1',
      undefined,
    ],
    [
      'document',
      fx.document,
      {
        kind: 'media',
        mediaType: 'document',
        caption: 'My passport',
        filename: 'passport.pdf',
        mediaId: '1003383421387259',
        mimeType: 'application/pdf',
      },
      'wamid.DOC1',
      undefined,
    ],
    [
      'sticker',
      fx.sticker,
      { kind: 'media', mediaType: 'sticker', mediaId: '1003383421387260', mimeType: 'image/webp' },
      'wamid.STK1',
      undefined,
    ],
    ['reaction', fx.reaction, { kind: 'reaction', emoji: '👍', messageId: 'wamid.REPLY1' }, 'wamid.REACT1', undefined],
    ['unsupported', fx.unsupported, { kind: 'unsupported', providerType: 'poll_update' }, 'wamid.UNSUP1', undefined],
    ['a type the adapter does not know', fx.contactsCard, { kind: 'unsupported', providerType: 'contacts' }, 'wamid.CARD1', undefined],
  ])('%s → canonical message', async (_name, value, content, id, replyTo) => {
    const res = await post('/webhooks/cloud-api', fx.envelope(value));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, statuses: 0 });
    expect(bot.events).toHaveLength(1);
    const message = bot.messages()[0]!;
    expect(message).toEqual({
      ...base,
      providerMessageId: id,
      content,
      ...(replyTo ? { replyTo } : {}),
      raw: (value.messages as unknown[])[0],
    });
  });

  it('signs and verifies the exact bytes: the text arrived escaped as \\uXXXX', async () => {
    const body = metaJson(fx.envelope(fx.text));
    expect(body).toContain('Ol\\u00e1');
    expect(body).not.toContain('Olá');
    const res = await post('/webhooks/cloud-api', body);
    expect(res.status).toBe(200);
    expect(bot.messages()[0]!.content).toEqual({ kind: 'text', text: 'Olá! Quero reservar um quarto 🏨 für zwei Nächte' });
  });
});

describe('Cloud API webhook: statuses', () => {
  it.each(['sent', 'delivered', 'read'] as const)('%s → canonical status', async (state) => {
    const res = await post('/webhooks/cloud-api', fx.envelope(fx.status(state)));
    expect(res.status).toBe(200);
    expect(bot.statuses()).toEqual([
      {
        ...seaside,
        providerMessageId: 'wamid.REPLY1',
        status: state,
        timestamp: new Date(1739321024 * 1000),
        recipient: fx.GUEST,
        raw: (fx.status(state).statuses as unknown[])[0],
      },
    ]);
  });

  it('failed → canonical status with the provider error code', async () => {
    await post('/webhooks/cloud-api', fx.envelope(fx.failedStatus));
    expect(bot.statuses()[0]).toMatchObject({
      providerMessageId: 'wamid.REPLY2',
      status: 'failed',
      error: {
        code: '131047',
        message: expect.stringMatching(/^Re-engagement message: Message failed to send because more than 24 hours/),
      },
    });
  });

  it('account-level errors are logged, not turned into guest events', async () => {
    const res = await post('/webhooks/cloud-api', fx.envelope(fx.accountError));
    expect(res.status).toBe(200);
    expect(bot.events).toEqual([]);
  });
});

describe('Cloud API webhook: routing and batching', () => {
  it('routes every change of a batch to the hotel owning its phone_number_id', async () => {
    const batch = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: fx.WABA_ID,
          changes: [fx.change({ ...fx.text }, fx.SEASIDE_PHONE_ID), fx.change(fx.status('read', 'wamid.R9'), fx.CITYLODGE_PHONE_ID)],
        },
        {
          id: fx.WABA_ID,
          changes: [
            fx.change({ ...fx.location }, fx.CITYLODGE_PHONE_ID),
            fx.change({ ...fx.image, ...fx.status('delivered', 'wamid.R8') }, fx.SEASIDE_PHONE_ID),
          ],
        },
      ],
    };
    const res = await post('/webhooks/cloud-api', batch);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 3, duplicates: 0, statuses: 2 });
    expect(
      bot.events.map((e) =>
        e.type === 'message' ? `${e.message.hotelId}:${e.message.content.kind}` : `${e.status.hotelId}:${e.status.status}`,
      ),
    ).toEqual(['seaside:text', 'citylodge:read', 'citylodge:location', 'seaside:media', 'seaside:delivered']);
  });

  it('accepts a batch of about 3 MB (Meta batches up to that size)', async () => {
    const messages = Array.from({ length: 1500 }, (_, i) => ({
      from: fx.GUEST_WA_ID,
      id: `wamid.BIG${i}`,
      timestamp: '1739321024',
      type: 'text',
      text: { body: 'é'.repeat(330) },
    }));
    const payload = fx.envelope({ messages });
    const size = Buffer.byteLength(metaJson(payload));
    expect(size).toBeGreaterThan(2_900_000);
    const res = await post('/webhooks/cloud-api', payload);
    expect(res.status).toBe(200);
    expect(bot.messages()).toHaveLength(1500);
  });

  it('serves one hotel on its own URL', async () => {
    const res = await post('/webhooks/cloud-api/citylodge', fx.envelope(fx.text, fx.CITYLODGE_PHONE_ID));
    expect(res.status).toBe(200);
    expect(bot.messages()[0]).toMatchObject({ hotelId: 'citylodge', channelId: 'cloud-api' });
  });

  it('acknowledges changes of other webhook fields without producing events', async () => {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        { id: fx.WABA_ID, changes: [{ field: 'message_template_status_update', value: { event: 'APPROVED', message_template_id: 1 } }] },
      ],
    };
    const res = await post('/webhooks/cloud-api', payload);
    expect(res.status).toBe(200);
    expect(bot.events).toEqual([]);
  });

  it('processes the numbers it serves and ignores the others in a mixed batch', async () => {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [{ id: fx.WABA_ID, changes: [fx.change(fx.text, '999999999999999'), fx.change(fx.text, fx.SEASIDE_PHONE_ID)] }],
    };
    const res = await post('/webhooks/cloud-api', payload);
    expect(res.status).toBe(200);
    expect(bot.messages().map((m) => m.hotelId)).toEqual(['seaside']);
  });
});

describe('Cloud API webhook: subscription handshake', () => {
  const verify = (path: string, token: string, mode = 'subscribe') =>
    fetch(`${bot.url}${path}?hub.mode=${mode}&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`);

  it('echoes the challenge for a configured verify token', async () => {
    const res = await verify('/webhooks/cloud-api', 'city-verify');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('1158201444');
    expect((await verify('/webhooks/cloud-api/seaside', 'seaside-verify')).status).toBe(200);
  });

  it.each([
    ['a wrong token', 403, '/webhooks/cloud-api', 'nope', 'subscribe'],
    ['another hotel’s token on a hotel URL', 403, '/webhooks/cloud-api/seaside', 'city-verify', 'subscribe'],
    ['a mode other than subscribe', 403, '/webhooks/cloud-api', 'seaside-verify', 'unsubscribe'],
    ['an unknown hotel', 404, '/webhooks/cloud-api/nowhere', 'seaside-verify', 'subscribe'],
    ['a hotel without the adapter', 404, '/webhooks/cloud-api/nochannel', 'seaside-verify', 'subscribe'],
  ] as const)('answers %s with %i', async (_name, expected, path, token, mode) => {
    expect((await verify(path, token, mode)).status).toBe(expected);
  });

  it('answers 400 when the handshake parameters are missing', async () => {
    expect((await fetch(`${bot.url}/webhooks/cloud-api?hub.mode=subscribe`)).status).toBe(400);
  });
});

describe('Cloud API webhook: bad input changes nothing', () => {
  afterEach(() => expect(bot.events).toEqual([]));

  it('401 without a signature', async () => {
    const res = await fetch(`${bot.url}/webhooks/cloud-api`, {
      method: 'POST',
      body: metaJson(fx.envelope(fx.text)),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('401 when one byte of the body was changed after signing', async () => {
    const { body, headers } = signedCloudApiWebhook(fx.envelope(fx.text), GROUP_SECRET);
    const tampered = body.replace('Ol\\u00e1', 'Ol\\u00e0');
    const res = await fetch(`${bot.url}/webhooks/cloud-api`, { method: 'POST', body: tampered, headers });
    expect(res.status).toBe(401);
  });

  it('401 when the body was re-serialised (non-ASCII no longer escaped)', async () => {
    const { headers } = signedCloudApiWebhook(fx.envelope(fx.text), GROUP_SECRET);
    const res = await fetch(`${bot.url}/webhooks/cloud-api`, { method: 'POST', body: JSON.stringify(fx.envelope(fx.text)), headers });
    expect(res.status).toBe(401);
  });

  it.each(['sha256=deadbeef', 'sha1=0123456789abcdef0123456789abcdef01234567', 'garbage'])(
    '401 for a malformed signature header %p',
    async (header) => {
      const res = await fetch(`${bot.url}/webhooks/cloud-api`, {
        method: 'POST',
        body: metaJson(fx.envelope(fx.text)),
        headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': header },
      });
      expect(res.status).toBe(401);
    },
  );

  it('401 for a signature made with a secret no channel has', async () => {
    const res = await post('/webhooks/cloud-api', fx.envelope(fx.text, fx.SEASIDE_PHONE_ID), 'rogue-app-secret');
    expect(res.status).toBe(401);
  });

  it('404 when a configured app signs a payload for another app’s phone number', async () => {
    const res = await post('/webhooks/cloud-api', fx.envelope(fx.text, fx.SEASIDE_PHONE_ID), HARBOUR_SECRET);
    expect(res.status).toBe(404);
  });

  it('404 for an unknown phone_number_id', async () => {
    const res = await post('/webhooks/cloud-api', fx.envelope(fx.text, '999999999999999'));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found', message: expect.stringContaining('999999999999999') });
  });

  it('404 for a phone_number_id of another hotel on a hotel URL', async () => {
    const res = await post('/webhooks/cloud-api/seaside', fx.envelope(fx.text, fx.CITYLODGE_PHONE_ID));
    expect(res.status).toBe(404);
  });

  it('404 for an unknown hotel URL', async () => {
    expect((await post('/webhooks/cloud-api/nowhere', fx.envelope(fx.text))).status).toBe(404);
  });

  it('400 for malformed JSON, even correctly signed', async () => {
    const res = await post('/webhooks/cloud-api', '{"object":"whatsapp_business_account","entry":[');
    expect(res.status).toBe(400);
  });

  it('400 for signed JSON that is not a webhook', async () => {
    expect((await post('/webhooks/cloud-api', { hello: 'world' })).status).toBe(400);
  });

  it('413 for a body over the limit', async () => {
    const res = await post(
      '/webhooks/cloud-api',
      fx.envelope({ messages: [{ type: 'text', text: { body: 'x'.repeat(5 * 1024 * 1024) } }] }),
    );
    expect(res.status).toBe(413);
  });

  it('500 when the events cannot be stored, so Meta retries', async () => {
    bot.failNextReceive();
    const res = await post('/webhooks/cloud-api', fx.envelope(fx.text));
    expect(res.status).toBe(500);
  });
});
