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

/** Booking's job that releases expired holds and finishes interrupted bookings of one hotel. */
export const SWEEP_JOB = 'sweep';

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
    // Holds expire by the bot's clock, the one jobs run by (a test's FakeClock moves both).
    const now = () => ctx.clock.now();
    const registry = new BackendRegistry(hotels, { storage: ctx.storage, catalog, logger: ctx.logger, now });
    const service = new BookingService({
      registry,
      hotels: ctx.hotels,
      optionsFor: (hotelId) => ctx.optionsFor(hotelId),
      events: ctx.events,
      logger: ctx.logger,
      now,
    });
    ctx.services.provide(BOOKING_SERVICE, service);

    ctx.messages.add(NAMESPACE, TEXTS);
    ctx.flows.add('book_room', bookFlow(service));
    ctx.flows.add('check_availability', bookFlow(service));
    ctx.flows.add('my_bookings', myBookingsFlow(service));
    ctx.flows.add('cancel_booking', cancelFlow(service));
    registerBookingAdminRoutes(ctx.http.adminRouter, (hotelId) => registry.for(hotelId));

    // Expired holds and interrupted bookings, per hotel every `sweepIntervalMs`: a repeating job, so
    // of several instances one sweeps each time, and a restart loses no sweep. A failed sweep is
    // logged and the next one (soon) tries again.
    const sweep = ctx.jobs.define(SWEEP_JOB, ({ hotelId }) => service.sweepHotel(hotelId).then(() => undefined), { attempts: 1 });
    return {
      async start() {
        await registry.start();
        // The first run of a new schedule is right away; a stored one keeps its slot.
        for (const { hotelId, options } of hotels) await sweep.repeat({ hotelId, everyMs: options.sweepIntervalMs });
      },
      async stop() {
        await registry.stop();
      },
    };
  },

  commands: (program, ctx) => registerBookingCommands(program, ctx),
});
