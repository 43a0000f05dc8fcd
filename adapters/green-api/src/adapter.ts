import type { ChannelAdapter } from '@hotello/core';
import { buildGreenRequest } from './build-request';
import { GREEN_API_CAPABILITIES } from './capabilities';
import { greenApiOptions } from './channel-options';
import { callGreenApi } from './green-client';

/** The sending half: canonical replies to Green API REST methods. */
export function createGreenApiAdapter(): ChannelAdapter {
  return {
    type: 'green-api',
    capabilities: GREEN_API_CAPABILITIES,
    // Green API relays what WhatsApp delivered to the linked account, from its sender: the number is the guest.
    senderVerified: true,
    // The outbox has already fitted the content to GREEN_API_CAPABILITIES.
    async send(channel, message) {
      return callGreenApi(greenApiOptions(channel), buildGreenRequest(message.to, message.content, message.replyTo));
    },
  };
}
