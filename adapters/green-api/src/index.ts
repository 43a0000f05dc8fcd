import { definePlugin } from '@hotello/core';
import { createGreenApiAdapter } from './adapter';
import { greenApiChannelOptions } from './channel-options';
import { registerWebhookRoutes } from './webhook-routes';

export { createGreenApiAdapter } from './adapter';
export { buildGreenRequest, type GreenRequest } from './build-request';
export { GREEN_API_CAPABILITIES } from './capabilities';
export { greenApiChannelOptions, type GreenApiChannelOptions } from './channel-options';
export { contentOf, parseGreenWebhook, type ParsedGreenWebhook } from './parse-webhook';
export type { GreenMessageData } from './webhook-schema';
export { classifyGreenError } from './send-errors';

/**
 * Green API channel (WhatsApp through a linked phone): bearer-token webhooks in, REST methods
 * out. Hotels add `{ type: green-api, idInstance, apiTokenInstance, webhookUrlToken }` channels.
 */
export default definePlugin({
  name: 'green-api',
  description: 'Green API WhatsApp channel adapter',
  channels: [{ type: 'green-api', options: greenApiChannelOptions }],
  register(ctx) {
    ctx.messaging.registerAdapter(createGreenApiAdapter());
    registerWebhookRoutes(ctx);
  },
});
