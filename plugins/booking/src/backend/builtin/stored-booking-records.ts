import {
  DuplicateKeyError,
  Schema,
  type Filter,
  type PluginCollection,
  type PluginStorage,
  type Sort,
  type Stored,
  type WriteEvent,
} from '@hotello/core';
import type { BookingGuest, BookingStatus } from '../../domain/booking';
import type { Money } from '../../domain/money';
import {
  DuplicateBookingError,
  FINAL_STATUSES,
  type BookingRecord,
  type BookingRecords,
  type RecordListQuery,
  type TransitionChanges,
} from './booking-records';
import { storeCall } from './store-calls';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type BookingDoc = Mutable<BookingRecord>;

const STATUSES: BookingStatus[] = ['pending', 'held', 'confirmed', 'cancelled', 'expired', 'failed'];

const moneySchema = new Schema({ amount: { type: Number, required: true }, currency: { type: String, required: true } }, { _id: false });

const bookingSchema = new Schema({
  reference: { type: String, required: true },
  idempotencyKey: { type: String, required: true },
  status: { type: String, required: true, enum: STATUSES },
  roomType: { type: String, required: true },
  roomName: { type: Schema.Types.Mixed },
  checkIn: { type: String, required: true },
  checkOut: { type: String, required: true },
  nights: { type: Number, required: true },
  adults: { type: Number, required: true },
  children: { type: Number, required: true },
  guest: {
    type: new Schema(
      { phone: { type: String, required: true }, identity: String, name: String, email: String, channelId: String, language: String },
      { _id: false },
    ),
    required: true,
  },
  total: { type: moneySchema, required: true },
  nightly: { type: [new Schema({ date: String, amount: Number }, { _id: false })], required: true },
  holdExpiresAt: Date,
  cancellationFee: moneySchema,
  cancelledBy: { type: String, enum: ['guest', 'staff'] },
  released: { type: Boolean, required: true },
  createdAt: { type: Date, required: true },
  updatedAt: { type: Date, required: true },
});

/** Declares `booking_Booking`, unique per hotel on reference and on idempotency key. */
export function defineBookings(storage: PluginStorage): PluginCollection<BookingDoc> {
  return storage.define<BookingDoc>('Booking', bookingSchema, {
    indexes: [
      { fields: { reference: 1 }, unique: true },
      { fields: { idempotencyKey: 1 }, unique: true },
      { fields: { 'guest.phone': 1, checkIn: 1 } },
      { fields: { 'guest.identity': 1, checkIn: 1 } },
      { fields: { status: 1, checkIn: 1 } },
    ],
  });
}

const BY_CHECK_IN = { checkIn: 1, reference: 1 } as const;

/** Bookings as stored documents; every change is one conditional update of one booking. */
export class StoredBookingRecords implements BookingRecords {
  constructor(private readonly bookings: PluginCollection<BookingDoc>) {}

  async insert(record: BookingRecord): Promise<void> {
    try {
      await storeCall('insert booking', 'write', () => this.bookings.forHotel(record.hotelId).insertOne(withoutUndefined({ ...record })));
    } catch (err) {
      if (err instanceof DuplicateKeyError) throw new DuplicateBookingError(record.hotelId, record.reference, err);
      throw err;
    }
  }

  async get(hotelId: string, reference: string): Promise<BookingRecord | undefined> {
    return this.one('get booking', hotelId, { reference });
  }

  async findByIdempotencyKey(hotelId: string, idempotencyKey: string): Promise<BookingRecord | undefined> {
    return this.one('find booking by idempotency key', hotelId, { idempotencyKey });
  }

  async findByReferences(hotelId: string, references: readonly string[]): Promise<BookingRecord[]> {
    const wanted = [...new Set(references)];
    if (wanted.length === 0) return [];
    return this.many('find bookings by reference', hotelId, { reference: { $in: wanted } }, { reference: 1 }, wanted.length);
  }

  async transition(
    hotelId: string,
    reference: string,
    from: readonly BookingStatus[],
    to: BookingStatus,
    changes: TransitionChanges,
    now: Date,
    events?: readonly WriteEvent[],
  ): Promise<BookingRecord | undefined> {
    const $set: Record<string, unknown> = { status: to, updatedAt: now };
    const $unset: Record<string, ''> = {};
    for (const [field, value] of Object.entries(changes)) {
      if (value === null) $unset[field] = '';
      else if (value !== undefined) $set[field] = value;
    }
    const doc = await storeCall('change booking status', 'write', () =>
      this.bookings
        .forHotel(hotelId)
        .findOneAndUpdate({ reference, status: { $in: [...from] } }, Object.keys($unset).length > 0 ? { $set, $unset } : { $set }, {
          events,
        }),
    );
    return doc ? toRecord(doc) : undefined;
  }

  async markReleased(hotelId: string, reference: string, now: Date): Promise<void> {
    await storeCall('mark booking released', 'write', () =>
      this.bookings
        .forHotel(hotelId)
        .updateOne({ reference, status: { $in: [...FINAL_STATUSES] }, released: false }, { $set: { released: true, updatedAt: now } }),
    );
  }

  async listForGuest(hotelId: string, identity: string, query: RecordListQuery): Promise<BookingRecord[]> {
    return this.many('list guest bookings', hotelId, { ...listFilter(query), ...ownedBy(identity) }, BY_CHECK_IN, query.limit);
  }

  async list(hotelId: string, query: RecordListQuery): Promise<BookingRecord[]> {
    return this.many('list bookings', hotelId, listFilter(query), BY_CHECK_IN, query.limit);
  }

  async expiredHolds(hotelId: string, now: Date, limit: number): Promise<BookingRecord[]> {
    return this.many('find expired holds', hotelId, { status: 'held', holdExpiresAt: { $lte: now } }, { holdExpiresAt: 1 }, limit);
  }

  async stalePending(hotelId: string, createdBefore: Date, limit: number): Promise<BookingRecord[]> {
    return this.many(
      'find stale pending bookings',
      hotelId,
      { status: 'pending', createdAt: { $lte: createdBefore } },
      { createdAt: 1 },
      limit,
    );
  }

  async unreleased(hotelId: string, limit: number): Promise<BookingRecord[]> {
    return this.many(
      'find unreleased bookings',
      hotelId,
      { status: { $in: [...FINAL_STATUSES] }, released: false },
      { createdAt: 1 },
      limit,
    );
  }

  private async one(operation: string, hotelId: string, filter: Filter<BookingDoc>): Promise<BookingRecord | undefined> {
    const doc = await storeCall(operation, 'read', () => this.bookings.forHotel(hotelId).findOne(filter));
    return doc ? toRecord(doc) : undefined;
  }

  private async many(operation: string, hotelId: string, filter: Filter<BookingDoc>, sort: Sort, limit: number): Promise<BookingRecord[]> {
    const docs = await storeCall(operation, 'read', () => this.bookings.forHotel(hotelId).find(filter, { sort, limit }));
    return docs.map(toRecord);
  }
}

/**
 * `ownerOf(guest) === identity` as a query. `guest.identity: null` also matches documents
 * without the field — every booking made on a WhatsApp channel, including those stored before
 * identities existed — so they stay their number's without a migration.
 */
function ownedBy(identity: string): Filter<BookingDoc> {
  return { $or: [{ 'guest.identity': identity }, { 'guest.identity': null, 'guest.phone': identity }] };
}

function listFilter(query: RecordListQuery): Filter<BookingDoc> {
  const filter: Record<string, unknown> = {};
  if (query.from !== undefined) filter.checkOut = { $gt: query.from };
  if (query.to !== undefined) filter.checkIn = { $lt: query.to };
  if (query.statuses !== undefined) filter.status = { $in: [...query.statuses] };
  return filter as Filter<BookingDoc>;
}

/** The stored document as a record: known fields only (no `_id`), optional ones only when present. */
function toRecord(doc: Stored<BookingDoc>): BookingRecord {
  const guest: BookingGuest = withoutUndefined({
    phone: doc.guest.phone,
    identity: doc.guest.identity ?? undefined,
    name: doc.guest.name ?? '',
    email: doc.guest.email ?? undefined,
    channelId: doc.guest.channelId ?? undefined,
    language: doc.guest.language ?? undefined,
  });
  return withoutUndefined({
    hotelId: doc.hotelId,
    reference: doc.reference,
    idempotencyKey: doc.idempotencyKey,
    status: doc.status,
    roomType: doc.roomType,
    roomName: doc.roomName ?? undefined,
    checkIn: doc.checkIn,
    checkOut: doc.checkOut,
    nights: doc.nights,
    adults: doc.adults,
    children: doc.children,
    guest,
    total: money(doc.total),
    nightly: doc.nightly.map(({ date, amount }) => ({ date, amount })),
    holdExpiresAt: doc.holdExpiresAt ?? undefined,
    cancellationFee: doc.cancellationFee ? money(doc.cancellationFee) : undefined,
    cancelledBy: doc.cancelledBy ?? undefined,
    released: doc.released,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  });
}

function money(value: Money): Money {
  return { amount: value.amount, currency: value.currency };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
