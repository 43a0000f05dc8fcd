import type { ChannelCapabilities } from '@hotello/core';

/**
 * The simulator mirrors the WhatsApp Cloud API's limits, so what a developer sees in the browser
 * is what a guest on a rich channel would see: 3 reply buttons of ≤ 20 characters, lists of
 * ≤ 10 rows. Templates are shown as text with their parameters.
 */
export const SIMULATOR_CAPABILITIES: ChannelCapabilities = {
  textMax: 4096,
  buttons: { max: 3, titleMax: 20, bodyMax: 1024 },
  list: { maxRows: 10, maxSections: 10, titleMax: 24, descriptionMax: 72, buttonLabelMax: 20, bodyMax: 4096 },
  kinds: new Set(['media', 'location', 'template']),
};
