import greenApi from '@hotello/adapter-green-api';
import { greenApiWebhook } from '../../../test/fakes/green-api-fake';
import { startCapturingBot, type CapturingBot } from '../../../test/fakes/capturing-bot';
import { captureLogs } from '../../../test/fakes/log-capture';
import * as fx from './fixtures';

// Issue 11: authenticated Green API webhooks of the wrong shape. Green API resends anything but
// a 200 every minute for a day, so a malformed notification is acknowledged and reported once.

const logs = captureLogs('debug');
let bot: CapturingBot;

beforeAll(async () => {
  const channel = {
    type: 'green-api',
    idInstance: fx.SEASIDE_INSTANCE,
    apiTokenInstance: fx.SEASIDE_API_TOKEN,
    webhookUrlToken: fx.SEASIDE_WEBHOOK_TOKEN,
  };
  bot = await startCapturingBot({ hotels: [{ id: 'seaside', name: 'Seaside', channels: [channel] }] }, [greenApi], undefined, logs.logger);
});
afterAll(() => bot.stop());
beforeEach(() => {
  bot.events.length = 0;
  logs.clear();
});

function post(payload: unknown) {
  const { body, headers } = greenApiWebhook(payload, fx.SEASIDE_WEBHOOK_TOKEN);
  return fetch(`${bot.url}/webhooks/green-api/seaside`, { method: 'POST', body, headers });
}

const ignoredLines = () => logs.lines().filter((l) => l.msg === 'Green API webhook acknowledged without events');
const text = fx.text as Record<string, unknown> & { senderData: Record<string, unknown>; messageData: Record<string, unknown> };

describe('Green API webhook: wrong shapes are acknowledged, never 500', () => {
  it.each([
    ['chatId: 123', { ...text, senderData: { ...text.senderData, chatId: 123 } }],
    ['senderData: null', { ...text, senderData: null }],
    ['senderData: "x"', { ...text, senderData: 'x' }],
    ['idMessage: {}', { ...text, idMessage: {} }],
    ['messageData: []', { ...text, messageData: [] }],
    ['textMessageData: 5', { ...text, messageData: { typeMessage: 'textMessage', textMessageData: 5 } }],
    ['a status without idMessage', { ...fx.outgoingStatus('read'), idMessage: null }],
    ['status: 7', { ...fx.outgoingStatus('read'), status: 7 }],
  ])('%s → 200, one warning, no events', async (_name, payload) => {
    const res = await post(payload);
    expect(res.status).toBe(200);
    expect(bot.events).toEqual([]);
    expect(ignoredLines()).toHaveLength(1);
    expect(ignoredLines()[0]!.level).toBe('warn');
  });

  it.each([
    ['typeWebhook: 5', { ...text, typeWebhook: 5 }],
    ['instanceData: 5', { ...text, instanceData: 5 }],
    ['a JSON array', [text]],
  ])('%s → 400', async (_name, payload) => {
    expect((await post(payload)).status).toBe(400);
    expect(bot.events).toEqual([]);
  });

  it('deep nesting → 400, not a stack overflow', async () => {
    const deep = { ...text, messageData: { typeMessage: 'textMessage', textMessageData: { textMessage: 'hi' } } };
    const body = JSON.stringify(deep).replace('"hi"', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const res = await fetch(`${bot.url}/webhooks/green-api/seaside`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${fx.SEASIDE_WEBHOOK_TOKEN}` },
    });
    expect(res.status).toBe(400);
  });
});

describe('Green API webhook: provider strings never reach inherited properties', () => {
  it('typeMessage "constructor" with a file is unsupported, not media', async () => {
    const payload = { ...text, messageData: { typeMessage: 'constructor', fileMessageData: { downloadUrl: 'https://x.example/f' } } };
    expect((await post(payload)).status).toBe(200);
    expect(bot.messages()[0]!.content).toEqual({ kind: 'unsupported', providerType: 'constructor' });
  });

  it.each(['constructor', 'toString', '__proto__'])('status "%s" is not tracked', async (status) => {
    expect((await post(fx.outgoingStatus(status))).status).toBe(200);
    expect(bot.events).toEqual([]);
    expect(ignoredLines()[0]!.ignored).toMatchObject({ reasons: { 'status not tracked': 1 } });
  });

  it('a selection field named like a prototype property is not read from the prototype', async () => {
    const payload = { ...text, messageData: { typeMessage: 'buttonsResponseMessage', buttonsResponseMessage: { stanzaId: 'S1' } } };
    await post(payload);
    expect(bot.messages()[0]!.content).toEqual({ kind: 'unsupported', providerType: 'buttonsResponseMessage' });
  });
});

describe('Green API webhook: values that must not be trusted', () => {
  it('an absurd timestamp becomes the receipt time', async () => {
    const before = Date.now();
    await post({ ...text, timestamp: 99999999999999 });
    const at = bot.messages()[0]!.timestamp.getTime();
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('a 257-character senderName is cut to 256 at parse time', async () => {
    await post({ ...text, senderData: { ...text.senderData, senderName: 'I'.repeat(257) } });
    expect(bot.messages()[0]!.profileName).toBe('I'.repeat(256));
  });

  it('an unknown 1 MB typeWebhook and instance id are echoed capped', async () => {
    const res = await post({ ...fx.stateChanged, typeWebhook: 'T'.repeat(1024 * 1024) });
    expect(res.status).toBe(200);
    expect(logs.size()).toBeLessThan(10_000);
    const wrongInstance = await post({ ...text, instanceData: { idInstance: '8'.repeat(1024 * 1024) } });
    expect(wrongInstance.status).toBe(404);
    expect((await wrongInstance.text()).length).toBeLessThan(500);
  });
});
