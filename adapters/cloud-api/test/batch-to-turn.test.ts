import cloudApi from '@hotello/adapter-cloud-api';
import { createBot, definePlugin, type Kernel } from '@hotello/core';
import { CloudApiFake, signedCloudApiWebhook } from '../../../test/fakes/cloud-api-fake';
import { captureLogs } from '../../../test/fakes/log-capture';
import * as fx from './fixtures';
import { until } from '../../../test/fakes/until';

// Issue 11, through the real inbox and turn pipeline: one item the store refuses no longer costs
// the good messages batched with it, and a guest's long text is a message like any other.

const SECRET = 'app-secret';
const logs = captureLogs('info');
const turns: { id: string; text?: string; profileName?: string }[] = [];

/** Records what each turn saw and answers, so a test knows the turn ran to the end. */
const recorder = definePlugin({
  name: 'recorder',
  register({ turns: stages }) {
    stages.use('route', async (ctx, next) => {
      turns.push({ id: ctx.message.providerMessageId, text: ctx.text, profileName: ctx.message.profileName });
      ctx.reply({ kind: 'text', text: 'noted' });
      await next();
    });
  },
});

let meta: CloudApiFake;
let bot: Kernel;
let base: string;

beforeAll(async () => {
  meta = await CloudApiFake.start('t');
  const channel = {
    type: 'cloud-api',
    phoneNumberId: fx.SEASIDE_PHONE_ID,
    accessToken: 't',
    appSecret: SECRET,
    verifyToken: 'v',
    baseUrl: meta.url,
  };
  bot = createBot({
    config: { hotels: [{ id: 'seaside', name: 'Seaside', channels: [channel] }] },
    extraPlugins: [cloudApi, recorder],
    logger: logs.logger,
  });
  await bot.start();
  base = `http://127.0.0.1:${await bot.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await bot.stop();
  await meta.close();
});
beforeEach(() => {
  turns.length = 0;
  logs.clear();
});

function post(payload: unknown) {
  const { body, headers } = signedCloudApiWebhook(payload, SECRET);
  return fetch(`${base}/webhooks/cloud-api`, { method: 'POST', body, headers });
}

const message = (id: string, text: string, extra: Record<string, unknown> = {}) => ({
  from: fx.GUEST_WA_ID,
  id,
  timestamp: String(Math.floor(Date.now() / 1000)),
  type: 'text',
  text: { body: text },
  ...extra,
});

it('stores the good messages of a batch and reports the one the store refuses', async () => {
  const res = await post(
    fx.envelope({
      messages: [
        message('wamid.GOOD1', 'first'),
        message('wamid.REFUSED', 'x'.repeat(70_000)), // over the inbound text bound: refused by the store
        message('wamid.LATE', 'from the future', { timestamp: '99999999999999' }),
      ],
    }),
  );
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ accepted: 2, duplicates: 0, statuses: 0, rejected: 1 });
  await until(() => turns.length === 2);
  expect(turns.map((t) => t.id)).toEqual(['wamid.GOOD1', 'wamid.LATE']);
  const refused = logs.lines().filter((l) => l.msg === 'webhook events refused by the store');
  expect(refused).toHaveLength(1);
  expect(refused[0]!.ignored).toMatchObject({ total: 1, examples: [expect.objectContaining({ id: 'wamid.REFUSED' })] });
});

it('accepts a 5,000-character guest text and runs its turn', async () => {
  const long = 'Our room was lovely but '.repeat(210).slice(0, 5_000);
  const res = await post(fx.envelope({ messages: [message('wamid.LONG', long)] }));
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, statuses: 0 });
  await until(() => turns.length === 1);
  expect(turns[0]!.text).toBe(long);
  await until(() => meta.sent.length > 0);
});

it('runs the turn of a guest whose profile name is 257 characters', async () => {
  const guest = '16505550199';
  const sentBefore = meta.sent.length;
  const res = await post(
    fx.envelope({
      contacts: [{ profile: { name: 'Ñ'.repeat(257) }, wa_id: guest }],
      messages: [{ ...message('wamid.NAME', 'hello'), from: guest }],
    }),
  );
  expect(res.status).toBe(200);
  await until(() => meta.sent.length > sentBefore);
  expect(turns[0]!.profileName).toBe('Ñ'.repeat(256));
  expect(logs.lines().filter((l) => l.msg === 'turn failed')).toEqual([]);
  const conversation = await bot.store.findByKey({ hotelId: 'seaside', channelId: 'cloud-api', guest: `+${guest}` });
  expect(conversation?.profile.name).toBe('Ñ'.repeat(256));
});
