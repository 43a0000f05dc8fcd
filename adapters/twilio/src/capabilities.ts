import type { ChannelCapabilities } from '@hotello/core';

/**
 * What Twilio's WhatsApp channel renders for a free-form reply.
 * - Body ≤ 1600 characters: https://www.twilio.com/docs/whatsapp/api#sending-messages
 * - Media by URL (one per WhatsApp message): https://www.twilio.com/docs/whatsapp/guidance-whatsapp-media-messages
 * - Location through `PersistentAction=geo:…`: https://www.twilio.com/docs/whatsapp/api#location-messages-with-whatsapp
 * - Templates only as approved Content Templates (ContentSid): https://www.twilio.com/docs/content
 * Reply buttons and lists exist only as Content Templates created ahead of time, so free-form
 * buttons and lists are sent as numbered text menus.
 */
export const TWILIO_CAPABILITIES: ChannelCapabilities = {
  textMax: 1600,
  buttons: false,
  list: false,
  kinds: new Set(['media', 'location', 'template']),
};
