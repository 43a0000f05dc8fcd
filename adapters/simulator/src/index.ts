import { definePlugin, type ChannelAdapter } from '@hotello/core';
import { SIMULATOR_CAPABILITIES } from './capabilities';
import { simulatorChannelOptions } from './channel-options';
import { registerRoutes } from './routes';
import { SimulatorHub } from './simulator-hub';

export { SIMULATOR_CAPABILITIES } from './capabilities';
export { simulatorChannelOptions, type SimulatorChannelOptions } from './channel-options';
export { guestMessageSchema, parseGuestMessage } from './guest-message';
export { SimulatorHub, type ChatEntryView } from './simulator-hub';

/**
 * A WhatsApp-like chat page served by the bot (`/simulator`) for development and demos. It goes
 * through the same inbox, pipeline and outbox as the real channels; hotels opt in with a
 * `{ type: simulator }` channel.
 */
export default definePlugin({
  name: 'simulator',
  description: 'Local WhatsApp-like web chat for development and demos',
  channels: [{ type: 'simulator', options: simulatorChannelOptions }],
  register(ctx) {
    // Only channels with `allowInProduction: true` get this far in production (see channel-options.ts).
    if (process.env.NODE_ENV === 'production' && ctx.channels.length > 0) {
      ctx.logger.warn(
        { hotels: [...new Set(ctx.channels.map((c) => c.hotelId))] },
        'the simulator runs in production (allowInProduction): anyone who can reach /simulator can write as any guest number',
      );
    }
    // One hub per bot, built here: several bots may share this definition in one process.
    const hub = new SimulatorHub((events) => ctx.messaging.receive(events), ctx.logger);
    const adapter: ChannelAdapter = {
      type: 'simulator',
      capabilities: SIMULATOR_CAPABILITIES,
      // Anyone can type any number into the page: its guests get identities of their own, so
      // they never see the bookings or payments of a real guest with that number.
      senderVerified: false,
      // The outbox has already fitted the content to SIMULATOR_CAPABILITIES.
      async send(channel, message) {
        return { providerMessageId: hub.deliverReply(channel, message.to, message.content) };
      },
    };
    ctx.messaging.registerAdapter(adapter);
    registerRoutes(ctx, hub);
    return { stop: () => hub.close() };
  },
});
