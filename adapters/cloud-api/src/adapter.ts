import { renderForChannel, type ChannelAdapter } from '@hotello/core';
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
    async send(channel, message) {
      // Core renders for the channel before sending; doing it again is a no-op then, and keeps a
      // direct caller from sending something Meta would reject.
      const { content } = renderForChannel(message.content, CLOUD_API_CAPABILITIES);
      return postGraphMessage(cloudApiOptions(channel), buildGraphMessage(message.to, content, message.replyTo, message.outboxId));
    },
  };
}
