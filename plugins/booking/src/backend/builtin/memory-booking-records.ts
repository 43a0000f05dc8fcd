import { setImmediate as nextTurn } from 'node:timers/promises';
import type { BookingStatus } from '../../domain/booking';
import { ownerOf } from '../../domain/booking-owner';
import {
  byCheckIn,
  DuplicateBookingError,
  FINAL_STATUSES,
  type BookingRecord,
  type BookingRecords,
  type RecordListQuery,
  type TransitionChanges,
} from './booking-records';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface HotelBookings {
  readonly byReference: Map<string, BookingRecord>;
  readonly byIdempotencyKey: Map<string, string>;
}

/**
 * Bookings in process memory (the embedded default). Records are copied in and out, so
 * callers never share an object with the store; each call yields once, like a round trip.
 */
export class MemoryBookingRecords implements BookingRecords {
  private readonly hotels = new Map<string, HotelBookings>();

  async insert(record: BookingRecord): Promise<void> {
    await nextTurn();
    const hotel = this.hotel(record.hotelId);
    if (hotel.byReference.has(record.reference) || hotel.byIdempotencyKey.has(record.idempotencyKey)) {
      throw new DuplicateBookingError(record.hotelId, record.reference);
    }
    hotel.byReference.set(record.reference, structuredClone(record));
    hotel.byIdempotencyKey.set(record.idempotencyKey, record.reference);
  }

  async get(hotelId: string, reference: string): Promise<BookingRecord | undefined> {
    await nextTurn();
    return copy(this.hotels.get(hotelId)?.byReference.get(reference));
  }

  async findByIdempotencyKey(hotelId: string, idempotencyKey: string): Promise<BookingRecord | undefined> {
    await nextTurn();
    const hotel = this.hotels.get(hotelId);
    const reference = hotel?.byIdempotencyKey.get(idempotencyKey);
    return reference === undefined ? undefined : copy(hotel?.byReference.get(reference));
  }

  async findByReferences(hotelId: string, references: readonly string[]): Promise<BookingRecord[]> {
    const wanted = new Set(references);
    return this.select(
      hotelId,
      (r) => wanted.has(r.reference),
      (a, b) => a.reference.localeCompare(b.reference),
      wanted.size,
    );
  }

  async transition(
    hotelId: string,
    reference: string,
    from: readonly BookingStatus[],
    to: BookingStatus,
    changes: TransitionChanges,
    now: Date,
  ): Promise<BookingRecord | undefined> {
    await nextTurn();
    const hotel = this.hotels.get(hotelId);
    const current = hotel?.byReference.get(reference);
    if (!hotel || !current || !from.includes(current.status)) return undefined;
    const next: Mutable<BookingRecord> = { ...structuredClone(current), status: to, updatedAt: new Date(now) };
    for (const [field, value] of Object.entries(changes) as [keyof TransitionChanges, unknown][]) {
      if (value === undefined) continue;
      if (value === null) delete next[field];
      else (next as Record<string, unknown>)[field] = structuredClone(value);
    }
    hotel.byReference.set(reference, next);
    return copy(next);
  }

  async markReleased(hotelId: string, reference: string, now: Date): Promise<void> {
    await nextTurn();
    const hotel = this.hotels.get(hotelId);
    const current = hotel?.byReference.get(reference);
    if (!hotel || !current || current.released || !FINAL_STATUSES.includes(current.status)) return;
    hotel.byReference.set(reference, { ...current, released: true, updatedAt: new Date(now) });
  }

  async listForGuest(hotelId: string, identity: string, query: RecordListQuery): Promise<BookingRecord[]> {
    return this.select(hotelId, (r) => ownerOf(r.guest) === identity && matchesList(r, query), byCheckIn, query.limit);
  }

  async list(hotelId: string, query: RecordListQuery): Promise<BookingRecord[]> {
    return this.select(hotelId, (r) => matchesList(r, query), byCheckIn, query.limit);
  }

  async expiredHolds(hotelId: string, now: Date, limit: number): Promise<BookingRecord[]> {
    return this.select(
      hotelId,
      (r) => r.status === 'held' && r.holdExpiresAt !== undefined && r.holdExpiresAt <= now,
      (a, b) => a.holdExpiresAt!.getTime() - b.holdExpiresAt!.getTime(),
      limit,
    );
  }

  async stalePending(hotelId: string, createdBefore: Date, limit: number): Promise<BookingRecord[]> {
    return this.select(hotelId, (r) => r.status === 'pending' && r.createdAt <= createdBefore, byCreatedAt, limit);
  }

  async unreleased(hotelId: string, limit: number): Promise<BookingRecord[]> {
    return this.select(hotelId, (r) => FINAL_STATUSES.includes(r.status) && !r.released, byCreatedAt, limit);
  }

  private async select(
    hotelId: string,
    matches: (record: BookingRecord) => boolean,
    order: (a: BookingRecord, b: BookingRecord) => number,
    limit: number,
  ): Promise<BookingRecord[]> {
    await nextTurn();
    const records = [...(this.hotels.get(hotelId)?.byReference.values() ?? [])];
    return records
      .filter(matches)
      .sort(order)
      .slice(0, limit)
      .map((r) => structuredClone(r));
  }

  private hotel(hotelId: string): HotelBookings {
    let hotel = this.hotels.get(hotelId);
    if (!hotel) {
      hotel = { byReference: new Map(), byIdempotencyKey: new Map() };
      this.hotels.set(hotelId, hotel);
    }
    return hotel;
  }
}

function matchesList(record: BookingRecord, query: RecordListQuery): boolean {
  if (query.from !== undefined && !(record.checkOut > query.from)) return false;
  if (query.to !== undefined && !(record.checkIn < query.to)) return false;
  if (query.statuses !== undefined && !query.statuses.includes(record.status)) return false;
  return true;
}

function byCreatedAt(a: BookingRecord, b: BookingRecord): number {
  return a.createdAt.getTime() - b.createdAt.getTime();
}

function copy(record: BookingRecord | undefined): BookingRecord | undefined {
  return record === undefined ? undefined : structuredClone(record);
}
