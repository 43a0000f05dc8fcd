/**
 * The slot types the intent plugin extracts itself. Plugins may declare other slot names on
 * their intents; those are only filled by the LLM layer (as short strings).
 */
export const SLOT_NAMES = ['checkIn', 'checkOut', 'nights', 'adults', 'children', 'roomType', 'budget', 'bookingRef', 'email'] as const;

export type SlotName = (typeof SLOT_NAMES)[number];

export function isSlotName(name: string): name is SlotName {
  return (SLOT_NAMES as readonly string[]).includes(name);
}

/** Room types recognised out of the box; hotels can add their own words per type. */
export const ROOM_TYPES = ['single', 'double', 'twin', 'triple', 'family', 'suite'] as const;

export interface Budget {
  readonly amount: number;
  /** ISO 4217 code, e.g. `USD`, `KES`. */
  readonly currency: string;
  /** Whether the amount is per night or for the whole stay, when the guest said so. */
  readonly per?: 'night' | 'stay';
}

/** Values as flows receive them. Dates are calendar dates (`YYYY-MM-DD`) in the hotel's time zone. */
export interface SlotValues {
  checkIn?: string;
  checkOut?: string;
  nights?: number;
  adults?: number;
  children?: number;
  roomType?: string;
  budget?: Budget;
  bookingRef?: string;
  email?: string;
}

/** Stable codes a flow can switch on to ask the guest again. */
export const SLOT_ERROR_CODES = [
  'date_in_past',
  'date_too_far',
  'invalid_date',
  'checkout_before_checkin',
  'nights_mismatch',
  'nights_out_of_range',
  'zero_guests',
  'too_many_guests',
  'budget_not_positive',
  'invalid_email',
] as const;

export type SlotErrorCode = (typeof SLOT_ERROR_CODES)[number];
