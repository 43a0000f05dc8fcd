import type { SlotError } from '@hotello/core';
import { addDays, daysBetween, fromIso, toIso, type CivilDate } from './calendar';
import type { DateMention } from './dates';
import type { SlotErrorCode, SlotValues } from './slot-types';

/** How far ahead a stay may start; further is almost always a typo in the year. */
export const MAX_DAYS_AHEAD = 730;
export const MAX_NIGHTS = 90;
export const MAX_GUESTS = 30;

export interface StayInput {
  readonly mentions: readonly DateMention[];
  readonly invalidDates: readonly string[];
  readonly nights?: number;
  readonly adults?: number;
  readonly children?: number;
  readonly people?: number;
  readonly childrenIncluded?: boolean;
}

function error(slot: string, code: SlotErrorCode, message: string): SlotError {
  return { slot, code, message };
}

/**
 * Turns what the guest said about a stay into slots a booking flow can trust, and everything
 * impossible into errors it can ask about: past dates, check-out not after check-in, a night
 * count that contradicts the dates, zero or absurd guest numbers. Missing pieces are derived
 * when unambiguous (check-in + nights → check-out, two dates → nights).
 */
export function validateStay(input: StayInput, today: CivilDate): { slots: SlotValues; errors: SlotError[] } {
  const slots: SlotValues = {};
  const errors: SlotError[] = [];

  for (const text of input.invalidDates) errors.push(error('checkIn', 'invalid_date', `"${text}" is not a calendar date`));

  const range = input.mentions.find((m) => m.end);
  const [first, second] = input.mentions;
  let checkIn: CivilDate | undefined;
  let checkOut: CivilDate | undefined;
  if (range) {
    checkIn = fromIso(range.start);
    checkOut = fromIso(range.end!);
  } else if (first) {
    checkIn = fromIso(first.start);
    if (second) checkOut = fromIso(second.start);
  }

  if (checkIn) {
    const ahead = daysBetween(today, checkIn);
    if (ahead < 0) {
      errors.push(error('checkIn', 'date_in_past', `check-in ${toIso(checkIn)} is before today (${toIso(today)})`));
      checkIn = undefined;
    } else if (ahead > MAX_DAYS_AHEAD) {
      errors.push(error('checkIn', 'date_too_far', `check-in ${toIso(checkIn)} is more than ${MAX_DAYS_AHEAD} days ahead`));
      checkIn = undefined;
    }
  }
  if (checkIn && checkOut && daysBetween(checkIn, checkOut) <= 0) {
    errors.push(error('checkOut', 'checkout_before_checkin', `check-out ${toIso(checkOut)} is not after check-in ${toIso(checkIn)}`));
    checkOut = undefined;
  }

  let nights = input.nights;
  if (nights !== undefined && (nights < 1 || nights > MAX_NIGHTS)) {
    errors.push(error('nights', 'nights_out_of_range', `${nights} nights is outside 1..${MAX_NIGHTS}`));
    nights = undefined;
  }
  if (checkIn && checkOut) {
    const span = daysBetween(checkIn, checkOut);
    if (nights !== undefined && nights !== span) {
      errors.push(
        error('nights', 'nights_mismatch', `${nights} nights does not match ${toIso(checkIn)} → ${toIso(checkOut)} (${span} nights)`),
      );
    }
    nights = span;
  } else if (checkIn && nights !== undefined) {
    checkOut = addDays(checkIn, nights);
  }
  if (checkIn) slots.checkIn = toIso(checkIn);
  if (checkOut && checkIn) slots.checkOut = toIso(checkOut);
  if (nights !== undefined) slots.nights = nights;

  let adults = input.adults;
  if (adults === undefined && input.people !== undefined) {
    adults =
      input.childrenIncluded && input.children !== undefined && input.people > input.children
        ? input.people - input.children
        : input.people;
  }
  if (adults !== undefined) {
    if (adults < 1) errors.push(error('adults', 'zero_guests', 'at least one adult must stay'));
    else if (adults > MAX_GUESTS) errors.push(error('adults', 'too_many_guests', `${adults} adults is more than ${MAX_GUESTS}`));
    else slots.adults = adults;
  }
  if (input.children !== undefined) {
    if (input.children > MAX_GUESTS)
      errors.push(error('children', 'too_many_guests', `${input.children} children is more than ${MAX_GUESTS}`));
    else slots.children = input.children;
  }
  return { slots, errors };
}
