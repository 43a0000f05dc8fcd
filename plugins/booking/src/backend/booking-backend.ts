import type { Booking, BookingListQuery, BookingRequest, Offer, RoomTypeInfo, StayQuery } from '../domain/booking';

/**
 * Where a hotel's reservations live: the built-in MongoDB/in-memory inventory, or an external
 * system over HTTP. Every call is scoped by hotel id.
 */
export interface BookingBackend {
  /** `builtin` or `http`, for logs and operators. */
  readonly kind: string;
  roomTypes(hotelId: string): Promise<readonly RoomTypeInfo[]>;
  /** Room types that fit the party and are free on every night of the stay, cheapest first. */
  search(hotelId: string, query: StayQuery): Promise<readonly Offer[]>;
  /**
   * Takes a room for every night of the stay, atomically, or throws {@link RoomUnavailableError}.
   * Idempotent on `request.idempotencyKey`.
   */
  create(hotelId: string, request: BookingRequest): Promise<Booking>;
  get(hotelId: string, reference: string): Promise<Booking | undefined>;
  /** The bookings at this hotel that `identity` owns (see `ownerOf`), soonest first. */
  listForGuest(hotelId: string, identity: string, query?: BookingListQuery): Promise<readonly Booking[]>;
  /** Operators' view of a hotel's bookings, by check-in. */
  list(hotelId: string, query?: BookingListQuery): Promise<readonly Booking[]>;
  /** Cancels and releases the rooms; idempotent for an already cancelled booking. */
  cancel(hotelId: string, reference: string, change: CancelChange): Promise<Booking>;
  /** A held booking was paid: confirm it (idempotent). Throws {@link BookingStateError} if it expired. */
  confirm(hotelId: string, reference: string): Promise<Booking>;
  /** Releases holds past their expiry; returns the bookings that expired. */
  expireHolds?(hotelId: string, now: Date): Promise<readonly Booking[]>;
  /** Finishes work a crash interrupted (rooms taken by bookings that never completed). */
  recover?(hotelId: string, now: Date): Promise<void>;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export interface CancelChange {
  readonly by: 'guest' | 'staff';
  readonly fee?: Booking['cancellationFee'];
}

/** The rooms were taken by someone else (or never free): nothing was booked. */
export class RoomUnavailableError extends Error {
  constructor(readonly roomType: string) {
    super(`no ${roomType} room is free on every night of the stay`);
    this.name = 'RoomUnavailableError';
  }
}

export class BookingNotFoundError extends Error {
  constructor(readonly reference: string) {
    super(`no booking ${reference}`);
    this.name = 'BookingNotFoundError';
  }
}

/** The booking is not in a state that allows the change (e.g. confirming an expired hold). */
export class BookingStateError extends Error {
  constructor(
    readonly reference: string,
    readonly status: string,
  ) {
    super(`booking ${reference} is ${status}`);
    this.name = 'BookingStateError';
  }
}

/**
 * The backend did not answer usefully (timeout, 5xx, network) after the retries that were safe.
 * `outcomeUnknown` is true when a write may or may not have happened.
 */
export class BackendUnavailableError extends Error {
  constructor(
    message: string,
    readonly outcomeUnknown = false,
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = 'BackendUnavailableError';
  }
}
