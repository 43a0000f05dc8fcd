import type { LocalizedText } from './localized-text';
import type { Money } from './money';

/**
 * `pending` while rooms are being taken (a crash here is recovered by the hold sweeper),
 * `held` awaiting payment until `holdExpiresAt`, `confirmed`, or one of the final states.
 */
export type BookingStatus = 'pending' | 'held' | 'confirmed' | 'cancelled' | 'expired' | 'failed';

/** Statuses in which a booking occupies its rooms. */
export const ACTIVE_STATUSES: readonly BookingStatus[] = ['pending', 'held', 'confirmed'];

export interface NightlyRate {
  /** Calendar date `YYYY-MM-DD` of the night (the evening the guest sleeps there). */
  readonly date: string;
  readonly amount: number;
}

export interface BookingGuest {
  /** E.164 phone number the booking was made from. */
  readonly phone: string;
  /**
   * Who owns the booking, when that is not `phone`: the guest identity (core's
   * `TurnContext.identity`) of a channel that does not verify numbers (the simulator). Absent
   * for bookings made on WhatsApp channels, whose identity is the number — so bookings made
   * before identities existed, or by an external system, belong to their number as before.
   */
  readonly identity?: string;
  readonly name: string;
  readonly email?: string;
  /** The channel the booking was made through. */
  readonly channelId?: string;
  readonly language?: string;
}

export interface Booking {
  readonly hotelId: string;
  /** Short human-friendly reference, e.g. `KMT4821`. */
  readonly reference: string;
  readonly status: BookingStatus;
  readonly roomType: string;
  readonly roomName?: LocalizedText;
  readonly checkIn: string;
  readonly checkOut: string;
  readonly nights: number;
  readonly adults: number;
  readonly children: number;
  readonly guest: BookingGuest;
  readonly total: Money;
  readonly nightly: readonly NightlyRate[];
  /** Held bookings release their rooms after this. */
  readonly holdExpiresAt?: Date;
  /** Charged for a cancellation outside the free window. */
  readonly cancellationFee?: Money;
  readonly cancelledBy?: 'guest' | 'staff';
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What a guest asks about: a stay and a party. */
export interface StayQuery {
  readonly checkIn: string;
  readonly checkOut: string;
  readonly adults: number;
  readonly children: number;
  /** Only this room type, when the guest named one. */
  readonly roomType?: string;
}

/** A bookable room type for a stay, with its price. */
export interface Offer {
  readonly roomType: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  /** Rooms of this type free on every night of the stay. */
  readonly available: number;
  readonly total: Money;
  readonly nightly: readonly NightlyRate[];
  readonly capacity: { readonly adults: number; readonly children: number };
}

/** A room type as guests and operators see it. */
export interface RoomTypeInfo {
  readonly id: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  readonly capacity: { readonly adults: number; readonly children: number };
  readonly rooms: number;
  /** The fewest nights a stay may have (the room type's own; seasons may ask for more). */
  readonly minStay: number;
}

export interface BookingRequest {
  /**
   * The same key always yields the same booking: a retried turn, a retried HTTP call or a
   * guest tapping Confirm twice never books twice.
   */
  readonly idempotencyKey: string;
  readonly stay: StayQuery & { readonly roomType: string };
  readonly guest: BookingGuest;
  /** Hold the rooms pending payment until then; confirmed at once when absent. */
  readonly holdUntil?: Date;
}

export interface BookingListQuery {
  /** Stays that end after this date (`YYYY-MM-DD`). */
  readonly from?: string;
  /** Stays that start before this date. */
  readonly to?: string;
  readonly statuses?: readonly BookingStatus[];
  readonly limit?: number;
}
