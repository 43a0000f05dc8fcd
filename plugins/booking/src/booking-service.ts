import type { HotelDirectory, Logger, PluginEvents } from '@hotello/core';
import type { BackendRegistry } from './backend/backend-registry';
import { BookingNotFoundError } from './backend/booking-backend';
import type { Booking, BookingGuest, Offer, RoomTypeInfo, StayQuery } from './domain/booking';
import { bookingEventId } from './booking-event-id';
import { ownerOf } from './domain/booking-owner';
import { addDays, nightsBetween, todayIn } from './domain/calendar';
import { cancellationTerms, type CancellationTerms } from './domain/cancellation-policy';
import { checkStay, type StayProblem } from './domain/stay-rules';
import type { BookingOptions } from './options';

/** The party does not fit in any room type. */
export interface PartyTooLarge {
  readonly code: 'too_many_guests';
  readonly maxAdults: number;
  readonly maxChildren: number;
}

/** Nearby stays of the same length with something free, for "nothing free" and "just taken". */
export interface NearbyStay {
  readonly checkIn: string;
  readonly checkOut: string;
  readonly cheapest: Offer;
}

export interface BookingServiceDeps {
  readonly registry: BackendRegistry;
  readonly hotels: HotelDirectory;
  readonly optionsFor: (hotelId: string) => BookingOptions | undefined;
  readonly events: PluginEvents;
  readonly logger: Logger;
  readonly now?: () => Date;
}

/**
 * The hotel's booking rules on top of its backend: stay limits, holds versus direct
 * confirmation, the cancellation window, ownership of bookings and the lifecycle events.
 * Other plugins get it with `services.get(BOOKING_SERVICE)` after declaring `uses: [BOOKING_SERVICE]`.
 */
export class BookingService {
  private readonly now: () => Date;

  constructor(private readonly deps: BookingServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  options(hotelId: string): BookingOptions {
    const options = this.deps.optionsFor(hotelId);
    if (!options) throw new Error(`booking is not on for hotel "${hotelId}"`);
    return options;
  }

  private timeZone(hotelId: string): string {
    return this.deps.hotels.get(hotelId)?.timezone ?? 'UTC';
  }

  today(hotelId: string): string {
    return todayIn(this.timeZone(hotelId), this.now());
  }

  roomTypes(hotelId: string): Promise<readonly RoomTypeInfo[]> {
    return this.deps.registry.for(hotelId).roomTypes(hotelId);
  }

  checkStay(hotelId: string, checkIn: string, checkOut: string): StayProblem | undefined {
    const options = this.options(hotelId);
    return checkStay(checkIn, checkOut, {
      timeZone: this.timeZone(hotelId),
      maxNights: options.maxNights,
      maxAdvanceDays: options.maxAdvanceDays,
      now: this.now(),
    });
  }

  /** Undefined when some room type holds the party. */
  async checkParty(hotelId: string, adults: number, children: number): Promise<PartyTooLarge | undefined> {
    const rooms = await this.roomTypes(hotelId);
    if (rooms.some((r) => r.capacity.adults >= adults && r.capacity.adults + r.capacity.children >= adults + children)) return undefined;
    return {
      code: 'too_many_guests',
      maxAdults: Math.max(0, ...rooms.map((r) => r.capacity.adults)),
      maxChildren: Math.max(0, ...rooms.map((r) => r.capacity.children)),
    };
  }

  search(hotelId: string, query: StayQuery): Promise<readonly Offer[]> {
    return this.deps.registry.for(hotelId).search(hotelId, query);
  }

  /** Stays of the same length starting up to three days earlier or later that have a room free. */
  async nearby(hotelId: string, query: StayQuery, limit = 3): Promise<NearbyStay[]> {
    const nights = nightsBetween(query.checkIn, query.checkOut);
    const today = this.today(hotelId);
    const out: NearbyStay[] = [];
    for (const shift of [1, -1, 2, -2, 3, -3]) {
      if (out.length >= limit) break;
      const checkIn = addDays(query.checkIn, shift);
      if (checkIn < today) continue;
      const checkOut = addDays(checkIn, nights);
      if (this.checkStay(hotelId, checkIn, checkOut)) continue;
      const offers = await this.search(hotelId, { ...query, checkIn, checkOut });
      if (offers[0]) out.push({ checkIn, checkOut, cheapest: offers[0] });
    }
    return out.sort((a, b) => a.checkIn.localeCompare(b.checkIn));
  }

  /** Whether new bookings at the hotel wait for payment. */
  holdsFor(hotelId: string): boolean {
    const mode = this.options(hotelId).confirmation;
    return mode === 'hold' || (mode === 'auto' && this.deps.hotels.isEnabled(hotelId, 'payments'));
  }

  /**
   * Books a room: held pending payment or confirmed, as the hotel works. Idempotent on the
   * key. The event to publish is returned rather than emitted, so a turn publishes it only
   * once its own changes are saved.
   */
  async book(hotelId: string, idempotencyKey: string, stay: StayQuery & { roomType: string }, guest: BookingGuest): Promise<Booking> {
    const holdUntil = this.holdsFor(hotelId) ? new Date(this.now().getTime() + this.options(hotelId).holdMinutes * 60_000) : undefined;
    const booking = await this.deps.registry
      .for(hotelId)
      .create(hotelId, { idempotencyKey, stay, guest, ...(holdUntil ? { holdUntil } : {}) });
    this.deps.logger.info({ hotelId, reference: booking.reference, status: booking.status, roomType: booking.roomType }, 'booking made');
    return booking;
  }

  /**
   * The guest's own booking, or undefined — someone else's booking looks exactly like a missing
   * one. `identity` is the guest's `TurnContext.identity` (on WhatsApp channels, their number).
   */
  async findOwn(hotelId: string, reference: string, identity: string): Promise<Booking | undefined> {
    const booking = await this.deps.registry.for(hotelId).get(hotelId, reference.toUpperCase());
    return booking && ownerOf(booking.guest) === identity ? booking : undefined;
  }

  /** The guest's upcoming held or confirmed bookings at this hotel, soonest first. */
  async upcomingFor(hotelId: string, identity: string): Promise<readonly Booking[]> {
    const listed = await this.deps.registry
      .for(hotelId)
      .listForGuest(hotelId, identity, { from: this.today(hotelId), statuses: ['held', 'confirmed'] });
    // Checked here too: an external system that matches `guest` by phone only must not widen what a guest sees.
    return listed.filter((booking) => ownerOf(booking.guest) === identity);
  }

  cancellationTerms(hotelId: string, booking: Booking): CancellationTerms {
    const options = this.options(hotelId);
    return cancellationTerms(
      booking,
      { ...options.cancellation, checkInTime: options.checkInTime, timeZone: this.timeZone(hotelId) },
      this.now(),
    );
  }

  /**
   * Cancels a guest's own booking under the hotel's terms; throws BookingNotFoundError for a
   * booking that is not theirs. Returns the cancelled booking and the terms that applied.
   */
  async cancelOwn(hotelId: string, reference: string, identity: string): Promise<{ booking: Booking; terms: CancellationTerms }> {
    const booking = await this.findOwn(hotelId, reference, identity);
    if (!booking) throw new BookingNotFoundError(reference);
    const terms = this.cancellationTerms(hotelId, booking);
    if (terms.kind !== 'free' && terms.kind !== 'fee') return { booking, terms };
    const cancelled = await this.deps.registry
      .for(hotelId)
      .cancel(hotelId, booking.reference, { by: 'guest', ...(terms.kind === 'fee' ? { fee: terms.fee } : {}) });
    return { booking: cancelled, terms };
  }

  /** A payments plugin reports a held booking paid. */
  async confirmPaid(hotelId: string, reference: string): Promise<Booking> {
    const booking = await this.deps.registry.for(hotelId).confirm(hotelId, reference);
    // The built-in backend recorded this event with its write; an external one cannot: the same id delivers it once.
    await this.deps.events.emit('booking.confirmed', { hotelId, booking }, { id: bookingEventId('booking.confirmed', booking.reference) });
    return booking;
  }

  /** Staff cancel any booking of their hotel (no fee is applied automatically). */
  async cancelByStaff(hotelId: string, reference: string): Promise<Booking> {
    const booking = await this.deps.registry.for(hotelId).cancel(hotelId, reference, { by: 'staff' });
    await this.deps.events.emit(
      'booking.cancelled',
      { hotelId, booking, by: 'staff' },
      { id: bookingEventId('booking.cancelled', booking.reference) },
    );
    return booking;
  }

  /**
   * Releases one hotel's unpaid holds past their expiry and finishes its interrupted bookings;
   * resolves with how many holds expired. Booking's `sweep` job runs it per hotel; it throws when
   * the backend fails (the job logs it, and the next sweep tries again).
   */
  async sweepHotel(hotelId: string): Promise<number> {
    const backend = this.deps.registry.for(hotelId);
    let expired = 0;
    await backend.recover?.(hotelId, this.now());
    for (const booking of (await backend.expireHolds?.(hotelId, this.now())) ?? []) {
      expired++;
      await this.deps.events.emit('booking.expired', { hotelId, booking }, { id: bookingEventId('booking.expired', booking.reference) });
    }
    return expired;
  }

  /** {@link sweepHotel} for every hotel where booking is on; a hotel that fails is logged, the others go on. */
  async sweep(): Promise<number> {
    let expired = 0;
    for (const hotelId of this.deps.registry.hotelIds()) {
      try {
        expired += await this.sweepHotel(hotelId);
      } catch (err) {
        this.deps.logger.warn({ err, hotelId }, 'booking sweep failed; retrying on the next one');
      }
    }
    return expired;
  }
}
