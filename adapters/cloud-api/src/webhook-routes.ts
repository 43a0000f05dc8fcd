import type { Context } from 'koa';
import { badRequest, forbidden, notFound, sameSecret, unauthorized, type PlannedChannel, type PluginContext } from '@hotello/core';
import { cloudApiOptions } from './channel-options';
import { parseWebhook } from './parse-webhook';
import { verifySignature } from './signature';
import { isWebhookPayload } from './webhook-payload';

/** Meta sends a number; anything wilder is not echoed back. */
const CHALLENGE = /^[\w.-]{1,256}$/;

function queryValue(ctx: Context, key: string): string | undefined {
  const value = ctx.query[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Registers the webhook endpoints Meta calls:
 * - `GET|POST /webhooks/cloud-api` — one URL for the whole Meta app; each change is routed to the
 *   hotel channel whose `phoneNumberId` matches `metadata.phone_number_id`.
 * - `GET|POST /webhooks/cloud-api/:hotel` — the same, limited to that hotel's channels.
 */
export function registerWebhookRoutes(ctx: PluginContext): void {
  const all = ctx.channels;
  const ofHotel = (c: Context) => all.filter((ch) => ch.hotelId === c.state.hotel?.id);

  // Subscription handshake: echo hub.challenge when hub.verify_token is one we configured.
  const verify = (channels: (c: Context) => readonly PlannedChannel[]) => (c: Context) => {
    const mode = queryValue(c, 'hub.mode');
    const token = queryValue(c, 'hub.verify_token');
    const challenge = queryValue(c, 'hub.challenge');
    if (!mode || token === undefined || !challenge || !CHALLENGE.test(challenge)) {
      throw badRequest('expected hub.mode, hub.verify_token and hub.challenge');
    }
    if (mode !== 'subscribe' || !channels(c).some((ch) => sameSecret(cloudApiOptions(ch).verifyToken, token))) {
      throw forbidden('verify token does not match');
    }
    c.type = 'text/plain';
    c.body = challenge;
  };

  const receive = (channels: (c: Context) => readonly PlannedChannel[]) => async (c: Context) => {
    const signature = c.get('x-hub-signature-256');
    if (!signature) throw unauthorized('missing X-Hub-Signature-256');
    const raw = c.request.rawBody ?? Buffer.alloc(0);
    // The signature names the Meta app; only channels of that app may receive this payload, so
    // one app can never post into another app's hotel. Hotels of one app share its secret, so a
    // 3 MB batch is hashed once per secret, not once per hotel.
    const verdicts = new Map<string, boolean>();
    const authentic = channels(c).filter((ch) => {
      const secret = cloudApiOptions(ch).appSecret;
      if (!verdicts.has(secret)) verdicts.set(secret, verifySignature(raw, signature, secret));
      return verdicts.get(secret);
    });
    if (authentic.length === 0) throw unauthorized('signature does not match any configured app secret');
    const payload = c.request.body;
    if (!isWebhookPayload(payload)) throw badRequest('expected a WhatsApp Business Account webhook (JSON with "entry")');

    const parsed = parseWebhook(payload, (id) => authentic.find((ch) => cloudApiOptions(ch).phoneNumberId === id));
    const log = ctx.logger.child({ requestId: c.state.requestId });
    if (parsed.unrouted.length > 0) {
      // A batch only for numbers we do not serve is a misrouted webhook: say so. When it also
      // carries our numbers, refusing it would make Meta resend ours for a day.
      if (parsed.routed === 0) throw notFound(`unknown phone_number_id ${[...new Set(parsed.unrouted)].join(', ')}`);
      log.warn({ phoneNumberIds: [...new Set(parsed.unrouted)] }, 'webhook changes for unconfigured phone numbers ignored');
    }
    for (const skipped of parsed.skipped) log.warn(skipped, 'webhook item ignored');
    for (const error of parsed.errors) log.error({ providerError: error }, 'Cloud API reported an error');

    const result = await ctx.messaging.receive(parsed.events);
    c.status = 200;
    c.body = result;
  };

  ctx.http.router.get(
    '/webhooks/cloud-api',
    verify(() => all),
  );
  ctx.http.router.post(
    '/webhooks/cloud-api',
    receive(() => all),
  );
  ctx.http.hotelRouter.get('/webhooks/cloud-api/:hotel', verify(ofHotel));
  ctx.http.hotelRouter.post('/webhooks/cloud-api/:hotel', receive(ofHotel));
}
