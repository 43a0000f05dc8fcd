import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ChannelCapabilities } from '../messaging/channel-adapter';
import type { OutboundMessage } from '../messaging/outbound';
import { definePlugin } from '../plugins/define-plugin';

/** A channel with WhatsApp Cloud API's interactive limits, which records what it is asked to send. */
export const TEST_CHANNEL_TYPE = 'test';

const FULL: ChannelCapabilities = {
  textMax: 4096,
  buttons: { max: 3, titleMax: 20, bodyMax: 1024 },
  list: { maxRows: 10, maxSections: 10, titleMax: 24, descriptionMax: 72, buttonLabelMax: 20, bodyMax: 4096 },
  kinds: new Set(['media', 'template', 'location']),
};

const TEXT_ONLY: ChannelCapabilities = { textMax: 4096, buttons: false, list: false, kinds: new Set() };

export interface SentRecord {
  readonly message: OutboundMessage;
  readonly providerMessageId: string;
  readonly at: Date;
}

export function createTestChannelPlugin(sent: SentRecord[]) {
  return definePlugin({
    name: 'testing-channel',
    description: 'In-process channel used by the testing kit',
    channels: [{ type: TEST_CHANNEL_TYPE, options: z.object({ capabilities: z.enum(['full', 'text-only']).default('full') }).strict() }],
    register(ctx) {
      const textOnly = new Set(
        ctx.channels.filter((c) => (c.options as { capabilities: string }).capabilities === 'text-only').map((c) => c.hotelId),
      );
      let capabilities = FULL;
      if (textOnly.size > 0 && textOnly.size === new Set(ctx.channels.map((c) => c.hotelId)).size) capabilities = TEXT_ONLY;
      ctx.messaging.registerAdapter({
        type: TEST_CHANNEL_TYPE,
        capabilities,
        // Stands for a WhatsApp provider: the number is the guest, as on the real channels.
        senderVerified: true,
        async send(_channel, message) {
          const providerMessageId = `test-${randomUUID()}`;
          sent.push({ message, providerMessageId, at: new Date() });
          return { providerMessageId };
        },
      });
    },
  });
}
