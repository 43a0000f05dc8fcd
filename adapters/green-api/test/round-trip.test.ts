import greenApi from '@hotello/adapter-green-api';
import { GreenApiFake, greenApiWebhook } from '../../../test/fakes/green-api-fake';
import { startCapturingBot, type CapturingBot } from '../../../test/fakes/capturing-bot';
import { greetingPipeline } from '../../../test/fakes/greeting-pipeline';
import * as fx from './fixtures';

let fake: GreenApiFake;
let bot: CapturingBot;
const pipeline = greetingPipeline();

beforeAll(async () => {
  fake = await GreenApiFake.start(fx.SEASIDE_INSTANCE, fx.SEASIDE_API_TOKEN);
  const channel = {
    type: 'green-api',
    idInstance: fx.SEASIDE_INSTANCE,
    apiTokenInstance: fx.SEASIDE_API_TOKEN,
    webhookUrlToken: fx.SEASIDE_WEBHOOK_TOKEN,
    apiUrl: fake.url,
  };
  bot = await startCapturingBot({ hotels: [{ id: 'seaside', name: 'Seaside', channels: [channel] }] }, [greenApi], pipeline.onReceive);
});
afterAll(async () => {
  await bot.stop();
  await fake.close();
});

const post = (payload: unknown) => {
  const { body, headers } = greenApiWebhook(payload, fx.SEASIDE_WEBHOOK_TOKEN);
  return fetch(`${bot.url}/webhooks/green-api/seaside`, { method: 'POST', body, headers });
};

it('greets a guest with interactive reply buttons and hears which one was tapped', async () => {
  expect((await post(fx.text)).status).toBe(200);
  expect(fake.sent.map((r) => r.apiMethod)).toEqual(['sendInteractiveButtonsReply']);
  expect(fake.sent[0]!.json).toEqual({
    chatId: '79001234568@c.us',
    body: 'Welcome to Seaside Hotel! How can we help?',
    buttons: [
      { buttonId: 'book', buttonText: 'Book a room' },
      { buttonId: 'late-checkout', buttonText: 'Late checkout' },
      { buttonId: 'staff', buttonText: 'Talk to staff' },
    ],
  });

  const tap = fx.incoming('TAP1', {
    typeMessage: 'interactiveButtonsResponse',
    interactiveButtonsResponse: { selectedId: 'late-checkout', selectedDisplayText: 'Late checkout' },
  });
  expect((await post(tap)).status).toBe(200);
  expect(pipeline.chosen).toEqual([{ guest: fx.GUEST, option: 'late-checkout' }]);
});
