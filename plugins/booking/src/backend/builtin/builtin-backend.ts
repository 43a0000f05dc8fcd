import { writeEvent, type Logger } from '@hotello/core';
import { bookingEventId } from '../../booking-event-id';
import type {
  Booking,
  BookingGuest,
  BookingListQuery,
  BookingRequest,
  BookingStatus,
  Offer,
  RoomTypeInfo,
  StayQuery,
} from '../../domain/booking';
import { addDays, isCalendarDate, nightsOf, todayIn } from '../../domain/calendar';
import { minimumStay, quoteStay } from '../../domain/rates';
import type { RoomCatalog } from '../../domain/room-catalog';
import type { RoomTypeOptions } from '../../options';
import { BookingNotFoundError, BookingStateError, RoomUnavailableError, type BookingBackend, type CancelChange } from '../booking-backend';
import { newBookingReference, normalizeBookingReference } from './booking-reference';
import {
  DuplicateBookingError,
  FINAL_STATUSES,
  toBooking,
  type BookingRecord,
  type RecordListQuery,
  type TransitionChanges,
} from './booking-records';
import type { BuiltinStorage } from './builtin-storage';
import type { NightUsage } from './night-inventory';
import type { RoomTypeEntry } from './room-type-directory';

export interface BuiltinBackendOptions {
  readonly catalog: RoomCatalog;
  readonly logger: Logger;
  /** The clock (tests move it). */
  readonly now?: () => Date;
  /**
   * How old a `pending` booking must be before `recover` treats its saga as interrupted and
   * fails it. Far longer than a create takes, so a live one is not failed under its feet (if
   * it is anyway, the create notices and gives its nights back).
   */
  readonly pendingGraceMs?: number;
  /** The night audit reads every held future night, so it runs at most this often per hotel (default 5 minutes). */
  readonly auditIntervalMs?: number;
}

const DEFAULT_PENDING_GRACE_MS = 60_000;
const DEFAULT_AUDIT_INTERVAL_MS = 5 * 60_000;
/** References are random; a few collisions in a row would mean something else is wrong. */
const REFERENCE_ATTEMPTS = 8;
const LIST_LIMIT = { fallback: 50, max: 500 } as const;
/** Bookings the sweeps handle per query; they repeat until a query comes back short. */
const SWEEP_BATCH = 100;
const SWEEP_MAX_BATCHES = 20;
const IDEMPOTENCY_KEY_MAX = 200;

/**
 * The built-in reservation system: rooms counted per night in the {@link NightInventory},
 * bookings in {@link BookingRecords}, never more bookings on a night than the room type has
 * rooms — also across instances sharing the database, and across crashes.
 *
 * `create` is a saga with no transaction: insert the booking `pending` → take its nights →
 * `held` or `confirmed`. Each step is a single conditional write and the booking's reference
 * holds its nights, so any step can be repeated, and `recover` finishes a saga a crash
 * interrupted. One rule keeps the books straight: **nights are released only for a booking
 * already recorded in a final state**, so a booking that is or may still become active never
 * loses a night it holds.
 */
export class BuiltinBackend implements BookingBackend {
  readonly kind = 'builtin';
  private readonly catalog: RoomCatalog;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private readonly pendingGraceMs: number;
  private readonly auditIntervalMs: number;
  private readonly lastAudit = new Map<string, number>();

  constructor(
    private readonly storage: BuiltinStorage,
    options: BuiltinBackendOptions,
  ) {
    this.catalog = options.catalog;
    this.logger = options.logger.child({ component: 'booking-backend', backend: 'builtin' });
    this.now = options.now ?? (() => new Date());
    this.pendingGraceMs = options.pendingGraceMs ?? DEFAULT_PENDING_GRACE_MS;
    this.auditIntervalMs = options.auditIntervalMs ?? DEFAULT_AUDIT_INTERVAL_MS;
  }

  async start(): Promise<void> {
    const now = this.now();
    for (const hotelId of this.catalog.hotelIds()) {
      const rooms = this.catalog.rooms(hotelId);
      // Hotels without rooms use another backend (the catalogue refuses a built-in hotel without any).
      if (rooms.length === 0) continue;
      await this.storage.roomTypes.sync(hotelId, this.roomTypeEntries(hotelId), now);
    }
    this.logger.info({ hotels: this.catalog.hotelIds().length }, 'built-in booking backend started');
  }

  async stop(): Promise<void> {
    // Nothing of its own to close: the database connection belongs to the conversation store.
  }

  async roomTypes(hotelId: string): Promise<readonly RoomTypeInfo[]> {
    assertText(hotelId, 'hotelId');
    return this.catalog.info(hotelId);
  }

  async search(hotelId: string, query: StayQuery): Promise<readonly Offer[]> {
    assertText(hotelId, 'hotelId');
    assertStay(query);
    const nights = nightsOf(query.checkIn, query.checkOut);
    const candidates = this.catalog
      .rooms(hotelId)
      .filter((room) => query.roomType === undefined || room.id === query.roomType)
      .filter(
        (room) => room.rooms > 0 && fitsParty(room, query.adults, query.children) && nights.length >= minimumStay(room, query.checkIn),
      );
    if (candidates.length === 0) return [];

    const counts = await this.storage.inventory.taken(hotelId, nights[0]!, nights[nights.length - 1]!, query.roomType);
    const busiest = new Map<string, number>();
    for (const { roomType, taken } of counts) busiest.set(roomType, Math.max(busiest.get(roomType) ?? 0, taken));

    const info = new Map(this.catalog.info(hotelId).map((r) => [r.id, r]));
    const currency = this.catalog.currency(hotelId);
    const offers: Offer[] = [];
    for (const room of candidates) {
      const available = room.rooms - (busiest.get(room.id) ?? 0);
      if (available <= 0) continue;
      const { name, description, capacity } = info.get(room.id)!;
      const quote = quoteStay(room, query.checkIn, query.checkOut, currency);
      offers.push({ roomType: room.id, name, ...(description ? { description } : {}), available, capacity, ...quote });
    }
    return offers.sort((a, b) => a.total.amount - b.total.amount || a.roomType.localeCompare(b.roomType));
  }

  async create(hotelId: string, request: BookingRequest): Promise<Booking> {
    assertText(hotelId, 'hotelId');
    assertRequest(request);
    const { stay } = request;
    const room = this.catalog.room(hotelId, stay.roomType);
    const nights = nightsOf(stay.checkIn, stay.checkOut);
    if (!room || room.rooms === 0 || !fitsParty(room, stay.adults, stay.children) || nights.length < minimumStay(room, stay.checkIn)) {
      throw new RoomUnavailableError(stay.roomType);
    }

    const existing = await this.storage.records.findByIdempotencyKey(hotelId, request.idempotencyKey);
    if (existing) return this.resume(existing);

    const quote = quoteStay(room, stay.checkIn, stay.checkOut, this.catalog.currency(hotelId));
    const roomName = this.catalog.info(hotelId).find((r) => r.id === room.id)?.name;
    const now = this.now();
    for (let attempt = 1; ; attempt++) {
      const record: BookingRecord = {
        hotelId,
        reference: newBookingReference(),
        idempotencyKey: request.idempotencyKey,
        status: 'pending',
        roomType: room.id,
        ...(roomName ? { roomName } : {}),
        checkIn: stay.checkIn,
        checkOut: stay.checkOut,
        nights: nights.length,
        adults: stay.adults,
        children: stay.children,
        guest: guestOf(request.guest),
        total: quote.total,
        nightly: quote.nightly,
        // Kept on the pending booking, so whoever finishes the saga knows to hold, not confirm.
        ...(request.holdUntil ? { holdExpiresAt: new Date(request.holdUntil) } : {}),
        released: false,
        createdAt: now,
        updatedAt: now,
      };
      try {
        await this.storage.records.insert(record);
      } catch (err) {
        if (!(err instanceof DuplicateBookingError)) throw err;
        // The same request won the race on another instance (or turn): that booking is this one.
        const winner = await this.storage.records.findByIdempotencyKey(hotelId, request.idempotencyKey);
        if (winner) return this.resume(winner);
        // Otherwise the random reference was taken: draw another.
        if (attempt >= REFERENCE_ATTEMPTS)
          throw new Error(`no free booking reference at ${hotelId} after ${attempt} attempts`, { cause: err });
        continue;
      }
      return this.complete(record);
    }
  }

  async get(hotelId: string, reference: string): Promise<Booking | undefined> {
    assertText(hotelId, 'hotelId');
    const record = await this.find(hotelId, reference);
    return record && toBooking(record);
  }

  async listForGuest(hotelId: string, identity: string, query: BookingListQuery = {}): Promise<readonly Booking[]> {
    assertText(hotelId, 'hotelId');
    assertText(identity, 'identity');
    return (await this.storage.records.listForGuest(hotelId, identity, listQuery(query))).map(toBooking);
  }

  async list(hotelId: string, query: BookingListQuery = {}): Promise<readonly Booking[]> {
    assertText(hotelId, 'hotelId');
    return (await this.storage.records.list(hotelId, listQuery(query))).map(toBooking);
  }

  async cancel(hotelId: string, reference: string, change: CancelChange): Promise<Booking> {
    assertText(hotelId, 'hotelId');
    const current = await this.find(hotelId, reference);
    if (!current) throw new BookingNotFoundError(reference);
    if (current.status === 'cancelled') {
      if (!current.released) await this.releaseNights(current);
      return toBooking(current);
    }
    if (current.status !== 'held' && current.status !== 'confirmed') throw new BookingStateError(current.reference, current.status);
    const changes = {
      released: false,
      cancelledBy: change.by,
      holdExpiresAt: null,
      ...(change.fee ? { cancellationFee: change.fee } : {}),
    };
    const now = this.now();
    const announced = writeEvent(
      'booking.cancelled',
      { booking: afterTransition(current, 'cancelled', changes, now), by: change.by, ...(change.fee ? { fee: change.fee } : {}) },
      { id: bookingEventId('booking.cancelled', current.reference) },
    );
    const cancelled = await this.storage.records.transition(hotelId, current.reference, ['held', 'confirmed'], 'cancelled', changes, now, [
      announced,
    ]);
    // It changed in between (confirmed, expired, cancelled elsewhere): decide again on what it is now.
    if (!cancelled) return this.cancel(hotelId, current.reference, change);
    await this.releaseNights(cancelled);
    this.logger.info({ hotelId, reference: cancelled.reference, by: change.by }, 'booking cancelled');
    return toBooking(cancelled);
  }

  async confirm(hotelId: string, reference: string): Promise<Booking> {
    assertText(hotelId, 'hotelId');
    const current = await this.find(hotelId, reference);
    if (!current) throw new BookingNotFoundError(reference);
    if (current.status === 'confirmed') return toBooking(current);
    if (current.status !== 'held') throw new BookingStateError(current.reference, current.status);
    // Still held means its nights are still ours, even if the hold ran out and the sweep has
    // not come by yet: taking the payment is better than turning it away.
    const now = this.now();
    const announced = writeEvent(
      'booking.confirmed',
      { booking: afterTransition(current, 'confirmed', { holdExpiresAt: null }, now) },
      { id: bookingEventId('booking.confirmed', current.reference) },
    );
    const confirmed = await this.storage.records.transition(
      hotelId,
      current.reference,
      ['held'],
      'confirmed',
      { holdExpiresAt: null },
      now,
      [announced],
    );
    if (!confirmed) return this.confirm(hotelId, current.reference);
    this.logger.info({ hotelId, reference: confirmed.reference }, 'held booking confirmed');
    return toBooking(confirmed);
  }

  async expireHolds(hotelId: string, now: Date = this.now()): Promise<readonly Booking[]> {
    assertText(hotelId, 'hotelId');
    const expired: Booking[] = [];
    for (let batch = 0; batch < SWEEP_MAX_BATCHES; batch++) {
      const due = await this.storage.records.expiredHolds(hotelId, now, SWEEP_BATCH);
      for (const hold of due) {
        const announced = writeEvent(
          'booking.expired',
          { booking: afterTransition(hold, 'expired', { released: false }, now) },
          { id: bookingEventId('booking.expired', hold.reference) },
        );
        const moved = await this.storage.records.transition(hotelId, hold.reference, ['held'], 'expired', { released: false }, now, [
          announced,
        ]);
        if (!moved) continue; // confirmed or cancelled meanwhile
        await this.releaseNights(moved);
        expired.push(toBooking(moved));
      }
      if (due.length < SWEEP_BATCH) break;
    }
    if (expired.length > 0) this.logger.info({ hotelId, references: expired.map((b) => b.reference) }, 'holds expired');
    return expired;
  }

  async recover(hotelId: string, now: Date = this.now()): Promise<void> {
    assertText(hotelId, 'hotelId');
    const createdBefore = new Date(now.getTime() - this.pendingGraceMs);
    for (let batch = 0; batch < SWEEP_MAX_BATCHES; batch++) {
      const stale = await this.storage.records.stalePending(hotelId, createdBefore, SWEEP_BATCH);
      for (const booking of stale) {
        const failed = await this.storage.records.transition(hotelId, booking.reference, ['pending'], 'failed', { released: false }, now);
        if (!failed) continue; // its create finished meanwhile
        await this.releaseNights(failed);
        this.logger.warn({ hotelId, reference: failed.reference }, 'interrupted booking failed and its nights released');
      }
      if (stale.length < SWEEP_BATCH) break;
    }
    for (let batch = 0; batch < SWEEP_MAX_BATCHES; batch++) {
      const unreleased = await this.storage.records.unreleased(hotelId, SWEEP_BATCH);
      for (const booking of unreleased) {
        await this.releaseNights(booking);
        this.logger.warn({ hotelId, reference: booking.reference, status: booking.status }, 'released nights a crash left taken');
      }
      if (unreleased.length < SWEEP_BATCH) break;
    }
    const last = this.lastAudit.get(hotelId);
    if (last === undefined || now.getTime() - last >= this.auditIntervalMs) {
      this.lastAudit.set(hotelId, now.getTime());
      await this.auditNights(hotelId, now);
    }
  }

  /**
   * Frees nights still held by bookings that are over. The sweeps above only see bookings not
   * yet marked released, but two creates racing on one idempotency key can retake a night for
   * a booking the other one already failed and released; if that process dies before giving it
   * back, nothing else would ever put the room on sale again. Releasing for a booking in a
   * final state is always safe: it never becomes active again.
   */
  private async auditNights(hotelId: string, now: Date): Promise<void> {
    // From yesterday in UTC, so the hotel's today is covered whatever its time zone; past nights no longer sell.
    const held = holdersOf(await this.storage.inventory.held(hotelId, addDays(todayIn('UTC', now), -1)));
    if (held.size === 0) return;
    const records = await this.storage.records.findByReferences(hotelId, [...held.keys()]);
    const known = new Map(records.map((record) => [record.reference, record]));
    for (const [holder, nights] of held) {
      const record = known.get(holder);
      if (!record || !FINAL_STATUSES.includes(record.status)) continue;
      for (const [roomType, dates] of nights) await this.storage.inventory.release(hotelId, roomType, dates, holder);
      this.logger.warn({ hotelId, reference: holder, status: record.status }, 'released nights still held by a booking that is over');
    }
    // Left alone: a night records no time its holder came, so an unknown holder's age, and with it
    // whether it may still be a create in progress, cannot be told. Bookings are written before
    // their nights are taken and never deleted, so this needs a person to look.
    const unknown = [...held.keys()].filter((holder) => !known.has(holder));
    if (unknown.length > 0) this.logger.warn({ hotelId, holders: unknown }, 'nights held by references without a booking left alone');
  }

  // The saga ---------------------------------------------------------------------

  /** An existing booking for the idempotency key: finish it if its saga is still open. */
  private async resume(record: BookingRecord): Promise<Booking> {
    if (record.status === 'pending') return this.complete(record);
    // The same request failed before: it fails again, rather than hand back a booking that is none.
    if (record.status === 'failed') throw new RoomUnavailableError(record.roomType);
    return toBooking(record);
  }

  /** Takes the nights of a pending booking, then holds or confirms it. */
  private async complete(record: BookingRecord): Promise<Booking> {
    const { hotelId, reference, roomType } = record;
    // The catalogue's current count: a changed room count applies without migrating night data.
    const capacity = this.catalog.room(hotelId, roomType)?.rooms ?? 0;
    const taken = await this.storage.inventory.take(hotelId, roomType, this.nightsOf(record), reference, capacity);
    if (!taken.ok) return this.abandon(record);
    const next: BookingStatus = record.holdExpiresAt ? 'held' : 'confirmed';
    const done = await this.storage.records.transition(hotelId, reference, ['pending'], next, {}, this.now());
    if (done) {
      this.logger.info({ hotelId, reference, roomType, checkIn: record.checkIn, nights: record.nights, status: next }, 'booking created');
      return toBooking(done);
    }
    return this.settleLost(record);
  }

  /** No room on some night: record the failure first, only then give back the nights taken so far. */
  private async abandon(record: BookingRecord): Promise<Booking> {
    const failed = await this.storage.records.transition(
      record.hotelId,
      record.reference,
      ['pending'],
      'failed',
      { released: false },
      this.now(),
    );
    if (!failed) return this.settleLost(record);
    await this.releaseNights(failed);
    throw new RoomUnavailableError(record.roomType);
  }

  /**
   * The pending booking moved on without us: a concurrent create with the same idempotency key
   * finished it (its nights are held under the same reference, so it is ours to return), or
   * `recover` failed it while we were slow (we may have taken nights after its release).
   */
  private async settleLost(record: BookingRecord): Promise<Booking> {
    const current = await this.storage.records.get(record.hotelId, record.reference);
    if (!current || current.status === 'pending') throw new RoomUnavailableError(record.roomType);
    if (FINAL_STATUSES.includes(current.status)) await this.releaseNights(current);
    return this.resume(current);
  }

  /** For a booking recorded in a final state: nights back, then noted as done (repeatable). */
  private async releaseNights(record: BookingRecord): Promise<void> {
    await this.storage.inventory.release(record.hotelId, record.roomType, this.nightsOf(record), record.reference);
    await this.storage.records.markReleased(record.hotelId, record.reference, this.now());
  }

  // Helpers ------------------------------------------------------------------------

  private nightsOf(record: Pick<Booking, 'checkIn' | 'checkOut'>): string[] {
    return nightsOf(record.checkIn, record.checkOut);
  }

  private async find(hotelId: string, reference: string): Promise<BookingRecord | undefined> {
    assertText(reference, 'reference');
    const normalized = normalizeBookingReference(reference);
    return normalized === undefined ? undefined : this.storage.records.get(hotelId, normalized);
  }

  private roomTypeEntries(hotelId: string): RoomTypeEntry[] {
    const currency = this.catalog.currency(hotelId);
    const rooms = new Map(this.catalog.rooms(hotelId).map((r) => [r.id, r]));
    return this.catalog.info(hotelId).map((info) => {
      const room = rooms.get(info.id)!;
      return {
        id: info.id,
        name: info.name,
        ...(info.description ? { description: info.description } : {}),
        adults: info.capacity.adults,
        children: info.capacity.children,
        rooms: info.rooms,
        minStay: info.minStay,
        rate: room.rate,
        currency: room.currency ?? currency,
      };
    });
  }
}

/** The guest's details without absent fields, so memory and MongoDB hand back the same object. */
function guestOf(guest: BookingGuest): BookingGuest {
  return Object.fromEntries(Object.entries(guest).filter(([, v]) => v !== undefined)) as unknown as BookingGuest;
}

/** Holder → room type → the nights it holds there. */
function holdersOf(nights: readonly NightUsage[]): Map<string, Map<string, string[]>> {
  const held = new Map<string, Map<string, string[]>>();
  for (const { roomType, date, holders } of nights) {
    for (const holder of holders) {
      const byType = held.get(holder) ?? new Map<string, string[]>();
      byType.set(roomType, [...(byType.get(roomType) ?? []), date]);
      held.set(holder, byType);
    }
  }
  return held;
}

/** Children may take an adult's place, never the other way round. */
function fitsParty(room: RoomTypeOptions, adults: number, children: number): boolean {
  return adults <= room.adults && adults + children <= room.adults + room.children;
}

function listQuery(query: BookingListQuery): RecordListQuery {
  if (query.from !== undefined && !isCalendarDate(query.from)) throw new RangeError(`from: expected YYYY-MM-DD, got "${query.from}"`);
  if (query.to !== undefined && !isCalendarDate(query.to)) throw new RangeError(`to: expected YYYY-MM-DD, got "${query.to}"`);
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? LIST_LIMIT.fallback), 1), LIST_LIMIT.max);
  return {
    ...(query.from !== undefined ? { from: query.from } : {}),
    ...(query.to !== undefined ? { to: query.to } : {}),
    ...(query.statuses !== undefined ? { statuses: [...query.statuses] } : {}),
    limit: Number.isFinite(limit) ? limit : LIST_LIMIT.fallback,
  };
}

/** Strings only: an object here could become a query operator in MongoDB. */
function assertText(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) throw new TypeError(`${name}: expected a non-empty string`);
}

function assertStay(stay: StayQuery): void {
  if (!isCalendarDate(stay.checkIn) || !isCalendarDate(stay.checkOut)) {
    throw new RangeError(`stay: expected YYYY-MM-DD dates, got "${stay.checkIn}" to "${stay.checkOut}"`);
  }
  if (stay.checkOut <= stay.checkIn) throw new RangeError(`stay: check-out ${stay.checkOut} is not after check-in ${stay.checkIn}`);
  if (!Number.isInteger(stay.adults) || stay.adults < 1) throw new RangeError(`stay: expected at least one adult, got ${stay.adults}`);
  if (!Number.isInteger(stay.children) || stay.children < 0) throw new RangeError(`stay: invalid number of children ${stay.children}`);
  if (stay.roomType !== undefined) assertText(stay.roomType, 'stay.roomType');
}

function assertRequest(request: BookingRequest): void {
  assertText(request.idempotencyKey, 'idempotencyKey');
  if (request.idempotencyKey.length > IDEMPOTENCY_KEY_MAX)
    throw new RangeError(`idempotencyKey: longer than ${IDEMPOTENCY_KEY_MAX} characters`);
  assertStay(request.stay);
  assertText(request.stay.roomType, 'stay.roomType');
  assertText(request.guest?.phone, 'guest.phone');
  if (typeof request.guest.name !== 'string') throw new TypeError('guest.name: expected a string');
  if (request.holdUntil !== undefined && !(request.holdUntil instanceof Date && !Number.isNaN(request.holdUntil.getTime()))) {
    throw new TypeError('holdUntil: expected a valid Date');
  }
}

/**
 * The booking a status transition will write, for the event recorded with that write (the event
 * must be staged before the write, so it is built from what the write will make).
 */
function afterTransition(record: BookingRecord, to: BookingStatus, changes: TransitionChanges, now: Date): Booking {
  const next: Record<string, unknown> = { ...record, status: to, updatedAt: now };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return toBooking(next as unknown as BookingRecord);
}
