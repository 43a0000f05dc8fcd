import cloudApi from '@hotello/adapter-cloud-api';
import { CloudApiFake, signedCloudApiWebhook } from '../../../test/fakes/cloud-api-fake';
import { startCapturingBot, type CapturingBot } from '../../../test/fakes/capturing-bot';
import { greetingPipeline } from '../../../test/fakes/greeting-pipeline';
import * as fx from './fixtures';

let fake: CloudApiFake;
let bot: CapturingBot;
const pipeline = greetingPipeline();

beforeAll(async () => {
  fake = await CloudApiFake.start('token-1');
  const channel = {
    type: 'cloud-api',
    phoneNumberId: fx.SEASIDE_PHONE_ID,
    accessToken: 'token-1',
    appSecret: 'app-secret',
    verifyToken: 'v',
    baseUrl: fake.url,
  };
  bot = await startCapturingBot({ hotels: [{ id: 'seaside', name: 'Seaside', channels: [channel] }] }, [cloudApi], pipeline.onReceive);
});
afterAll(async () => {
  await bot.stop();
  await fake.close();
});

const post = (payload: unknown) => {
  const { body, headers } = signedCloudApiWebhook(payload, 'app-secret');
  return fetch(`${bot.url}/webhooks/cloud-api`, { method: 'POST', body, headers });
};

it('greets a guest with reply buttons and hears which one was tapped', async () => {
  expect((await post(fx.envelope(fx.text))).status).toBe(200);
  expect(fake.sent).toHaveLength(1);
  expect(fake.sent[0]!.json).toMatchObject({
    to: fx.GUEST,
    context: { message_id: 'wamid.TEXT1' },
    type: 'interactive',
    interactive: {
      type: 'button',
      action: {
        buttons: [{ reply: { id: 'book' } }, { reply: { id: 'late-checkout', title: 'Late checkout' } }, { reply: { id: 'staff' } }],
      },
    },
  });

  const tap = fx.envelope({
    contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: fx.GUEST_WA_ID }],
    messages: [
      {
        from: fx.GUEST_WA_ID,
        id: 'wamid.TAP1',
        timestamp: '1739321100',
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id: 'late-checkout', title: 'Late checkout' } },
      },
    ],
  });
  expect((await post(tap)).status).toBe(200);
  expect(pipeline.chosen).toEqual([{ guest: fx.GUEST, option: 'late-checkout' }]);
});
