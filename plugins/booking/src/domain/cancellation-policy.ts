import type { Booking } from './booking';
import { instantAt } from './calendar';
import type { Money } from './money';

export interface CancellationRules {
  readonly freeHours: number;
  readonly late: 'charge-first-night' | 'refuse';
  readonly checkInTime: string;
  readonly timeZone: string;
}

/** What cancelling a booking now would mean for the guest. */
export type CancellationTerms =
  | { readonly kind: 'free'; readonly freeUntil: Date }
  | { readonly kind: 'fee'; readonly fee: Money; readonly freeUntil: Date }
  | { readonly kind: 'refused'; readonly freeUntil: Date }
  | { readonly kind: 'started' }
  | { readonly kind: 'final'; readonly status: Booking['status'] };

/** Applies the hotel's free-cancellation window, counted back from check-in time at the hotel. */
export function cancellationTerms(booking: Booking, rules: CancellationRules, now: Date): CancellationTerms {
  if (booking.status !== 'held' && booking.status !== 'confirmed') return { kind: 'final', status: booking.status };
  const checkInAt = instantAt(booking.checkIn, rules.checkInTime, rules.timeZone);
  if (now >= checkInAt) return { kind: 'started' };
  const freeUntil = new Date(checkInAt.getTime() - rules.freeHours * 3_600_000);
  // An unpaid hold costs the hotel nothing to release.
  if (now < freeUntil || booking.status === 'held') return { kind: 'free', freeUntil };
  if (rules.late === 'refuse') return { kind: 'refused', freeUntil };
  const firstNight = booking.nightly[0]?.amount ?? 0;
  return { kind: 'fee', fee: { amount: firstNight, currency: booking.total.currency }, freeUntil };
}
