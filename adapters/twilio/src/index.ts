import { definePlugin } from '@hotello/core';
import { createTwilioAdapter } from './adapter';
import { twilioChannelOptions, twilioOptions } from './channel-options';
import { registerWebhookRoutes, statusCallbackUrl } from './webhook-routes';

export { createTwilioAdapter } from './adapter';
export { buildTwilioMessage, type TwilioMessageParams } from './build-message';
export { TWILIO_CAPABILITIES } from './capabilities';
export { twilioChannelOptions, type TwilioChannelOptions } from './channel-options';
export { contentOf, parseTwilioWebhook } from './parse-webhook';
export { MAX_MEDIA, type TwilioParams } from './webhook-schema';
export { classifyTwilioError } from './send-errors';

/**
 * Twilio WhatsApp channel: signed form webhooks in (messages and status callbacks), the twilio
 * package's Messages API out. Hotels add `{ type: twilio, accountSid, authToken, from }` channels.
 */
export default definePlugin({
  name: 'twilio',
  description: 'Twilio WhatsApp channel adapter',
  channels: [{ type: 'twilio', options: twilioChannelOptions }],
  register(ctx) {
    const publicUrl = ctx.config.server.publicUrl;
    for (const channel of ctx.channels) {
      if (!publicUrl && !twilioOptions(channel).webhookUrl) {
        ctx.logger.warn(
          { hotel: channel.hotelId, channel: channel.id },
          'neither server.publicUrl nor the channel webhookUrl is set: Twilio signatures are checked against the request host, and no status callbacks are requested',
        );
      }
    }
    ctx.messaging.registerAdapter(createTwilioAdapter((channel) => statusCallbackUrl(publicUrl, channel)));
    registerWebhookRoutes(ctx);
  },
});
