import { BookingNotFoundError, BookingStateError, RoomUnavailableError } from '../booking-backend';
import type { ApiAnswer } from './reservation-api-client';
import { ReservationSystemError } from './reservation-system-error';

type Refusal = Extract<ApiAnswer<unknown>, { ok: false }>;

/** A create's 409: `{ error: 'unavailable' }` means the rooms are taken. */
export function createRefusalError(answer: Refusal, call: string, roomType: string): Error {
  if (answer.status === 409 && answer.error?.error === 'unavailable') return new RoomUnavailableError(roomType);
  return unexpected(answer, call);
}

/** A cancel's or confirm's 404 (no such booking) or 409 `{ error: 'state', status }`. */
export function changeRefusalError(answer: Refusal, call: string, reference: string): Error {
  if (answer.status === 404) return new BookingNotFoundError(reference);
  if (answer.status === 409 && answer.error?.error === 'state') {
    return new BookingStateError(reference, answer.error.status ?? 'in another state');
  }
  return unexpected(answer, call);
}

/** A listed status whose body is not one the contract gives it. */
function unexpected(answer: Refusal, call: string): ReservationSystemError {
  const body = answer.error ? `{ error: "${answer.error.error}" }` : 'no error body';
  const message = `reservation system answered ${answer.status} with ${body} to ${call}, which the contract does not define`;
  return new ReservationSystemError(message, { status: answer.status, attempts: answer.attempts });
}
