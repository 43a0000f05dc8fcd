import type { ChannelAdapter } from '@hotello/core';
import { CLOUD_API_CAPABILITIES } from './capabilities';
import { buildGraphMessage } from './build-message';
import { cloudApiOptions } from './channel-options';
import { postGraphMessage } from './graph-client';

/** The sending half: canonical replies to Graph API `messages` requests. */
export function createCloudApiAdapter(): ChannelAdapter {
  return {
    type: 'cloud-api',
    capabilities: CLOUD_API_CAPABILITIES,
    // Meta delivers only messages the WhatsApp account with that number sent: the number is the guest.
    senderVerified: true,
    // The outbox has already fitted the content to CLOUD_API_CAPABILITIES.
    async send(channel, message) {
      return postGraphMessage(cloudApiOptions(channel), buildGraphMessage(message.to, message.content, message.replyTo, message.outboxId));
    },
  };
}
