import cloudApi from '@hotello/adapter-cloud-api';
import { signedCloudApiWebhook } from '../../../test/fakes/cloud-api-fake';
import { startCapturingBot, type CapturingBot } from '../../../test/fakes/capturing-bot';
import { captureLogs } from '../../../test/fakes/log-capture';
import * as fx from './fixtures';

// Issue 11: correctly signed payloads of the wrong shape. Meta resends anything but a 2xx for
// seven days, so each is answered 200 (items ignored) or 400 (nothing usable), never 500, fast,
// and reported in one log line per webhook.

const SECRET = 'app-secret';
const logs = captureLogs('info');
let bot: CapturingBot;

beforeAll(async () => {
  const channel = { type: 'cloud-api', phoneNumberId: fx.SEASIDE_PHONE_ID, accessToken: 't', appSecret: SECRET, verifyToken: 'v' };
  bot = await startCapturingBot({ hotels: [{ id: 'seaside', name: 'Seaside', channels: [channel] }] }, [cloudApi], undefined, logs.logger);
});
afterAll(() => bot.stop());
beforeEach(() => {
  bot.events.length = 0;
  logs.clear();
});

function post(payload: unknown) {
  const { body, headers } = signedCloudApiWebhook(payload, SECRET);
  return fetch(`${bot.url}/webhooks/cloud-api`, { method: 'POST', body, headers });
}

const goodMessage = (fx.text.messages as Record<string, unknown>[])[0]!;
const ignoredLines = () => logs.lines().filter((l) => l.msg === 'webhook items ignored');

describe('Cloud API webhook: lists that are not lists', () => {
  it('a 3.9 MB string as "messages" is one ignored item, one log line, answered fast', async () => {
    const started = Date.now();
    const res = await post(fx.envelope({ messages: 'x'.repeat(3_900_000) }));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(bot.events).toEqual([]);
    expect(ignoredLines()).toHaveLength(1);
    expect(ignoredLines()[0]!.ignored).toMatchObject({ total: 1, reasons: { 'message list is not an array': 1 } });
    expect(logs.size()).toBeLessThan(10_000);
  });

  it.each([
    ['"contacts": {}', { contacts: {}, messages: [goodMessage] }, 1],
    ['"statuses": 5', { messages: [goodMessage], statuses: 5 }, 1],
    ['"messages": {}', { messages: {} }, 0],
    ['"errors": "x"', { errors: 'x' }, 0],
  ])('%s → 200, the usable part kept', async (_name, value, messages) => {
    const res = await post(fx.envelope(value));
    expect(res.status).toBe(200);
    expect(bot.messages()).toHaveLength(messages);
    expect(ignoredLines()).toHaveLength(1);
  });
});

describe('Cloud API webhook: malformed items are ignored, never 500', () => {
  const change = (value: unknown) => ({ object: 'whatsapp_business_account', entry: [{ id: fx.WABA_ID, changes: [value] }] });
  it.each([
    ['"entry": [null]', { object: 'whatsapp_business_account', entry: [null] }],
    ['"entry": [5, "x", []]', { object: 'whatsapp_business_account', entry: [5, 'x', []] }],
    ['"changes": "x"', { entry: [{ id: fx.WABA_ID, changes: 'x' }] }],
    ['a change that is null', change(null)],
    ['"value": null', change({ field: 'messages', value: null })],
    ['"metadata": null', change({ field: 'messages', value: { metadata: null, messages: [goodMessage] } })],
    ['"phone_number_id": 7', change({ field: 'messages', value: { metadata: { phone_number_id: 7 } } })],
    ['messages that are null, numbers, strings', fx.envelope({ messages: [null, 5, 'x', [], { id: 5 }] })],
    ['a message without "from"', fx.envelope({ messages: [{ id: 'wamid.X', type: 'text', text: { body: 'hi' } }] })],
    ['"text": "hi" instead of an object', fx.envelope({ messages: [{ ...goodMessage, text: 'hi' }] })],
    ['statuses that are null', fx.envelope({ statuses: [null, { id: 'wamid.S' }] })],
    ['a status "constructor"', fx.envelope({ statuses: [{ id: 'wamid.S', status: 'constructor', timestamp: '1739321024' }] })],
  ])('%s → 200 without events', async (_name, payload) => {
    const res = await post(payload);
    expect(res.status).toBe(200);
    expect(bot.events).toEqual([]);
    expect(ignoredLines()).toHaveLength(1);
  });

  it.each([
    ['"entry": {}', { entry: {} }],
    ['"entry": "x"', { entry: 'x' }],
    ['a JSON array', [1, 2]],
    ['a JSON string', 'just a string'],
  ])('%s → 400 (nothing usable)', async (_name, payload) => {
    const res = await post(payload);
    expect(res.status).toBe(400);
    expect(bot.events).toEqual([]);
  });

  it('deep nesting → 400, not a stack overflow', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const body = `{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"${fx.SEASIDE_PHONE_ID}"},"messages":[{"from":"${fx.GUEST_WA_ID}","id":${deep}}]}}]}]}`;
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message: expect.stringContaining('nested deeper') });
  });

  it('keeps the good message of a batch whose other message is malformed', async () => {
    const res = await post(fx.envelope({ ...fx.text, messages: [goodMessage, { ...goodMessage, id: 'wamid.BAD', from: { no: 1 } }] }));
    expect(res.status).toBe(200);
    expect(bot.messages().map((m) => m.providerMessageId)).toEqual(['wamid.TEXT1']);
    expect(ignoredLines()[0]!.ignored).toMatchObject({ total: 1, examples: [expect.objectContaining({ id: 'wamid.BAD' })] });
  });

  it('summarises 5,000 bad items in one log line with a few capped examples', async () => {
    const bad = Array.from({ length: 5_000 }, (_, i) => ({ id: `wamid.${'B'.repeat(200)}${i}` }));
    const started = Date.now();
    const res = await post(fx.envelope({ messages: bad }));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(ignoredLines()).toHaveLength(1);
    const summary = ignoredLines()[0]!.ignored as { total: number; examples: { id: string }[] };
    expect(summary.total).toBe(5_000);
    expect(summary.examples).toHaveLength(3);
    expect(summary.examples[0]!.id.length).toBeLessThanOrEqual(65);
  });
});

describe('Cloud API webhook: values that must not be trusted', () => {
  it('an absurd timestamp becomes the receipt time; the batch keeps both messages', async () => {
    const before = Date.now();
    const res = await post(
      fx.envelope({ ...fx.text, messages: [goodMessage, { ...goodMessage, id: 'wamid.T2', timestamp: '99999999999999' }] }),
    );
    expect(res.status).toBe(200);
    const [good, late] = bot.messages();
    expect(good!.timestamp).toEqual(new Date(1739321024 * 1000));
    expect(late!.timestamp.getTime()).toBeGreaterThanOrEqual(before);
    expect(late!.timestamp.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('a 257-character profile name is cut to 256 at parse time', async () => {
    const name = 'N'.repeat(257);
    await post(fx.envelope({ contacts: [{ profile: { name }, wa_id: fx.GUEST_WA_ID }], messages: [goodMessage] }));
    expect(bot.messages()[0]!.profileName).toBe('N'.repeat(256));
  });

  it('a 3 MB phone_number_id is not echoed in the 404 body or the log', async () => {
    const id = '7'.repeat(3 * 1024 * 1024);
    const res = await post(fx.envelope(fx.text, id));
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body.length).toBeLessThan(500);
    expect(body).toContain('…');
    expect(logs.size()).toBeLessThan(10_000);
  });
});
