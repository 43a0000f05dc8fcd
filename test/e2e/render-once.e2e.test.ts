import cloudApi from '@hotello/adapter-cloud-api';
import greenApi from '@hotello/adapter-green-api';
import twilio from '@hotello/adapter-twilio';
import { createBot, createLogger, definePlugin, type Kernel } from '@hotello/core';
import * as cloudFx from '../../adapters/cloud-api/test/fixtures';
import * as greenFx from '../../adapters/green-api/test/fixtures';
import * as twilioFx from '../../adapters/twilio/test/fixtures';
import { CloudApiFake } from '../fakes/cloud-api-fake';
import { GreenApiFake } from '../fakes/green-api-fake';
import { TwilioFake } from '../fakes/twilio-fake';
import { providerChannels, startProviderFakes } from '../fakes/provider-channels';
import { until } from '../fakes/until';

// A reply is fitted to its channel once, by the outbox, which knows the channel's capabilities;
// adapters send what they are given. Counting the calls to the one renderer proves it, and what
// each provider receives shows the guest gets the same as before.
const renders = { count: 0 };
jest.mock('../../core/src/messaging/degrade', () => {
  const actual = jest.requireActual<typeof import('../../core/src/messaging/degrade')>('../../core/src/messaging/degrade');
  return {
    ...actual,
    renderForChannel: (...args: Parameters<typeof actual.renderForChannel>) => {
      renders.count++;
      return actual.renderForChannel(...args);
    },
  };
});

const offer = definePlugin({
  name: 'offer',
  register: ({ turns }) =>
    turns.use('route', async (ctx, next) => {
      ctx.reply({
        kind: 'buttons',
        text: 'Late checkout until 14:00?',
        buttons: [
          { id: 'yes', title: 'Yes' },
          { id: 'no', title: 'No' },
        ],
      });
      await next();
    }),
});

describe('a reply is rendered for its channel once', () => {
  let bot: Kernel;
  let meta: CloudApiFake;
  let twilioApi: TwilioFake;
  let green: GreenApiFake;

  beforeAll(async () => {
    const fakes = await startProviderFakes();
    ({ meta, twilio: twilioApi, green } = fakes);
    bot = createBot({
      config: {
        hotels: [
          {
            id: 'seaside',
            name: 'Seaside Hotel',
            channels: [...providerChannels(fakes)],
          },
        ],
      },
      extraPlugins: [cloudApi, twilio, greenApi, offer],
      logger: createLogger({ level: process.env.HOTELLO_TEST_LOG ?? 'silent' }),
    });
    await bot.start();
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([meta.close(), twilioApi.close(), green.close()]);
  });

  const hello = (channel: string, from: string) =>
    bot.messaging.receive([
      {
        type: 'message',
        message: {
          hotelId: 'seaside',
          channelId: channel,
          channelType: channel,
          providerMessageId: `${channel}-hello`,
          from,
          timestamp: new Date(),
          content: { kind: 'text', text: 'hello' },
          raw: {},
        },
      },
    ]);

  it('renders native buttons once for Cloud API, a numbered menu once for Twilio, Green API buttons once', async () => {
    renders.count = 0;
    await hello('cloud-api', cloudFx.GUEST);
    const graph = await until(() => meta.sent[0]?.json as { type: string; interactive: { action: { buttons: unknown[] } } } | undefined);
    expect(graph.type).toBe('interactive');
    expect(graph.interactive.action.buttons).toHaveLength(2);

    await hello('twilio', twilioFx.GUEST);
    const form = await until(() => twilioApi.sent[0]?.form as Record<string, string> | undefined);
    expect(form.Body).toBe('Late checkout until 14:00?\n\n1. Yes\n2. No');

    await hello('green-api', greenFx.GUEST);
    const request = await until(() => green.sent[0]);
    expect(request.apiMethod).toBe('sendInteractiveButtonsReply');

    expect(renders.count).toBe(3);
  });
});
