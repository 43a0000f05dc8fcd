import type { FlowDefinition, FlowStep } from '@hotello/core';
import type { BookingService } from '../booking-service';
import type { BookingOptions } from '../options';
import { BookTurn } from './book-turn';
import { ManageTurn } from './manage-turn';

type Flow = FlowDefinition<BookingOptions>;

/** Booking a room; also what "do you have a room…" starts. Every step runs the same rule. */
export function bookFlow(service: BookingService): Flow {
  const step: FlowStep<BookingOptions> = (ctx) => new BookTurn(ctx, service).run();
  return { start: step, checkIn: step, checkOut: step, guests: step, room: step, name: step, email: step, summary: step, change: step };
}

/** The guest's upcoming bookings; tapping one offers to cancel it. */
export function myBookingsFlow(service: BookingService): Flow {
  return {
    start: (ctx) => new ManageTurn(ctx, service).list('my_bookings'),
    pick: (ctx) => new ManageTurn(ctx, service).pick(),
    confirm: (ctx) => new ManageTurn(ctx, service).confirm(),
  };
}

/** "Cancel ABC1234", or "cancel my booking" followed by a pick from the guest's bookings. */
export function cancelFlow(service: BookingService): Flow {
  return {
    start: (ctx) => new ManageTurn(ctx, service).startCancel(),
    pick: (ctx) => new ManageTurn(ctx, service).pick(),
    confirm: (ctx) => new ManageTurn(ctx, service).confirm(),
  };
}
