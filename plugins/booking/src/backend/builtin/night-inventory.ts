/**
 * Rooms taken per (hotel, room type, night), and by whom. A booking holds one room on each
 * night of its stay; its reference is the holder, so taking and releasing are idempotent.
 *
 * Capacity is passed in on every `take` (the room type's current `rooms` in the catalogue),
 * never stored, so a changed room count applies after a restart without touching night data.
 */
export interface NightInventory {
  /**
   * Takes one room on every night for `holder`, night by night in date order, each with one
   * conditional single-document update (no read-then-write, no transaction). A night the
   * holder already holds counts as taken, so a retried call succeeds.
   *
   * On the first full night it stops and returns `{ ok: false }` **without releasing** the
   * nights it already holds: the caller first records that the booking failed, then calls
   * {@link release}. Releasing here could pull a night from under a concurrent continuation of
   * the same booking (a double tap on another instance) that has already counted that night
   * as its own and may still win the booking.
   */
  take(hotelId: string, roomType: string, nights: readonly string[], holder: string, capacity: number): Promise<TakeOutcome>;
  /**
   * Gives back the holder's room on each night (idempotent), latest night first: with takes
   * going earliest first, whoever holds a later night of a stay always holds its earlier ones,
   * which keeps concurrent bookings for the last rooms from failing each other needlessly.
   */
  release(hotelId: string, roomType: string, nights: readonly string[], holder: string): Promise<void>;
  /** Rooms taken on the nights from `firstNight` to `lastNight` (inclusive); nights nobody took are absent. */
  taken(hotelId: string, firstNight: string, lastNight: string, roomType?: string): Promise<NightCount[]>;
  /** Like {@link taken}, with the holders (audits, tests). */
  usage(hotelId: string, firstNight: string, lastNight: string, roomType?: string): Promise<NightUsage[]>;
  /**
   * The nights from `firstNight` on that someone holds, every room type, in one read: the
   * audit in `recover` checks their holders against the bookings.
   */
  held(hotelId: string, firstNight: string): Promise<NightUsage[]>;
}

export type TakeOutcome = { readonly ok: true } | { readonly ok: false; readonly fullNight: string };

export interface NightCount {
  readonly roomType: string;
  readonly date: string;
  readonly taken: number;
}

export interface NightUsage extends NightCount {
  readonly holders: readonly string[];
}

/** Nights in the order `take` must visit them (see {@link NightInventory.release} for why it matters). */
export function inDateOrder(nights: readonly string[]): string[] {
  return [...new Set(nights)].sort();
}
