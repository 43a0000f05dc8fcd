import { nightsBetween, todayIn, addDays } from './calendar';

/** Why a stay cannot be booked, as a stable code the flow turns into a reply. */
export type StayProblem =
  | { readonly code: 'date_in_past' }
  | { readonly code: 'checkout_not_after_checkin' }
  | { readonly code: 'stay_too_long'; readonly maxNights: number }
  | { readonly code: 'too_far_ahead'; readonly lastDate: string };

export interface StayLimits {
  readonly timeZone: string;
  readonly maxNights: number;
  readonly maxAdvanceDays: number;
  readonly now?: Date;
}

/** Checks a stay against the calendar and the hotel's limits; undefined when it is fine. */
export function checkStay(checkIn: string, checkOut: string, limits: StayLimits): StayProblem | undefined {
  const today = todayIn(limits.timeZone, limits.now);
  if (checkIn < today) return { code: 'date_in_past' };
  if (checkOut <= checkIn) return { code: 'checkout_not_after_checkin' };
  if (nightsBetween(checkIn, checkOut) > limits.maxNights) return { code: 'stay_too_long', maxNights: limits.maxNights };
  const lastDate = addDays(today, limits.maxAdvanceDays);
  if (checkIn > lastDate) return { code: 'too_far_ahead', lastDate };
  return undefined;
}
