import type { ChannelCapabilities } from '@hotello/core';

/**
 * What Green API sends, from its method reference:
 * - SendMessage, text ≤ 20000 characters: https://green-api.com/en/docs/api/sending/SendMessage/
 * - SendInteractiveButtonsReply, ≤ 3 reply buttons of ≤ 25 characters (body as SendInteractiveButtons, ≤ 20000):
 *   https://green-api.com/en/docs/api/sending/SendInteractiveButtonsReply/
 * - SendFileByUrl: https://green-api.com/en/docs/api/sending/SendFileByUrl/
 * - SendLocation: https://green-api.com/en/docs/api/sending/SendLocation/
 * No list method is documented, and a WhatsApp Web session has no templates (nor a 24-hour
 * window), so lists go out as numbered menus and templates as text.
 */
export const GREEN_API_CAPABILITIES: ChannelCapabilities = {
  textMax: 20_000,
  buttons: { max: 3, titleMax: 25, bodyMax: 20_000 },
  list: false,
  kinds: new Set(['media', 'location']),
};
