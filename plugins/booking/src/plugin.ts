import './events';
import { definePlugin, type PluginContext } from '@hotello/core';
import { BackendRegistry } from './backend/backend-registry';
import { registerBookingAdminRoutes } from './admin/bookings-routes';
import { BookingService } from './booking-service';
import { BOOKING_SERVICE } from './booking-service-token';
import { registerBookingCommands } from './cli/bookings-command';
import { RoomCatalog } from './domain/room-catalog';
import { bookFlow, cancelFlow, myBookingsFlow } from './flow/flows';
import { NAMESPACE, TEXTS } from './i18n/texts';
import { bookingOptionsSchema, type BookingOptions } from './options';

/** The hotels where booking is on, with their options and where those live in the config. */
function enabledHotels(ctx: PluginContext<BookingOptions>): { hotelId: string; path: string; options: BookingOptions }[] {
  return ctx.config.hotels.flatMap((hotel, i) => {
    const options = ctx.optionsFor(hotel.id);
    return options ? [{ hotelId: hotel.id, path: `hotels[${i}].plugins.booking`, options }] : [];
  });
}

/**
 * Room booking over WhatsApp: availability and quotes, a guided booking flow, holds pending
 * payment, confirmation, "my bookings" and cancellation — atomically, so never overbooked.
 */
export const bookingPlugin = definePlugin({
  name: 'booking',
  description: 'Room booking: availability, quotes, holds, confirmation, my bookings and cancellation',
  dependsOn: ['intent'],
  options: bookingOptionsSchema,
  provides: [BOOKING_SERVICE],

  register(ctx) {
    const hotels = enabledHotels(ctx);
    const catalog = RoomCatalog.load(hotels);
    const registry = new BackendRegistry(hotels, { storage: ctx.storage, catalog, logger: ctx.logger });
    const service = new BookingService({
      registry,
      hotels: ctx.hotels,
      optionsFor: (hotelId) => ctx.optionsFor(hotelId),
      events: ctx.events,
      logger: ctx.logger,
    });
    ctx.services.provide(BOOKING_SERVICE, service);

    ctx.messages.add(NAMESPACE, TEXTS);
    ctx.flows.add('book_room', bookFlow(service));
    ctx.flows.add('check_availability', bookFlow(service));
    ctx.flows.add('my_bookings', myBookingsFlow(service));
    ctx.flows.add('cancel_booking', cancelFlow(service));
    registerBookingAdminRoutes(ctx.http.adminRouter, (hotelId) => registry.for(hotelId));

    let sweeper: NodeJS.Timeout | undefined;
    return {
      async start() {
        await registry.start();
        await service.sweep();
        const interval = Math.min(...hotels.map((h) => h.options.sweepIntervalMs), 15_000);
        sweeper = setInterval(() => void service.sweep(), interval);
        sweeper.unref();
      },
      async stop() {
        clearInterval(sweeper);
        await registry.stop();
      },
    };
  },

  commands: (program, ctx) => registerBookingCommands(program, ctx),
});
