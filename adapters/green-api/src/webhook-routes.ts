import type { Context } from 'koa';
import { badRequest, bearerToken, notFound, sameSecret, unauthorized, type PluginContext } from '@hotello/core';
import { greenApiOptions } from './channel-options';
import { isGreenWebhook, parseGreenWebhook } from './parse-webhook';

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

    const body = c.request.body;
    if (!isGreenWebhook(body)) throw badRequest('expected a Green API webhook (JSON with "typeWebhook")');
    const instance = body.instanceData?.idInstance;
    const channel = authentic.find((ch) => greenApiOptions(ch).idInstance === String(instance));
    if (!channel) throw notFound(`no Green API channel for instance ${String(instance)} at this hotel`);

    const log = ctx.logger.child({ requestId: c.state.requestId, hotel: channel.hotelId, channel: channel.id });
    const result = parseGreenWebhook(body, { hotelId: channel.hotelId, channelId: channel.id, channelType: channel.type });
    if (result.kind === 'ignored') {
      const level = body.typeWebhook === 'stateInstanceChanged' || body.typeWebhook === 'quotaExceeded' ? 'warn' : 'debug';
      log[level]({ typeWebhook: body.typeWebhook, reason: result.reason }, 'Green API webhook acknowledged without events');
      c.body = { accepted: 0, duplicates: 0, statuses: 0 };
      return;
    }
    c.body = await ctx.messaging.receive(result.events);
  });
}
