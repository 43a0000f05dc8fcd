import cloudApi from '@hotello/adapter-cloud-api';
import greenApi from '@hotello/adapter-green-api';
import { OutsideWindowError, createBot, createLogger, definePlugin, type Kernel, type PluginContext } from '@hotello/core';
import * as cloudFx from '../../adapters/cloud-api/test/fixtures';
import * as greenFx from '../../adapters/green-api/test/fixtures';
import { dropDatabase, uniqueDatabaseName } from '../../core/test/store/mongo-test-db';
import { signedCloudApiWebhook } from '../fakes/cloud-api-fake';
import { greenApiWebhook } from '../fakes/green-api-fake';
import { providerChannels, startProviderFakes, type ProviderFakes } from '../fakes/provider-channels';
import { until } from '../fakes/until';

// A plugin sends proactive messages end to end on the MongoDB store (FerretDB in the test
// services): ctx.messaging.send → outbox → adapter → the provider's send API (local fakes that
// speak the documented formats). Inside the 24-hour window the guest reads the catalogue text
// in their language; outside it the Cloud API gets the template; Green API (a WhatsApp Web
// session: no templates, no window) gets the text.

const DAY = 24 * 60 * 60 * 1000;
const GUEST_CLOUD = `+${cloudFx.GUEST_WA_ID}`;

describe('proactive messages through real provider channels', () => {
  const seen: { ctx?: PluginContext } = {};
  const reminders = definePlugin({
    name: 'reminders',
    register(ctx) {
      seen.ctx = ctx;
      ctx.messages.add('reminders', {
        en: { checkout: 'Checkout is at {{hour}} tomorrow.' },
        es: { checkout: 'La salida es mañana a las {{hour}}.' },
      });
    },
  });
  let fakes: ProviderFakes;
  let bot: Kernel;
  let base: string;
  let dbName: string;
  const uri = process.env.MONGODB_URI!;

  beforeAll(async () => {
    fakes = await startProviderFakes();
    dbName = uniqueDatabaseName('proactive_e2e');
    const storeUri = new URL(uri);
    storeUri.pathname = `/${dbName}`;
    bot = createBot({
      config: {
        store: { type: 'mongodb', uri: storeUri.toString() },
        hotels: [{ id: 'seaside', name: 'Seaside Hotel', channels: providerChannels(fakes).filter((c) => c.type !== 'twilio') }],
      },
      extraPlugins: [cloudApi, greenApi, reminders],
      logger: createLogger({ level: process.env.HOTELLO_TEST_LOG ?? 'silent' }),
    });
    await bot.start();
    base = `http://127.0.0.1:${await bot.listen(0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([fakes.meta.close(), fakes.twilio.close(), fakes.green.close()]);
    await dropDatabase(uri, dbName);
  });

  /** Waits until the guest's message was handled and every reply to it sent. */
  async function quiet(channelId: string, guest: string): Promise<void> {
    const key = { hotelId: 'seaside', channelId, guest };
    await until(async () => (await bot.store.findByKey(key)) !== undefined);
    await until(async () => (await bot.store.pendingInbound('seaside')).length === 0);
    await until(async () => (await bot.store.queuedOutbound(key)).length === 0);
  }

  /** Moves the guest's last message back, as if they had written that long ago. */
  async function lastWrote(channelId: string, guest: string, agoMs: number): Promise<void> {
    const conversation = (await bot.store.findByKey({ hotelId: 'seaside', channelId, guest }))!;
    await bot.store.save(conversation, { lastInboundAt: new Date(Date.now() - agoMs) });
  }

  it('Cloud API: the catalogue text in the guest language inside the window, the template outside it', async () => {
    const hello = cloudFx.envelope({
      contacts: [{ profile: { name: 'Ana' }, wa_id: cloudFx.GUEST_WA_ID }],
      messages: [
        {
          from: cloudFx.GUEST_WA_ID,
          id: 'wamid.PRO.1',
          timestamp: String(Math.floor(Date.now() / 1000)),
          type: 'text',
          text: { body: 'Hola' },
        },
      ],
    });
    expect((await fetch(`${base}/webhooks/cloud-api`, { method: 'POST', ...signedCloudApiWebhook(hello, 'app-secret') })).status).toBe(200);
    const key = { hotelId: 'seaside', channelId: 'cloud-api', guest: GUEST_CLOUD };
    await quiet('cloud-api', GUEST_CLOUD);
    await bot.store.save((await bot.store.findByKey(key))!, { language: 'es' });
    const before = fakes.meta.sent.length;

    const text = await seen.ctx!.messaging.send({
      hotelId: 'seaside',
      guest: GUEST_CLOUD,
      message: { key: 'checkout', vars: { hour: '11:00' } },
    });
    const textSent = await until(() => fakes.meta.sent[before]?.json as { to: string; type: string; text?: { body: string } } | undefined);
    expect(textSent).toMatchObject({ type: 'text', text: { body: 'La salida es mañana a las 11:00.' } });
    expect(textSent.to.replace(/^\+/, '')).toBe(cloudFx.GUEST_WA_ID);
    await until(async () => (await bot.store.history(key)).find((m) => m.id === text.messageId)?.status === 'sent');

    await lastWrote('cloud-api', GUEST_CLOUD, DAY + 60_000);
    await expect(seen.ctx!.messaging.send({ hotelId: 'seaside', guest: GUEST_CLOUD, message: { key: 'checkout' } })).rejects.toThrow(
      OutsideWindowError,
    );
    await seen.ctx!.messaging.send({
      hotelId: 'seaside',
      guest: GUEST_CLOUD,
      message: { key: 'checkout', vars: { hour: '11:00' } },
      template: { name: 'checkout_reminder', parameters: ['11:00'] },
    });
    const templateSent = await until(
      () => fakes.meta.sent[before + 1]?.json as { type: string; template?: { name: string; language: { code: string } } } | undefined,
    );
    expect(templateSent).toMatchObject({ type: 'template', template: { name: 'checkout_reminder', language: { code: 'es' } } });
    expect(fakes.meta.sent).toHaveLength(before + 2);
  });

  it('Green API: no templates and no window, so the text goes out however long ago the guest wrote', async () => {
    const hello = greenFx.incoming('PRO0000000000000000000000000HELLO', {
      typeMessage: 'textMessage',
      textMessageData: { textMessage: 'Hello' },
    });
    const { body, headers } = greenApiWebhook(hello, greenFx.SEASIDE_WEBHOOK_TOKEN);
    expect((await fetch(`${base}/webhooks/green-api/seaside`, { method: 'POST', body, headers })).status).toBe(200);
    await quiet('green-api', greenFx.GUEST);
    await lastWrote('green-api', greenFx.GUEST, 3 * DAY);
    const before = fakes.green.sent.length;
    await seen.ctx!.messaging.send({ hotelId: 'seaside', guest: greenFx.GUEST, message: { key: 'checkout', vars: { hour: '10:00' } } });
    const sent = await until(() => fakes.green.sent[before]);
    expect(sent.apiMethod).toBe('sendMessage');
    expect((sent.json as { message: string }).message).toBe('Checkout is at 10:00 tomorrow.');
  });
});
