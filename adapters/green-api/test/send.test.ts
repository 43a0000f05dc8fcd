import { ChannelSendError, renderForChannel, type OutboundContent, type PlannedChannel } from '@hotello/core';
import { createGreenApiAdapter, greenApiChannelOptions } from '@hotello/adapter-green-api';
import { GreenApiFake } from '../../../test/fakes/green-api-fake';
import * as fx from './fixtures';

let fake: GreenApiFake;
let channel: PlannedChannel;
const adapter = createGreenApiAdapter();
const CHAT = '79001234568@c.us';

beforeAll(async () => {
  fake = await GreenApiFake.start(fx.SEASIDE_INSTANCE, fx.SEASIDE_API_TOKEN);
  channel = {
    hotelId: 'seaside',
    id: 'green-api',
    type: 'green-api',
    plugin: 'green-api',
    options: greenApiChannelOptions.parse({
      idInstance: fx.SEASIDE_INSTANCE,
      apiTokenInstance: fx.SEASIDE_API_TOKEN,
      webhookUrlToken: fx.SEASIDE_WEBHOOK_TOKEN,
      apiUrl: fake.url,
      timeoutMs: 300,
    }),
  };
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

// As the outbox hands it over: rendered for the channel's capabilities (adapters render nothing themselves).
const send = (content: OutboundContent, replyTo?: string, on = channel) =>
  adapter.send(on, {
    hotelId: 'seaside',
    channelId: 'green-api',
    to: fx.GUEST,
    content: renderForChannel(content, adapter.capabilities).content,
    replyTo,
    outboxId: 'out-1',
  });

describe('Green API send: request format', () => {
  it('calls {apiUrl}/waInstance{id}/{method}/{token} and returns the idMessage', async () => {
    const result = await send({ kind: 'text', text: 'Добро пожаловать!' });
    const request = fake.sent[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/waInstance${fx.SEASIDE_INSTANCE}/sendMessage/${fx.SEASIDE_API_TOKEN}`);
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(result.providerMessageId).toMatch(/^BAE5/);
  });

  it.each<[string, OutboundContent, string | undefined, string, Record<string, unknown>]>([
    // https://green-api.com/en/docs/api/sending/SendMessage/
    ['text', { kind: 'text', text: 'Добро пожаловать!' }, undefined, 'sendMessage', { chatId: CHAT, message: 'Добро пожаловать!' }],
    [
      'text quoting the guest',
      { kind: 'text', text: 'Да' },
      'BAE5F4886F6F2D05',
      'sendMessage',
      { chatId: CHAT, message: 'Да', quotedMessageId: 'BAE5F4886F6F2D05' },
    ],
    // https://green-api.com/en/docs/api/sending/SendInteractiveButtonsReply/
    [
      'reply buttons',
      {
        kind: 'buttons',
        header: 'Late checkout',
        text: 'Until 14:00 for 20 €?',
        footer: 'Seaside',
        buttons: [
          { id: 'yes', title: 'Yes please' },
          { id: 'no', title: 'No thanks' },
        ],
      },
      undefined,
      'sendInteractiveButtonsReply',
      {
        chatId: CHAT,
        header: 'Late checkout',
        body: 'Until 14:00 for 20 €?',
        footer: 'Seaside',
        buttons: [
          { buttonId: 'yes', buttonText: 'Yes please' },
          { buttonId: 'no', buttonText: 'No thanks' },
        ],
      },
    ],
    [
      'a short list without descriptions, as reply buttons',
      {
        kind: 'list',
        text: 'Breakfast time?',
        buttonLabel: 'Times',
        sections: [
          {
            rows: [
              { id: '7', title: '7:00' },
              { id: '8', title: '8:00' },
            ],
          },
        ],
      },
      undefined,
      'sendInteractiveButtonsReply',
      {
        chatId: CHAT,
        body: 'Breakfast time?',
        buttons: [
          { buttonId: '7', buttonText: '7:00' },
          { buttonId: '8', buttonText: '8:00' },
        ],
      },
    ],
    [
      'a list with descriptions, as a numbered menu',
      {
        kind: 'list',
        text: 'Which room?',
        buttonLabel: 'Rooms',
        sections: [
          {
            rows: [
              { id: 'g', title: 'Garden view', description: '120 €' },
              { id: 's', title: 'Sea view', description: '150 €' },
            ],
          },
        ],
      },
      undefined,
      'sendMessage',
      { chatId: CHAT, message: 'Which room?\n\n1. Garden view – 120 €\n2. Sea view – 150 €' },
    ],
    // https://green-api.com/en/docs/api/sending/SendFileByUrl/
    [
      'media, file name from the URL',
      { kind: 'media', mediaType: 'image', url: 'https://h.example/img/pool%20view.jpg', caption: 'Our pool' },
      undefined,
      'sendFileByUrl',
      { chatId: CHAT, urlFile: 'https://h.example/img/pool%20view.jpg', fileName: 'pool view.jpg', caption: 'Our pool' },
    ],
    [
      'media with a given file name',
      { kind: 'media', mediaType: 'document', url: 'https://h.example/download?id=7', filename: 'invoice-7.pdf' },
      undefined,
      'sendFileByUrl',
      { chatId: CHAT, urlFile: 'https://h.example/download?id=7', fileName: 'invoice-7.pdf' },
    ],
    [
      'media without any file name',
      { kind: 'media', mediaType: 'video', url: 'https://h.example/stream/42' },
      undefined,
      'sendFileByUrl',
      { chatId: CHAT, urlFile: 'https://h.example/stream/42', fileName: 'video.mp4' },
    ],
    // https://green-api.com/en/docs/api/sending/SendLocation/
    [
      'location',
      { kind: 'location', latitude: 55.7539, longitude: 37.6208, name: 'Seaside Hotel', address: 'Moscow, 109012' },
      undefined,
      'sendLocation',
      { chatId: CHAT, nameLocation: 'Seaside Hotel', address: 'Moscow, 109012', latitude: 55.7539, longitude: 37.6208 },
    ],
    [
      'template, as text (no templates on Green API)',
      { kind: 'template', name: 'reminder', language: 'ru', parameters: ['Иван', 'завтра'] },
      undefined,
      'sendMessage',
      { chatId: CHAT, message: 'Иван\nзавтра' },
    ],
  ])('%s', async (_name, content, replyTo, method, body) => {
    await send(content, replyTo);
    expect(fake.sent[0]!.apiMethod).toBe(method);
    expect(fake.sent[0]!.json).toEqual(body);
  });

  it('cuts button titles to the 25 characters Green API allows', async () => {
    await send({ kind: 'buttons', text: 'Pick', buttons: [{ id: 'a', title: 'A button title that is far too long' }] });
    const buttons = (fake.sent[0]!.json as { buttons: { buttonText: string }[] }).buttons;
    expect(Array.from(buttons[0]!.buttonText).length).toBeLessThanOrEqual(25);
  });
});

describe('Green API send: errors', () => {
  it.each<[number, ChannelSendError['kind']]>([
    [429, 'throttled'],
    [500, 'retryable'],
    [502, 'retryable'],
    [400, 'permanent'],
    [403, 'permanent'],
  ])('HTTP %i is %s', async (status, kind) => {
    fake.failNext(1, { status, body: { message: 'simulated' } });
    await expect(send({ kind: 'text', text: 'hi' })).rejects.toMatchObject({ kind, providerCode: `http_${status}` });
  });

  it('honours Retry-After on 429', async () => {
    fake.failNext(1, { status: 429, body: '', headers: { 'Retry-After': '60' } });
    await expect(send({ kind: 'text', text: 'hi' })).rejects.toMatchObject({ kind: 'throttled', retryAfterMs: 60_000 });
  });

  it('reports the quota reason of a 466 as a permanent failure', async () => {
    fake.failWithQuota();
    const error = (await send({ kind: 'text', text: 'hi' }).catch((e: unknown) => e)) as ChannelSendError;
    expect(error).toBeInstanceOf(ChannelSendError);
    expect(error.kind).toBe('permanent');
    expect(error.providerCode).toBe('http_466');
    expect(error.message).toMatch(/CORRESPONDENTS_QUOTE_EXCEEDED: Monthly quota has been exceeded/);
  });

  it('is permanent when the API token is wrong', async () => {
    const wrong = { ...channel, options: { ...(channel.options as object), apiTokenInstance: 'wrong' } };
    await expect(send({ kind: 'text', text: 'hi' }, undefined, wrong)).rejects.toMatchObject({
      kind: 'permanent',
      providerCode: 'http_401',
    });
  });

  it('treats a dropped connection and a timeout as retryable', async () => {
    fake.failNext(1, { status: 0, drop: true });
    await expect(send({ kind: 'text', text: 'hi' })).rejects.toMatchObject({
      kind: 'retryable',
      message: expect.stringMatching(/unreachable/),
    });
    fake.failNext(1, { status: 200, body: { idMessage: 'late' }, delayMs: 1_000 });
    await expect(send({ kind: 'text', text: 'hi' })).rejects.toMatchObject({
      kind: 'retryable',
      message: expect.stringContaining('no answer within 300 ms'),
    });
  });

  it('does not retry an accepted request that came back without an idMessage', async () => {
    fake.failNext(1, { status: 200, body: {} });
    await expect(send({ kind: 'text', text: 'hi' })).rejects.toMatchObject({ kind: 'permanent' });
  });
});
