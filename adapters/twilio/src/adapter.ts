import { parseRetryAfter, type ChannelAdapter, type PlannedChannel } from '@hotello/core';
import { buildTwilioMessage } from './build-message';
import { TWILIO_CAPABILITIES } from './capabilities';
import { twilioOptions } from './channel-options';
import { twilioSendError } from './send-errors';
import { createTwilioClient, withRetryAfter, type TwilioClient } from './twilio-client';

/**
 * The sending half, through the twilio package. `statusCallbackUrl` names where Twilio should
 * report a channel's delivery statuses (undefined: the number's own configuration decides).
 */
export function createTwilioAdapter(statusCallbackUrl: (channel: PlannedChannel) => string | undefined = () => undefined): ChannelAdapter {
  // One client per channel keeps its connection pool warm across sends.
  const clients = new Map<string, TwilioClient>();
  const clientFor = (channel: PlannedChannel) => {
    const key = `${channel.hotelId}/${channel.id}`;
    let client = clients.get(key);
    if (!client) clients.set(key, (client = createTwilioClient(twilioOptions(channel))));
    return client;
  };

  return {
    type: 'twilio',
    capabilities: TWILIO_CAPABILITIES,
    // Twilio relays WhatsApp messages from the number that sent them (signed webhooks): the number is the guest.
    senderVerified: true,
    // The outbox has already fitted the content to TWILIO_CAPABILITIES (no buttons or lists left).
    async send(channel, message) {
      const options = twilioOptions(channel);
      const callback = options.statusCallback ? statusCallbackUrl(channel) : undefined;
      const params = buildTwilioMessage(options, message.to, message.content, callback);
      const { result, error, retryAfter } = await withRetryAfter(() => clientFor(channel).messages.create(params));
      if (error !== undefined || !result) throw twilioSendError(error, parseRetryAfter(retryAfter));
      return { providerMessageId: result.sid };
    },
  };
}
