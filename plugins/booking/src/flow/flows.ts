import type { FlowDefinition, FlowStep, FlowStepContext, StepOutcome } from '@hotello/core';
import { BackendUnavailableError } from '../backend/booking-backend';
import type { BookingService } from '../booking-service';
import type { BookingOptions } from '../options';
import { BookTurn } from './book-turn';
import { ManageTurn } from './manage-turn';

type Flow = FlowDefinition<BookingOptions>;
type Ctx = FlowStepContext<BookingOptions>;

/**
 * A reservation system that does not answer is the guest's problem only as a polite "try again
 * shortly": the flow stays on its step, so trying again continues where it was.
 */
function politeWhenUnavailable(kind: 'book' | 'manage', step: (ctx: Ctx) => Promise<StepOutcome | void>): FlowStep<BookingOptions> {
  return async (ctx) => {
    try {
      return await step(ctx);
    } catch (err) {
      if (!(err instanceof BackendUnavailableError)) throw err;
      ctx.logger.warn({ err, hotelId: ctx.hotel.id }, 'booking backend unavailable');
      if (kind === 'manage') return ctx.say('backend_down_manage');
      return ctx.say(err.outcomeUnknown ? 'backend_unknown' : 'backend_down');
    }
  };
}

/** Booking a room; also what "do you have a room…" starts. Every step runs the same rule. */
export function bookFlow(service: BookingService): Flow {
  const step = politeWhenUnavailable('book', (ctx) => new BookTurn(ctx, service).run());
  return { start: step, checkIn: step, checkOut: step, guests: step, room: step, name: step, email: step, summary: step, change: step };
}

function manageFlow(service: BookingService, start: (turn: ManageTurn) => Promise<StepOutcome | void>): Flow {
  return {
    start: politeWhenUnavailable('manage', (ctx) => start(new ManageTurn(ctx, service))),
    pick: politeWhenUnavailable('manage', (ctx) => new ManageTurn(ctx, service).pick()),
    confirm: politeWhenUnavailable('manage', (ctx) => new ManageTurn(ctx, service).confirm()),
  };
}

/** The guest's upcoming bookings; tapping one offers to cancel it. */
export function myBookingsFlow(service: BookingService): Flow {
  return manageFlow(service, (turn) => turn.list('my_bookings'));
}

/** "Cancel ABC1234", or "cancel my booking" followed by a pick from the guest's bookings. */
export function cancelFlow(service: BookingService): Flow {
  return manageFlow(service, (turn) => turn.startCancel());
}
