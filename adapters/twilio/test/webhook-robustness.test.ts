import twilioPlugin from '@hotello/adapter-twilio';
import { signedTwilioWebhook } from '../../../test/fakes/twilio-fake';
import { startCapturingBot, type CapturingBot } from '../../../test/fakes/capturing-bot';
import { captureLogs } from '../../../test/fakes/log-capture';
import * as fx from './fixtures';

// Issue 11: correctly signed Twilio webhooks with values no real message has.

const PUBLIC_URL = 'https://hotel.example.com';
const PATH = '/webhooks/twilio/seaside';
const logs = captureLogs('info');
let bot: CapturingBot;

beforeAll(async () => {
  const channel = { type: 'twilio', accountSid: fx.SEASIDE_ACCOUNT, authToken: fx.SEASIDE_TOKEN, from: fx.SEASIDE_NUMBER };
  bot = await startCapturingBot(
    { server: { publicUrl: PUBLIC_URL }, hotels: [{ id: 'seaside', name: 'Seaside', channels: [channel] }] },
    [twilioPlugin],
    undefined,
    logs.logger,
  );
});
afterAll(() => bot.stop());
beforeEach(() => {
  bot.events.length = 0;
  logs.clear();
});

function post(params: Record<string, string>) {
  const { body, headers } = signedTwilioWebhook(`${PUBLIC_URL}${PATH}`, params, fx.SEASIDE_TOKEN);
  return fetch(`${bot.url}${PATH}`, { method: 'POST', body, headers });
}

const ignoredLines = () => logs.lines().filter((l) => l.msg === 'Twilio webhook acknowledged without events');

describe('Twilio webhook: NumMedia bounds the media loop', () => {
  it.each(['1e308', '2e7', '-1', 'NaN', 'Infinity', ' 3'])(
    'NumMedia=%s is malformed: answered at once, nothing stored, /healthz alive',
    async (numMedia) => {
      const started = Date.now();
      const [res, health] = await Promise.all([
        post({ ...fx.image, NumMedia: numMedia }),
        fetch(`${bot.url}/healthz`, { signal: AbortSignal.timeout(2_000) }),
      ]);
      expect(res.status).toBe(200);
      expect(health.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(bot.events).toEqual([]);
      expect(ignoredLines()).toHaveLength(1);
      expect(ignoredLines()[0]!.ignored).toMatchObject({ reasons: { 'malformed message: NumMedia invalid_format': 1 } });
    },
  );

  it('a count above Twilio’s documented 10 is clamped: no more than ten messages', async () => {
    const params: Record<string, string> = { ...fx.image, NumMedia: '20000000' };
    for (let i = 1; i < 20; i += 1) params[`MediaUrl${i}`] = `${fx.image.MediaUrl0}-${i}`;
    const res = await post(params);
    expect(res.status).toBe(200);
    expect(bot.messages()).toHaveLength(10);
  });
});

describe('Twilio webhook: provider strings never reach inherited properties', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('MessageStatus=%s is not tracked', async (status) => {
    const res = await post(fx.statusCallback(status));
    expect(res.status).toBe(200);
    expect(bot.events).toEqual([]);
    const lines = JSON.stringify(logs.lines());
    expect(lines).not.toMatch(/function|Object\(\)/);
    expect(ignoredLines()[0]!.ignored).toMatchObject({ reasons: { 'status not tracked': 1 } });
  });

  it('MediaUrl lookups read only what the form carried', async () => {
    const res = await post({ ...fx.text, NumMedia: '1', MessageType: 'image' });
    expect(res.status).toBe(200);
    expect(bot.messages()[0]!.content).toEqual({ kind: 'unsupported', providerType: 'image' });
  });
});

describe('Twilio webhook: other values that must not be trusted', () => {
  it('a 257-character ProfileName is cut to 256 at parse time', async () => {
    await post({ ...fx.text, ProfileName: 'W'.repeat(257) });
    expect(bot.messages()[0]!.profileName).toBe('W'.repeat(256));
  });

  it('a message without a sid is ignored with one capped log line', async () => {
    const params: Record<string, string> = { ...fx.text, From: `whatsapp:${'9'.repeat(100_000)}` };
    delete params.MessageSid;
    delete params.SmsSid;
    const res = await post(params);
    expect(res.status).toBe(200);
    expect(bot.events).toEqual([]);
    expect(ignoredLines()).toHaveLength(1);
    expect(logs.size()).toBeLessThan(10_000);
  });

  it('a sender that is not a phone number is reported capped', async () => {
    const res = await post({ ...fx.text, From: `whatsapp:${'x'.repeat(100_000)}` });
    expect(res.status).toBe(200);
    expect(bot.events).toEqual([]);
    expect(ignoredLines()[0]!.ignored).toMatchObject({ reasons: { 'sender is not a phone number': 1 } });
    expect(logs.size()).toBeLessThan(10_000);
  });
});
