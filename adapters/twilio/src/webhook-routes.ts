import type { Context } from 'koa';
import { badRequest, notFound, unauthorized, type PlannedChannel, type PluginContext } from '@hotello/core';
import { twilioOptions } from './channel-options';
import { param } from './form-param';
import { businessNumber, parseTwilioWebhook } from './parse-webhook';
import { signedUrl, verifyTwilioSignature } from './signature';
import { twilioParams, type TwilioParams } from './webhook-schema';

/** An empty TwiML answer: acknowledged, nothing to say synchronously (replies go out through the API). */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

export function webhookPath(hotelId: string): string {
  return `/webhooks/twilio/${hotelId}`;
}

/**
 * `POST /webhooks/twilio/:hotel` — both the number's incoming-message webhook and the status
 * callback of messages we sent. The signature is checked first (against every Twilio channel of
 * the hotel), then the webhook is routed by AccountSid and the hotel's WhatsApp number.
 */
export function registerWebhookRoutes(ctx: PluginContext): void {
  const publicUrl = ctx.config.server.publicUrl;
  ctx.http.hotelRouter.post('/webhooks/twilio/:hotel', async (c: Context) => {
    const signature = c.get('x-twilio-signature');
    if (!signature) throw unauthorized('missing X-Twilio-Signature');
    const form = twilioParams.safeParse(c.request.body);
    if (!form.success || Object.keys(form.data).length === 0) throw badRequest('expected a form-encoded Twilio webhook');
    // The parameters exactly as posted (the schema only vouched for their shape): the signature covers them.
    const params = c.request.body as TwilioParams;

    const channels = ctx.channels.filter((ch) => ch.hotelId === c.state.hotel?.id);
    const authentic = channels.filter((ch) => {
      const options = twilioOptions(ch);
      return verifyTwilioSignature(options.authToken, signature, signedUrl(options, publicUrl, c), params);
    });
    if (authentic.length === 0) throw unauthorized('signature does not match');

    const number = businessNumber(params);
    const channel: PlannedChannel | undefined = authentic.find((ch) => {
      const options = twilioOptions(ch);
      return options.accountSid === param(params, 'AccountSid') && options.from === number;
    });
    if (!channel) throw notFound('no Twilio channel for this account and number at this hotel');

    const parsed = parseTwilioWebhook(params, { hotelId: channel.hotelId, channelId: channel.id, channelType: channel.type });
    parsed.skipped.log(ctx.logger.child({ requestId: c.state.requestId }), 'Twilio webhook acknowledged without events');
    await ctx.messaging.receive(parsed.events);
    c.type = 'text/xml';
    c.body = EMPTY_TWIML;
  });
}

/** Where Twilio should send a channel's status callbacks: the same webhook, when its public URL is known. */
export function statusCallbackUrl(publicUrl: string | undefined, channel: PlannedChannel): string | undefined {
  const options = twilioOptions(channel);
  if (options.webhookUrl) return options.webhookUrl;
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}${webhookPath(channel.hotelId)}` : undefined;
}
