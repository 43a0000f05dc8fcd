import twilioPlugin from '@hotello/adapter-twilio';
import { TwilioFake, signedTwilioWebhook } from '../../../test/fakes/twilio-fake';
import { startCapturingBot, type CapturingBot } from '../../../test/fakes/capturing-bot';
import { greetingPipeline } from '../../../test/fakes/greeting-pipeline';
import * as fx from './fixtures';

const PUBLIC_URL = 'https://hotel.example.com';
let fake: TwilioFake;
let bot: CapturingBot;
const pipeline = greetingPipeline();

beforeAll(async () => {
  fake = await TwilioFake.start(fx.SEASIDE_ACCOUNT, fx.SEASIDE_TOKEN);
  const channel = {
    type: 'twilio',
    accountSid: fx.SEASIDE_ACCOUNT,
    authToken: fx.SEASIDE_TOKEN,
    from: fx.SEASIDE_NUMBER,
    baseUrl: fake.url,
  };
  bot = await startCapturingBot(
    { server: { publicUrl: PUBLIC_URL }, hotels: [{ id: 'seaside', name: 'Seaside', channels: [channel] }] },
    [twilioPlugin],
    pipeline.onReceive,
  );
});
afterAll(async () => {
  await bot.stop();
  await fake.close();
});

const post = (params: Record<string, string>) => {
  const { body, headers } = signedTwilioWebhook(`${PUBLIC_URL}/webhooks/twilio/seaside`, params, fx.SEASIDE_TOKEN);
  return fetch(`${bot.url}/webhooks/twilio/seaside`, { method: 'POST', body, headers });
};

it('greets a guest with a numbered menu (no free-form buttons on Twilio) and maps a typed "2" back', async () => {
  expect((await post(fx.text)).status).toBe(200);
  expect(fake.sent).toHaveLength(1);
  expect(fake.sent[0]!.form).toEqual({
    To: `whatsapp:${fx.GUEST}`,
    From: `whatsapp:${fx.SEASIDE_NUMBER}`,
    Body: 'Welcome to Seaside Hotel! How can we help?\n\n1. Book a room\n2. Late checkout\n3. Talk to staff',
    StatusCallback: `${PUBLIC_URL}/webhooks/twilio/seaside`,
  });

  expect((await post({ ...fx.text, MessageSid: 'SM' + '7'.repeat(32), SmsSid: 'SM' + '7'.repeat(32), Body: ' 2. ' })).status).toBe(200);
  expect(pipeline.chosen).toEqual([{ guest: fx.GUEST, option: 'late-checkout' }]);
});
