import type { ChannelCapabilities } from '@hotello/core';

/**
 * What the Cloud API renders, from Meta's message reference:
 * - text body ≤ 4096: https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/text-messages
 * - reply buttons ≤ 3, title ≤ 20, body ≤ 1024, header/footer ≤ 60:
 *   https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-reply-buttons-messages
 * - list ≤ 10 rows over ≤ 10 sections, row/section title ≤ 24, description ≤ 72, button ≤ 20,
 *   body ≤ 4096, header/footer ≤ 60:
 *   https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-list-messages
 */
export const CLOUD_API_CAPABILITIES: ChannelCapabilities = {
  textMax: 4096,
  buttons: { max: 3, titleMax: 20, bodyMax: 1024 },
  list: { maxRows: 10, maxSections: 10, titleMax: 24, descriptionMax: 72, buttonLabelMax: 20, bodyMax: 4096 },
  kinds: new Set(['media', 'template', 'location']),
};

/** Limits the shared capability shape has no field for. */
export const CLOUD_API_LIMITS = {
  headerMax: 60,
  footerMax: 60,
  /** Media captions (image, video, document). */
  captionMax: 1024,
} as const;
