import type { WriteEvent } from '@hotello/core';
import type { Booking, BookingStatus } from '../../domain/booking';
import type { Money } from '../../domain/money';

/** A booking as the built-in backend stores it: what callers see, plus the saga's bookkeeping. */
export interface BookingRecord extends Booking {
  /** Unique per hotel: the same key always finds this booking. */
  readonly idempotencyKey: string;
  /**
   * Whether a booking in a final state has given its nights back. Set to false by the
   * transition into the final state and to true after the release, so a crash in between is
   * finished by `recover`. Meaningless while the booking is active.
   */
  readonly released: boolean;
}

/** States a booking never leaves; its nights must be released. */
export const FINAL_STATUSES: readonly BookingStatus[] = ['cancelled', 'expired', 'failed'];

/** Fields a status transition may write along with the status; `null` removes an optional one. */
export interface TransitionChanges {
  readonly released?: boolean;
  readonly holdExpiresAt?: Date | null;
  readonly cancelledBy?: 'guest' | 'staff';
  readonly cancellationFee?: Money;
}

export interface RecordListQuery {
  /** Stays ending after this date (`checkOut > from`). */
  readonly from?: string;
  /** Stays starting before this date (`checkIn < to`). */
  readonly to?: string;
  readonly statuses?: readonly BookingStatus[];
  readonly limit: number;
}

/** A reference or idempotency key that is already taken at this hotel. */
export class DuplicateBookingError extends Error {
  constructor(
    readonly hotelId: string,
    readonly reference: string,
    cause?: unknown,
  ) {
    super(`a booking with reference ${reference} or its idempotency key already exists`, { cause });
    this.name = 'DuplicateBookingError';
  }
}

/**
 * Where the built-in backend keeps bookings. Every method is scoped to one hotel; every change
 * is a single conditional update, so concurrent instances never overwrite each other.
 */
export interface BookingRecords {
  /** Throws {@link DuplicateBookingError} when the reference or the idempotency key is taken at the hotel. */
  insert(record: BookingRecord): Promise<void>;
  get(hotelId: string, reference: string): Promise<BookingRecord | undefined>;
  findByIdempotencyKey(hotelId: string, idempotencyKey: string): Promise<BookingRecord | undefined>;
  /** The hotel's bookings with these references, in one read; references it does not know are left out. */
  findByReferences(hotelId: string, references: readonly string[]): Promise<BookingRecord[]>;
  /**
   * Moves the booking to `to` if it is still in one of `from`, with the given fields and
   * `updatedAt = now`; returns it as written, or undefined if it was not in those states.
   */
  transition(
    hotelId: string,
    reference: string,
    from: readonly BookingStatus[],
    to: BookingStatus,
    changes: TransitionChanges,
    now: Date,
    /** Recorded with the write, and only if it happens (see core's `WriteEvent`). */
    events?: readonly WriteEvent[],
  ): Promise<BookingRecord | undefined>;
  /** Records that a booking in a final state has released its nights. */
  markReleased(hotelId: string, reference: string, now: Date): Promise<void>;
  /** The bookings `identity` owns (`ownerOf`: `guest.identity`, else `guest.phone`), by check-in. */
  listForGuest(hotelId: string, identity: string, query: RecordListQuery): Promise<BookingRecord[]>;
  /** The hotel's bookings, by check-in. */
  list(hotelId: string, query: RecordListQuery): Promise<BookingRecord[]>;
  /** Held bookings whose hold ended at or before `now`. */
  expiredHolds(hotelId: string, now: Date, limit: number): Promise<BookingRecord[]>;
  /** Bookings still `pending` that were created at or before `createdBefore` (their saga was interrupted). */
  stalePending(hotelId: string, createdBefore: Date, limit: number): Promise<BookingRecord[]>;
  /** Bookings in a final state whose nights may not have been released yet. */
  unreleased(hotelId: string, limit: number): Promise<BookingRecord[]>;
}

/** By check-in, then reference, so equal check-ins still list in a stable order. */
export function byCheckIn(a: Booking, b: Booking): number {
  return a.checkIn.localeCompare(b.checkIn) || a.reference.localeCompare(b.reference);
}

/** The booking callers see: the record without the backend's bookkeeping. */
export function toBooking(record: BookingRecord): Booking {
  const { idempotencyKey: _key, released: _released, ...booking } = record;
  return booking;
}
