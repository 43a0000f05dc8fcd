import { definePlugin } from '@hotello/core';
import { createCloudApiAdapter } from './adapter';
import { cloudApiChannelOptions } from './channel-options';
import { registerWebhookRoutes } from './webhook-routes';

export { createCloudApiAdapter } from './adapter';
export { buildGraphMessage } from './build-message';
export { CLOUD_API_CAPABILITIES, CLOUD_API_LIMITS } from './capabilities';
export { cloudApiChannelOptions, type CloudApiChannelOptions } from './channel-options';
export { contentOf, parseWebhook, type ParsedWebhook } from './parse-webhook';
export { classifyGraphError } from './send-errors';
export { signatureFor, verifySignature } from './signature';

/**
 * WhatsApp Cloud API (Meta Graph API) channel: verified webhooks in, Graph `messages` out.
 * Hotels add `{ type: cloud-api, phoneNumberId, accessToken, appSecret, verifyToken }` channels.
 */
export default definePlugin({
  name: 'cloud-api',
  description: 'WhatsApp Cloud API channel adapter',
  channels: [{ type: 'cloud-api', options: cloudApiChannelOptions }],
  register(ctx) {
    ctx.messaging.registerAdapter(createCloudApiAdapter());
    registerWebhookRoutes(ctx);
  },
});
