import cloudApi from '@hotello/adapter-cloud-api';
import greenApi from '@hotello/adapter-green-api';
import simulator from '@hotello/adapter-simulator';
import twilio from '@hotello/adapter-twilio';
import { createBot, createLogger, definePlugin, type Kernel } from '@hotello/core';
import intent from '@hotello/plugin-intent';
import * as cloudFx from '../../adapters/cloud-api/test/fixtures';
import * as greenFx from '../../adapters/green-api/test/fixtures';
import * as twilioFx from '../../adapters/twilio/test/fixtures';
import { CloudApiFake, signedCloudApiWebhook } from '../fakes/cloud-api-fake';
import { GreenApiFake, greenApiWebhook } from '../fakes/green-api-fake';
import { TwilioFake, signedTwilioWebhook } from '../fakes/twilio-fake';
import { providerChannels, startProviderFakes } from '../fakes/provider-channels';
import { until } from '../fakes/until';

// A guest on each of the four channels greets the demo hotel and gets the welcome menu, end to
// end: signed webhook → adapter → inbox → scheduler → intent plugin → router → outbox → the
// provider's send API (a local fake speaking its documented format). A tap (or a typed number
// where the channel has no buttons) then reaches the option's handler.

const PUBLIC_URL = 'https://hotel.example.com';

/** Front-desk answers so the welcome menu has the usual three options. */
const frontDesk = definePlugin({
  name: 'front-desk',
  dependsOn: ['intent'],
  register({ handlers, messages }) {
    messages.add('front-desk', { en: { booking: 'Happy to help you book. Which dates?', faq: 'Ask me anything about the hotel.' } });
    handlers.on('book_room', ({ say }) => say('booking'));
    handlers.on('faq_question', ({ say }) => say('faq'));
  },
});

describe('a guest greets the demo hotel on every channel', () => {
  let bot: Kernel;
  let base: string;
  let meta: CloudApiFake;
  let twilioApi: TwilioFake;
  let green: GreenApiFake;

  beforeAll(async () => {
    const fakes = await startProviderFakes();
    ({ meta, twilio: twilioApi, green } = fakes);
    bot = createBot({
      config: {
        server: { publicUrl: PUBLIC_URL },
        hotels: [
          {
            id: 'seaside',
            name: 'Seaside Hotel',
            channels: [...providerChannels(fakes), { type: 'simulator' }],
          },
        ],
      },
      extraPlugins: [cloudApi, twilio, greenApi, simulator, intent, frontDesk],
      logger: createLogger({ level: process.env.HOTELLO_TEST_LOG ?? 'silent' }),
    });
    await bot.start();
    base = `http://127.0.0.1:${await bot.listen(0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([meta.close(), twilioApi.close(), green.close()]);
  });

  it('WhatsApp Cloud API: reply buttons, and a tap reaches the handler', async () => {
    const hello = cloudFx.envelope({
      contacts: [{ profile: { name: 'Sheena' }, wa_id: cloudFx.GUEST_WA_ID }],
      messages: [
        {
          from: cloudFx.GUEST_WA_ID,
          id: 'wamid.E2E.HELLO',
          timestamp: String(Math.floor(Date.now() / 1000)),
          type: 'text',
          text: { body: 'Hello!' },
        },
      ],
    });
    const signed = signedCloudApiWebhook(hello, 'app-secret');
    expect((await fetch(`${base}/webhooks/cloud-api`, { method: 'POST', ...signed })).status).toBe(200);
    const greeting = await until(
      () =>
        meta.sent[0]?.json as
          { type: string; interactive: { action: { buttons: { reply: { id: string; title: string } }[] } } } | undefined,
    );
    expect(greeting.type).toBe('interactive');
    expect(greeting.interactive.action.buttons.map((b) => b.reply.id)).toEqual(['book_room', 'faq_question', 'talk_to_person']);

    const tap = cloudFx.envelope({
      contacts: [{ profile: { name: 'Sheena' }, wa_id: cloudFx.GUEST_WA_ID }],
      messages: [
        {
          from: cloudFx.GUEST_WA_ID,
          id: 'wamid.E2E.TAP',
          timestamp: String(Math.floor(Date.now() / 1000)),
          type: 'interactive',
          interactive: { type: 'button_reply', button_reply: { id: 'book_room', title: 'Book a room' } },
        },
      ],
    });
    await fetch(`${base}/webhooks/cloud-api`, { method: 'POST', ...signedCloudApiWebhook(tap, 'app-secret') });
    const answer = await until(() => meta.sent[1]?.json as { text: { body: string } } | undefined);
    expect(answer.text.body).toBe('Happy to help you book. Which dates?');
  });

  it('Twilio: no free-form buttons, so a numbered menu; typing "2" picks the second option', async () => {
    const post = (params: Record<string, string>) => {
      const { body, headers } = signedTwilioWebhook(`${PUBLIC_URL}/webhooks/twilio/seaside`, params, twilioFx.SEASIDE_TOKEN);
      return fetch(`${base}/webhooks/twilio/seaside`, { method: 'POST', body, headers });
    };
    expect((await post({ ...twilioFx.text, Body: 'Hello!' })).status).toBe(200);
    const greeting = await until(() => twilioApi.sent[0]?.form);
    expect(greeting.To).toBe(`whatsapp:${twilioFx.GUEST}`);
    expect(greeting.Body).toMatch(/\n1\. .+\n2\. .+\n3\. .+$/);
    const second = /\n2\. (.+)\n/.exec(greeting.Body!)![1];
    const sid = 'SM' + 'e'.repeat(32);
    await post({ ...twilioFx.text, MessageSid: sid, SmsSid: sid, SmsMessageSid: sid, Body: '2' });
    const answer = await until(() => twilioApi.sent[1]?.form);
    expect(second).toBe('Hotel info & FAQ');
    expect(answer.Body).toBe('Ask me anything about the hotel.');
  });

  it('Green API: interactive reply buttons', async () => {
    const hello = greenFx.incoming('E2E0000000000000000000000000HELLO', {
      typeMessage: 'textMessage',
      textMessageData: { textMessage: 'Hello!' },
    });
    const { body, headers } = greenApiWebhook(hello, greenFx.SEASIDE_WEBHOOK_TOKEN);
    expect((await fetch(`${base}/webhooks/green-api/seaside`, { method: 'POST', body, headers })).status).toBe(200);
    const greeting = await until(() => green.sent.find((r) => r.apiMethod === 'sendInteractiveButtonsReply')).catch((err: unknown) => {
      throw new Error(`${String(err)}; sent: ${JSON.stringify(green.requests.map((r) => [r.path, r.json]))}`);
    });
    expect((greeting.json as { buttons: { buttonId: string }[] }).buttons.map((b) => b.buttonId)).toEqual([
      'book_room',
      'faq_question',
      'talk_to_person',
    ]);
  });

  it('the web simulator: buttons pushed to the page', async () => {
    const res = await fetch(`${base}/webhooks/simulator/seaside`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+254700000099', text: 'Hello!', id: 'e2e-sim-hello' }),
    });
    expect(res.status).toBe(200);
    const events = await fetch(`${base}/simulator/seaside/events?guest=%2B254700000099`, { signal: AbortSignal.timeout(1500) })
      .then(async (r) => {
        const reader = r.body!.getReader();
        let text = '';
        const end = Date.now() + 1200;
        while (Date.now() < end && !text.includes('"buttons"')) {
          const { value, done } = await reader.read();
          if (done) break;
          text += Buffer.from(value).toString('utf8');
        }
        await reader.cancel();
        return text;
      })
      .catch(() => '');
    expect(events).toMatch(/"kind":"buttons".*"id":"book_room"/);
  });
});
