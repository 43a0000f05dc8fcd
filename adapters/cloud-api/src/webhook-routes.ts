import type { Context } from 'koa';
import {
  badRequest,
  echoValue,
  forbidden,
  notFound,
  sameSecret,
  unauthorized,
  type Logger,
  type PlannedChannel,
  type PluginContext,
} from '@hotello/core';
import { cloudApiOptions } from './channel-options';
import { parseWebhook } from './parse-webhook';
import { verifySignature } from './signature';
import { webhookEnvelope, type GraphError } from './webhook-schema';

/** Meta sends a number; anything wilder is not echoed back. */
const CHALLENGE = /^[\w.-]{1,256}$/;

/** How many unknown ids or account errors a response or log line names; the rest are counted. */
const NAMED = 3;

/** A few values, each capped, and how many more there were: what a 404 body or a log line may say. */
function someOf(values: readonly unknown[]): string {
  const named = values.slice(0, NAMED).map((v) => echoValue(v));
  return values.length > NAMED ? `${named.join(', ')} and ${values.length - NAMED} more` : named.join(', ');
}

/** Meta's account-level errors in one log line: how many, and the first few with capped fields. */
function logAccountErrors(log: Logger, errors: readonly GraphError[]): void {
  if (errors.length === 0) return;
  const first = errors.slice(0, NAMED).map((e) => ({
    code: e.code,
    title: echoValue(e.title ?? e.message ?? ''),
    details: echoValue(e.error_data?.details ?? '', 256),
  }));
  log.error({ count: errors.length, providerErrors: first }, 'Cloud API reported errors');
}

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
    const envelope = webhookEnvelope.safeParse(c.request.body);
    if (!envelope.success) throw badRequest('expected a WhatsApp Business Account webhook (JSON with an "entry" list)');

    const parsed = parseWebhook(envelope.data, (id) => authentic.find((ch) => cloudApiOptions(ch).phoneNumberId === id));
    const log = ctx.logger.child({ requestId: c.state.requestId });
    if (parsed.unrouted.length > 0) {
      // A batch only for numbers we do not serve is a misrouted webhook: say so. When it also
      // carries our numbers, refusing it would make Meta resend ours for a day.
      if (parsed.routed === 0) throw notFound(`unknown phone_number_id ${someOf(parsed.unrouted)}`);
      log.warn({ phoneNumberIds: someOf(parsed.unrouted) }, 'webhook changes for unconfigured phone numbers ignored');
    }
    parsed.skipped.log(log);
    logAccountErrors(log, parsed.errors);

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
