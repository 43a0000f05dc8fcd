import type { Context } from 'koa';
import { badRequest, bearerToken, echoValue, notFound, sameSecret, unauthorized, type PluginContext } from '@hotello/core';
import { greenApiOptions } from './channel-options';
import { parseGreenWebhook } from './parse-webhook';
import { greenEnvelope } from './webhook-schema';

/** Notices an operator should see (the instance logged out, the quota ran out); other ignored webhooks are routine. */
const OPERATOR_NOTICES: ReadonlySet<string> = new Set(['stateInstanceChanged', 'quotaExceeded']);

/**
 * `POST /webhooks/green-api/:hotel`. Green API signs nothing, so the bearer token is checked
 * before anything else; the webhook is then routed by `instanceData.idInstance`. Green API
 * resends an unaccepted webhook every minute for a day: acknowledging only after the inbox has
 * stored the message (which dedups on idMessage) is what keeps that from doubling messages.
 */
export function registerWebhookRoutes(ctx: PluginContext): void {
  ctx.http.hotelRouter.post('/webhooks/green-api/:hotel', async (c: Context) => {
    const token = bearerToken(c.get('authorization'));
    if (!token) throw unauthorized('missing Authorization: Bearer <webhookUrlToken>');
    const channels = ctx.channels.filter((ch) => ch.hotelId === c.state.hotel?.id);
    const authentic = channels.filter((ch) => sameSecret(token, greenApiOptions(ch).webhookUrlToken));
    if (authentic.length === 0) throw unauthorized('webhook token does not match');

    const envelope = greenEnvelope.safeParse(c.request.body);
    if (!envelope.success) throw badRequest('expected a Green API webhook (JSON with "typeWebhook")');
    const { typeWebhook, instanceData } = envelope.data;
    const instance = instanceData === undefined ? undefined : String(instanceData.idInstance);
    const channel = authentic.find((ch) => greenApiOptions(ch).idInstance === instance);
    if (!channel) throw notFound(`no Green API channel for instance ${echoValue(instance)} at this hotel`);

    const log = ctx.logger.child({ requestId: c.state.requestId, hotel: channel.hotelId, channel: channel.id });
    const result = parseGreenWebhook(typeWebhook, c.request.body, {
      hotelId: channel.hotelId,
      channelId: channel.id,
      channelType: channel.type,
    });
    result.skipped.log(log, 'Green API webhook acknowledged without events', OPERATOR_NOTICES.has(typeWebhook) ? 'warn' : 'debug');
    c.body = result.events.length > 0 ? await ctx.messaging.receive(result.events) : { accepted: 0, duplicates: 0, statuses: 0 };
  });
}
