import './events';
import { definePlugin, type PluginContext } from '@hotello/core';
import { BackendRegistry } from './backend/backend-registry';
import { registerBookingAdminRoutes } from './admin/bookings-routes';
import { BookingService } from './booking-service';
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

interface Running {
  registry: BackendRegistry;
  service: BookingService;
  sweeper?: NodeJS.Timeout;
}

const running = new WeakMap<object, Running>();

/**
 * Room booking over WhatsApp: availability and quotes, a guided booking flow, holds pending
 * payment, confirmation, "my bookings" and cancellation — atomically, so never overbooked.
 */
export const bookingPlugin = definePlugin({
  name: 'booking',
  description: 'Room booking: availability, quotes, holds, confirmation, my bookings and cancellation',
  dependsOn: ['intent'],
  options: bookingOptionsSchema,

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
    ctx.container.registerInstance(BookingService, service);
    running.set(ctx.container, { registry, service });

    ctx.messages.add(NAMESPACE, TEXTS);
    ctx.flows.add('book_room', bookFlow(service));
    ctx.flows.add('check_availability', bookFlow(service));
    ctx.flows.add('my_bookings', myBookingsFlow(service));
    ctx.flows.add('cancel_booking', cancelFlow(service));
    registerBookingAdminRoutes(ctx.http.adminRouter, (hotelId) => registry.for(hotelId));
  },

  commands: (program, ctx) => registerBookingCommands(program, ctx),

  async start(ctx) {
    const state = running.get(ctx.container)!;
    await state.registry.start();
    await state.service.sweep();
    const interval = Math.min(...enabledHotels(ctx).map((h) => h.options.sweepIntervalMs), 15_000);
    state.sweeper = setInterval(() => void state.service.sweep(), interval);
    state.sweeper.unref();
  },

  async stop(ctx) {
    const state = running.get(ctx.container);
    if (!state) return;
    clearInterval(state.sweeper);
    await state.registry.stop();
  },
});
