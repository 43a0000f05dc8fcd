import { Schema, Types } from 'mongoose';
import { DuplicateKeyError } from '../../src/store/collections/errors';
import { createPluginStorage } from '../../src/store/collections/plugin-storage';
import type { HotelCollection, NewDocument, PluginCollection, PluginStorage } from '../../src/store/collections/collection-types';
import { StoreValidationError, type ConversationStore } from '../../src/store/conversation-store';

/** What the suite needs from a store: opened, and a way to dispose of it. */
export interface CollectionsSubject {
  store: ConversationStore;
  dispose(): Promise<void>;
}

/** A night of one room type: the booking plugin's inventory shape (one document per night). */
interface Night {
  roomType: string;
  date: string;
  taken: number;
  holders?: string[];
}

interface Booking {
  ref: string;
  guest: string;
  status: 'held' | 'confirmed' | 'cancelled';
  checkIn: Date;
  nights: number;
  idempotencyKey: string;
  tags: string[];
  note?: string;
  extras?: { item: string; qty: number }[];
}

interface Counter {
  month: string;
  calls: number;
  costUsd: number;
  firstAt?: Date;
}

const nightSchema = new Schema({
  roomType: { type: String, required: true },
  date: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
  taken: { type: Number, required: true, min: 0 },
  holders: { type: [String], default: undefined },
});

const bookingSchema = new Schema({
  ref: { type: String, required: true },
  guest: { type: String, required: true },
  status: { type: String, required: true, enum: ['held', 'confirmed', 'cancelled'], default: 'held' },
  checkIn: { type: Date, required: true },
  nights: { type: Number, required: true, min: 1, max: 30 },
  idempotencyKey: { type: String, required: true },
  tags: { type: [String], default: [] },
  note: { type: String, maxlength: 200 },
  extras: {
    type: [new Schema({ item: { type: String, required: true }, qty: { type: Number, min: 1 } }, { _id: false })],
    default: undefined,
  },
});

const counterSchema = new Schema({
  month: { type: String, required: true },
  calls: { type: Number, default: 0 },
  costUsd: { type: Number, default: 0 },
  firstAt: Date,
});

let counter = 0;
/** Each test works under its own hotels, so tests sharing one store never see each other. */
function hotelId(): string {
  counter += 1;
  return `h${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** An object with an own, enumerable property named `name` — also for `__proto__`, which a literal would not create. */
function withOwnKey(base: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> {
  const out = { ...base };
  Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

const day = (d: string) => new Date(`${d}T00:00:00Z`);

/** A booking to insert; `status` and `tags` are left to the schema's defaults unless given. */
function booking(ref: string, extra: Partial<Booking> = {}): NewDocument<Booking> {
  return {
    ref,
    guest: '+254700000001',
    checkIn: day('2025-06-01'),
    nights: 2,
    idempotencyKey: `key-${ref}`,
    ...extra,
  } as NewDocument<Booking>;
}

/**
 * One contract for plugin collections, run against every store: the memory store (mingo),
 * FerretDB v1 (the compatibility target) and mongo-java-server. What a plugin may rely on is
 * exactly what passes here on all three.
 */
export function describePluginCollectionsContract(name: string, make: () => Promise<CollectionsSubject>): void {
  describe(`plugin collections: ${name}`, () => {
    let subject: CollectionsSubject;
    let storage: PluginStorage;
    let nights: PluginCollection<Night>;
    let bookings: PluginCollection<Booking>;
    let counters: PluginCollection<Counter>;

    beforeAll(async () => {
      subject = await make();
      storage = createPluginStorage('contract', subject.store.pluginCollections);
      nights = storage.define<Night>('nights', nightSchema, { indexes: [{ fields: { roomType: 1, date: 1 }, unique: true }] });
      bookings = storage.define<Booking>('bookings', bookingSchema, {
        indexes: [{ fields: { idempotencyKey: 1 }, unique: true }, { fields: { guest: 1, checkIn: 1 } }],
      });
      counters = storage.define<Counter>('counters', counterSchema, { indexes: [{ fields: { month: 1 }, unique: true }] });
      await subject.store.pluginCollections.ready();
    }, 60_000);
    afterAll(() => subject?.dispose());

    let hotel: string;
    let B: HotelCollection<Booking>;
    let N: HotelCollection<Night>;
    beforeEach(() => {
      hotel = hotelId();
      B = bookings.forHotel(hotel);
      N = nights.forHotel(hotel);
    });

    describe('declaring', () => {
      it('names collections <plugin>_<name> and refuses a second definition', () => {
        expect(bookings.name).toBe('contract_bookings');
        expect(() => storage.define('bookings', bookingSchema)).toThrow(StoreValidationError);
      });

      it('wants indexes in the options, where core can lead them with hotelId', () => {
        const indexed = new Schema({ code: { type: String, unique: true } });
        expect(() => storage.define('indexed', indexed)).toThrow(/declare indexes/);
        expect(() => storage.define('stamped', new Schema({ a: String }, { timestamps: true }))).toThrow(/timestamps/);
        expect(() => storage.define('bad', new Schema({ a: String }), { indexes: [{ fields: { hotelId: 1 } }] })).toThrow(/hotelId/);
        expect(() => storage.define('tags', new Schema({ t: [String] }), { indexes: [{ fields: { t: 1 }, unique: true }] })).toThrow(
          /array/,
        );
        expect(() => storage.define('Bad Name!', new Schema({}))).toThrow(StoreValidationError);
      });

      it('refuses an invalid hotel id', () => {
        expect(() => bookings.forHotel('Not A Hotel')).toThrow(StoreValidationError);
        expect(() => bookings.forHotel({ $ne: null } as unknown as string)).toThrow(StoreValidationError);
      });
    });

    describe('inserting', () => {
      it('stores the cast, validated document with its _id and hotel, defaults applied', async () => {
        const stored = await B.insertOne({ ...booking('A1'), nights: '3' as unknown as number, checkIn: '2025-06-01' as unknown as Date });
        expect(stored).toEqual({
          _id: expect.any(Types.ObjectId),
          hotelId: hotel,
          ref: 'A1',
          guest: '+254700000001',
          status: 'held',
          checkIn: day('2025-06-01'),
          nights: 3,
          idempotencyKey: 'key-A1',
          tags: [],
        });
        expect(await B.findOne({ _id: stored._id })).toEqual(stored);
        expect(await B.findOne({ _id: stored._id.toHexString() as unknown as Types.ObjectId })).toEqual(stored);
      });

      it('inserts many in order; a duplicate stops the batch and the ones before stay', async () => {
        await B.insertOne(booking('D0', { idempotencyKey: 'dup' }));
        const attempt = B.insertMany([booking('D1'), booking('D2', { idempotencyKey: 'dup' }), booking('D3')]);
        await expect(attempt).rejects.toBeInstanceOf(DuplicateKeyError);
        expect((await B.find({}, { sort: { ref: 1 } })).map((b) => b.ref)).toEqual(['D0', 'D1']);
        expect(await B.insertMany([])).toEqual([]);
      });

      it('validates every document before storing any', async () => {
        await expect(B.insertMany([booking('V1'), booking('V2', { nights: 0 })])).rejects.toBeInstanceOf(StoreValidationError);
        expect(await B.countDocuments()).toBe(0);
      });

      it('keeps a unique key once under concurrent inserts (an idempotency key)', async () => {
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) => B.insertOne(booking(`C${i}`, { idempotencyKey: 'tap' }))),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results.filter((x): x is PromiseRejectedResult => x.status === 'rejected'))
          expect(r.reason).toBeInstanceOf(DuplicateKeyError);
        expect(await B.countDocuments({ idempotencyKey: 'tap' })).toBe(1);
      });

      it('holds unique keys per hotel, compound ones on all their fields', async () => {
        const other = bookings.forHotel(hotelId());
        await B.insertOne(booking('U1', { idempotencyKey: 'same' }));
        await other.insertOne(booking('U1', { idempotencyKey: 'same' }));
        await N.insertOne({ roomType: 'double', date: '2025-06-01', taken: 0 });
        await N.insertOne({ roomType: 'single', date: '2025-06-01', taken: 0 });
        await N.insertOne({ roomType: 'double', date: '2025-06-02', taken: 0 });
        await expect(N.insertOne({ roomType: 'double', date: '2025-06-01', taken: 5 })).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await N.countDocuments()).toBe(3);
      });

      it('refuses a second document with the same _id', async () => {
        const first = await B.insertOne(booking('I1'));
        await expect(B.insertOne({ ...booking('I2'), _id: first._id })).rejects.toBeInstanceOf(DuplicateKeyError);
      });
    });

    describe('finding', () => {
      beforeEach(async () => {
        await B.insertMany([
          booking('F1', { checkIn: day('2025-06-01'), nights: 1, tags: ['vip', 'late'], status: 'confirmed' }),
          booking('F2', { checkIn: day('2025-06-10'), nights: 3, tags: ['late'], guest: '+254700000002' }),
          booking('F3', { checkIn: day('2025-07-01'), nights: 5, tags: [], note: 'Sea view please', extras: [{ item: 'crib', qty: 1 }] }),
          booking('F4', { checkIn: day('2025-06-20'), nights: 2, tags: ['vip'], status: 'cancelled', extras: [{ item: 'bed', qty: 2 }] }),
        ]);
      });
      const refs = async (filter: object, options: object = {}) =>
        (await B.find(filter as never, { sort: { ref: 1 }, ...options })).map((b) => (b as Booking).ref);

      it('lists by guest and date range, sorted, with skip and limit', async () => {
        expect(await refs({ guest: '+254700000001', checkIn: { $gte: day('2025-06-01'), $lt: day('2025-07-01') } })).toEqual(['F1', 'F4']);
        expect(await refs({ checkIn: { $gte: '2025-06-05' } })).toEqual(['F2', 'F3', 'F4']);
        expect(await refs({}, { sort: { checkIn: -1 } })).toEqual(['F3', 'F4', 'F2', 'F1']);
        expect(await refs({}, { sort: { status: 1, nights: -1 } })).toEqual(['F4', 'F1', 'F3', 'F2']);
        expect(await refs({}, { sort: { checkIn: 1 }, skip: 1, limit: 2 })).toEqual(['F2', 'F4']);
      });

      it('understands the comparison, logical, element and array operators', async () => {
        expect(await refs({ status: { $in: ['held', 'cancelled'] } })).toEqual(['F2', 'F3', 'F4']);
        expect(await refs({ status: { $nin: ['held'] } })).toEqual(['F1', 'F4']);
        expect(await refs({ status: { $ne: 'held' }, nights: { $lte: 1 } })).toEqual(['F1']);
        expect(await refs({ $or: [{ nights: { $gt: 4 } }, { status: 'confirmed' }] })).toEqual(['F1', 'F3']);
        expect(await refs({ $and: [{ nights: { $gte: 2 } }, { nights: { $lt: 5 } }] })).toEqual(['F2', 'F4']);
        expect(await refs({ $nor: [{ status: 'held' }, { nights: 1 }] })).toEqual(['F4']);
        expect(await refs({ note: { $exists: true } })).toEqual(['F3']);
        expect(await refs({ note: { $exists: false } })).toEqual(['F1', 'F2', 'F4']);
        expect(await refs({ tags: 'vip' })).toEqual(['F1', 'F4']);
        expect(await refs({ tags: { $all: ['vip', 'late'] } })).toEqual(['F1']);
        expect(await refs({ tags: { $size: 0 } })).toEqual(['F3']);
        expect(await refs({ tags: { $elemMatch: { $gte: 'l', $lt: 'm' } } })).toEqual(['F1', 'F2']);
        expect(await refs({ 'extras.qty': { $gte: 2 } })).toEqual(['F4']);
        expect(await refs({ 'extras.item': 'crib' })).toEqual(['F3']);
        expect(await refs({ note: { $regex: 'sea', $options: 'i' } })).toEqual(['F3']);
        expect(await refs({ note: /view/ })).toEqual(['F3']);
        expect(await refs({ nights: { $not: { $gt: 2 } } })).toEqual(['F1', 'F4']);
        expect(await refs({ status: { $eq: 'held' } })).toEqual(['F2', 'F3']);
      });

      it('projects fields in or out', async () => {
        expect(await B.find({ ref: 'F1' }, { projection: { ref: 1, nights: 1, _id: 0 } })).toEqual([{ ref: 'F1', nights: 1 }]);
        const [withId] = await B.find({ ref: 'F1' }, { projection: { ref: 1 } });
        expect(Object.keys(withId!).sort()).toEqual(['_id', 'ref']);
        const [without] = await B.find({ ref: 'F3' }, { projection: { extras: 0, note: 0, _id: 0, checkIn: 0 } });
        expect(without).toEqual({
          hotelId: hotel,
          ref: 'F3',
          guest: '+254700000001',
          status: 'held',
          nights: 5,
          idempotencyKey: 'key-F3',
          tags: [],
        });
        // Sorted on a field the projection leaves out.
        expect(await B.find({}, { sort: { checkIn: -1 }, limit: 2, projection: { ref: 1, _id: 0 } })).toEqual([
          { ref: 'F3' },
          { ref: 'F4' },
        ]);
        expect(await B.findOne({ ref: 'F2' }, { projection: { guest: 1, _id: 0 } })).toEqual({ guest: '+254700000002' });
      });

      it('counts, finds one or none', async () => {
        expect(await B.countDocuments()).toBe(4);
        expect(await B.countDocuments({ tags: 'late' })).toBe(2);
        expect((await B.findOne({ status: 'held' }, { sort: { checkIn: -1 } }))?.ref).toBe('F3');
        expect((await B.findOne({}, { sort: { checkIn: 1 }, skip: 1 }))?.ref).toBe('F2');
        expect(await B.findOne({ ref: 'nope' })).toBeNull();
      });

      it('hands out copies: changing a result changes nothing stored', async () => {
        const found = (await B.findOne({ ref: 'F1' }))!;
        found.tags.push('mutated');
        found.checkIn.setUTCFullYear(1999);
        expect(await B.findOne({ ref: 'F1' })).toMatchObject({ tags: ['vip', 'late'], checkIn: day('2025-06-01') });
      });
    });

    describe('updating', () => {
      it('applies $set, $inc, $push, $pull, $addToSet and $unset, and reports matched and modified', async () => {
        await B.insertOne(booking('U1', { tags: ['a'], note: 'x' }));
        expect(await B.updateOne({ ref: 'U1' }, { $set: { status: 'confirmed' }, $inc: { nights: 2 }, $push: { tags: 'b' } })).toEqual({
          matchedCount: 1,
          modifiedCount: 1,
        });
        await B.updateOne({ ref: 'U1' }, { $addToSet: { tags: { $each: ['b', 'c'] } }, $unset: { note: '' } });
        await B.updateOne({ ref: 'U1' }, { $pull: { tags: 'a' } });
        expect(await B.findOne({ ref: 'U1' }, { projection: { _id: 0, status: 1, nights: 1, tags: 1, note: 1 } })).toEqual({
          status: 'confirmed',
          nights: 4,
          tags: ['b', 'c'],
        });
        await B.updateOne({ ref: 'U1' }, { $pullAll: { tags: ['b', 'zz'] }, $set: { extras: [{ item: 'crib', qty: 1 }] } });
        await B.updateOne({ ref: 'U1' }, { $push: { extras: { $each: [{ item: 'cot', qty: 2 }] } }, $inc: { nights: -1 } });
        expect(await B.findOne({ ref: 'U1' })).toMatchObject({
          tags: ['c'],
          nights: 3,
          extras: [
            { item: 'crib', qty: 1 },
            { item: 'cot', qty: 2 },
          ],
        });
      });

      it('reports an update that writes what is already there as matched, not modified', async () => {
        await B.insertOne(booking('U2', { tags: ['a'] }));
        expect(await B.updateOne({ ref: 'U2' }, { $set: { nights: 2 }, $addToSet: { tags: 'a' } })).toEqual({
          matchedCount: 1,
          modifiedCount: 0,
        });
        expect(await B.updateOne({ ref: 'nope' }, { $set: { nights: 2 } })).toEqual({ matchedCount: 0, modifiedCount: 0 });
      });

      it('moves a status only from the state the filter names', async () => {
        await B.insertOne(booking('S1'));
        const confirm = () => B.updateOne({ ref: 'S1', status: 'held' }, { $set: { status: 'confirmed' } });
        expect((await confirm()).modifiedCount).toBe(1);
        expect((await confirm()).matchedCount).toBe(0);
        const cancelled = await B.findOneAndUpdate(
          { ref: 'S1', status: { $in: ['held', 'confirmed'] } },
          { $set: { status: 'cancelled' } },
        );
        expect(cancelled?.status).toBe('cancelled');
        expect(await B.findOneAndUpdate({ ref: 'S1', status: 'held' }, { $set: { status: 'confirmed' } })).toBeNull();
      });

      it('updates many and counts them', async () => {
        await B.insertMany([booking('M1'), booking('M2'), booking('M3', { status: 'confirmed' })]);
        expect(await B.updateMany({ status: 'held' }, { $set: { status: 'cancelled' }, $push: { tags: 'bulk' } })).toEqual({
          matchedCount: 2,
          modifiedCount: 2,
        });
        expect(await B.countDocuments({ status: 'cancelled', tags: 'bulk' })).toBe(2);
      });

      it('returns the document before or after', async () => {
        await B.insertOne(booking('R1'));
        const before = await B.findOneAndUpdate({ ref: 'R1' }, { $inc: { nights: 1 } }, { returnDocument: 'before' });
        const after = await B.findOneAndUpdate({ ref: 'R1' }, { $inc: { nights: 1 } });
        expect([before?.nights, after?.nights]).toEqual([2, 4]);
      });

      it('upserts from the filter, $setOnInsert and the other operators, then updates without $setOnInsert', async () => {
        const C = counters.forHotel(hotel);
        const at = new Date('2025-03-01T10:00:00Z');
        const first = await C.updateOne(
          { month: '2025-03' },
          { $inc: { calls: 1, costUsd: 0.25 }, $setOnInsert: { firstAt: at } },
          { upsert: true },
        );
        expect(first).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: expect.any(Types.ObjectId) });
        const second = await C.updateOne(
          { month: '2025-03' },
          { $inc: { calls: 1, costUsd: 0.5 }, $setOnInsert: { firstAt: new Date() } },
          { upsert: true },
        );
        expect(second).toEqual({ matchedCount: 1, modifiedCount: 1 });
        expect(await C.findOne({ month: '2025-03' })).toEqual({
          _id: first.upsertedId,
          hotelId: hotel,
          month: '2025-03',
          calls: 2,
          costUsd: 0.75,
          firstAt: at,
        });
      });

      it('upserts with findOneAndUpdate: "after" gives the new document, "before" null', async () => {
        const C = counters.forHotel(hotel);
        const created = await C.findOneAndUpdate({ month: '2025-04' }, { $inc: { calls: 1 } }, { upsert: true });
        expect(created).toMatchObject({ hotelId: hotel, month: '2025-04', calls: 1, costUsd: 0 });
        expect(
          await C.findOneAndUpdate({ month: '2025-05' }, { $inc: { calls: 1 } }, { upsert: true, returnDocument: 'before' }),
        ).toBeNull();
        expect(await C.countDocuments()).toBe(2);
      });

      it('keeps unique indexes on updates and upserts', async () => {
        await N.insertMany([
          { roomType: 'double', date: '2025-06-01', taken: 0 },
          { roomType: 'double', date: '2025-06-02', taken: 0 },
        ]);
        await expect(N.updateOne({ date: '2025-06-02' }, { $set: { date: '2025-06-01' } })).rejects.toBeInstanceOf(DuplicateKeyError);
        await expect(
          N.updateOne({ roomType: 'double', date: '2025-06-01', taken: 99 }, { $set: { taken: 1 } }, { upsert: true }),
        ).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await N.find({}, { sort: { date: 1 }, projection: { _id: 0, date: 1, taken: 1 } })).toEqual([
          { date: '2025-06-01', taken: 0 },
          { date: '2025-06-02', taken: 0 },
        ]);
      });
    });

    describe('deleting', () => {
      it('deletes one or many and says how many', async () => {
        await B.insertMany([booking('X1'), booking('X2'), booking('X3', { status: 'cancelled' })]);
        expect(await B.deleteOne({ status: 'held' })).toEqual({ deletedCount: 1 });
        expect(await B.deleteMany({ status: { $in: ['held', 'cancelled'] } })).toEqual({ deletedCount: 2 });
        expect(await B.deleteMany({})).toEqual({ deletedCount: 0 });
        // The unique key is free again.
        await B.insertOne(booking('X1'));
      });
    });

    describe('hotel scope', () => {
      let other: string;
      let O: HotelCollection<Booking>;
      beforeEach(async () => {
        other = hotelId();
        O = bookings.forHotel(other);
        await O.insertOne(booking('B1', { idempotencyKey: 'shared' }));
      });
      const untouched = async () =>
        expect(await O.find({}, { projection: { _id: 0, ref: 1, nights: 1, status: 1 } })).toEqual([
          { ref: 'B1', nights: 2, status: 'held' },
        ]);

      it('never lets one hotel read, change or delete another one’s documents', async () => {
        const theirs = (await O.findOne({ ref: 'B1' }))!;
        expect(await B.findOne({ _id: theirs._id })).toBeNull();
        expect(await B.find({})).toEqual([]);
        expect(await B.countDocuments()).toBe(0);
        expect(await B.updateOne({ ref: 'B1' }, { $set: { status: 'cancelled' } })).toEqual({ matchedCount: 0, modifiedCount: 0 });
        expect(await B.updateMany({}, { $inc: { nights: 1 } })).toEqual({ matchedCount: 0, modifiedCount: 0 });
        expect(await B.findOneAndUpdate({ _id: theirs._id }, { $set: { nights: 9 } })).toBeNull();
        expect(await B.deleteOne({ _id: theirs._id })).toEqual({ deletedCount: 0 });
        expect(await B.deleteMany({})).toEqual({ deletedCount: 0 });
        // An upsert creates this hotel's own document; unique keys are per hotel.
        await B.updateOne({ ref: 'B1' }, { $setOnInsert: { ...booking('B1', { idempotencyKey: 'shared' }) } }, { upsert: true });
        expect((await B.findOne({ ref: 'B1' }))?.hotelId).toBe(hotel);
        await untouched();
      });

      it('refuses filters and updates that name hotelId, and documents of another hotel', async () => {
        const refused = [
          () => B.find({ hotelId: other }),
          () => B.find({ hotelId: { $ne: hotel } }),
          () => B.countDocuments({ $or: [{ ref: 'B1' }, { hotelId: other }] }),
          () => B.find({ 'hotelId.x': 1 } as never),
          () => B.deleteMany({ hotelId: { $exists: true } }),
          () => B.updateMany({}, { $set: { hotelId: other } } as never),
          () => B.updateOne({ ref: 'B1' }, { $setOnInsert: { hotelId: other } } as never, { upsert: true }),
          () => B.updateOne({ ref: 'B1' }, { $unset: { hotelId: '' } }),
          () => B.insertOne({ ...booking('B2'), hotelId: other }),
          () => B.findOneAndUpdate({ hotelId: hotel }, { $set: { nights: 1 } }),
        ];
        for (const attempt of refused) await expect(attempt()).rejects.toBeInstanceOf(StoreValidationError);
        expect(await B.countDocuments()).toBe(0);
        await untouched();
        // Its own hotel id on a document is fine (records often carry it).
        expect((await B.insertOne({ ...booking('B3'), hotelId: hotel })).hotelId).toBe(hotel);
      });
    });

    describe('validation', () => {
      beforeEach(() => B.insertOne(booking('V1', { note: 'ok' })));

      it('validates inserts by the schema', async () => {
        const { guest: _omitted, ...noGuest } = booking('V2');
        void _omitted;
        for (const doc of [
          noGuest,
          booking('V3', { nights: 31 }),
          booking('V4', { status: 'lost' as Booking['status'] }),
          booking('V5', { checkIn: 'not a date' as unknown as Date }),
          booking('V6', { extras: [{ item: 'crib', qty: 0 }] }),
          { ...booking('V7'), unknownField: 1 },
        ])
          await expect(B.insertOne(doc as never)).rejects.toBeInstanceOf(StoreValidationError);
      });

      it('validates what an update writes, leaving the document as it was', async () => {
        const refused = [
          () => B.updateOne({ ref: 'V1' }, { $set: { status: 'lost' } }),
          () => B.updateOne({ ref: 'V1' }, { $set: { note: 'x'.repeat(201) } }),
          () => B.updateOne({ ref: 'V1' }, { $set: { nights: 'many' } }),
          () => B.updateOne({ ref: 'V1' }, { $unset: { guest: '' } }),
          () => B.updateOne({ ref: 'V1' }, { $set: { unknownField: 1 } }),
          () => B.findOneAndUpdate({ ref: 'V1' }, { $set: { checkIn: 'soon' } }),
          () => B.updateOne({ ref: 'V1' }, { $push: { extras: { item: 'crib', qty: 0 } } }),
          () => N.updateOne({ roomType: 'double', date: '2025-13' }, { $set: { taken: 0 } }, { upsert: true }),
        ];
        for (const attempt of refused) await expect(attempt()).rejects.toBeInstanceOf(StoreValidationError);
        expect(await B.findOne({ ref: 'V1' })).toMatchObject({ status: 'held', note: 'ok', nights: 2, guest: '+254700000001' });
        expect(await N.countDocuments()).toBe(0);
      });

      it('refuses operators it does not support, code, and unsafe keys, on every operation', async () => {
        const refused: (() => Promise<unknown>)[] = [
          () => B.find({ $where: 'this.nights > 1' } as never),
          () => B.find({ $expr: { $gt: ['$nights', 1] } } as never),
          () => B.find({ nights: { $foo: 1 } } as never),
          () => B.find({ $comment: 'x' } as never),
          () => B.countDocuments({ nights: { $gt: 1, plain: 2 } } as never),
          () => B.find({ '$ref.x': 1 } as never),
          () => B.find(withOwnKey({}, '__proto__', { polluted: true }) as never),
          () => B.find({}, { projection: { ref: 1, nights: 0 } }),
          () => B.find({}, { sort: { ref: 2 as 1 } }),
          () => B.find({}, { limit: 0 }),
          () => B.find({}, { skip: -1 }),
          () => B.insertOne({ ...booking('P1'), note: { $gt: '' } } as never),
          () => B.insertOne(withOwnKey(booking('P2'), '__proto__', { polluted: true }) as never),
          () => B.insertOne(withOwnKey(booking('P3'), 'constructor', 'x') as never),
          () => B.insertOne({ ...booking('P4'), extras: [{ item: 'a', qty: 1, 'x.y': 1 }] } as never),
          () =>
            B.insertOne(
              JSON.parse(
                '{"ref":"P5","guest":"+254700000001","checkIn":"2025-06-01","nights":1,"idempotencyKey":"p5","__proto__":{"admin":true}}',
              ),
            ),
          () => B.updateOne({ ref: 'V1' }, { nights: 3 } as never),
          () => B.updateOne({ ref: 'V1' }, { $rename: { note: 'memo' } } as never),
          () => B.updateOne({ ref: 'V1' }, { $set: {} }),
          () => B.updateOne({ ref: 'V1' }, { $set: { 'tags.$': 'x' } }),
          () => B.updateOne({ ref: 'V1' }, { $set: { _id: new Types.ObjectId() } }),
          () => B.updateOne({ ref: 'V1' }, { $push: { tags: { $each: ['x'], $slice: -1 } } }),
          () => B.updateOne({ ref: 'V1' }, { $set: { nights: 3 }, $inc: { nights: 1 } }),
          () => B.updateOne({ ref: 'V1' }, { $set: { extras: [] }, $push: { 'extras.0': 1 } } as never),
          () => B.updateOne({ ref: 'V1' }, { $inc: { nights: '1' as unknown as number } }),
          () => B.updateOne({ ref: 'V1' }, { $set: { note: withOwnKey({}, '__proto__', 1) } } as never),
          () => B.updateOne({ ref: 'V1' }, { $set: { nights: 3 } }, { upsert: 'yes' as unknown as boolean }),
          // Forms FerretDB v1 ignores or reads differently from MongoDB and mingo.
          () => B.updateOne({ ref: 'V1' }, { $pull: { tags: { $in: ['a'] } } }),
          () => B.updateOne({ ref: 'V1' }, { $pull: { extras: { item: 'crib' } } }),
          () => B.updateOne({ ref: 'V1' }, { $pullAll: { tags: 'a' } } as never),
          () => B.find({ extras: { $elemMatch: { item: 'bed' } } }),
          () => B.findOneAndUpdate({ ref: 'V1' }, { $set: { nights: 3 } }, { returnDocument: 'later' as 'after' }),
          () => B.deleteMany({ $where: 'true' } as never),
        ];
        for (const [i, attempt] of refused.entries()) {
          await expect(
            attempt().catch((err: unknown) => Promise.reject(Object.assign(err as object, { attempt: i }))),
          ).rejects.toBeInstanceOf(StoreValidationError);
        }
        expect(await B.find({}, { projection: { _id: 0, ref: 1, nights: 1 } })).toEqual([{ ref: 'V1', nights: 2 }]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      });
    });

    describe('concurrency', () => {
      it('50 concurrent conditional $inc + $push on one night never pass its capacity', async () => {
        const capacity = 7;
        await N.insertOne({ roomType: 'double', date: '2025-08-01', taken: 0 });
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            N.updateOne(
              { roomType: 'double', date: '2025-08-01', taken: { $lt: capacity }, holders: { $ne: `b${i}` } },
              { $inc: { taken: 1 }, $push: { holders: `b${i}` } },
            ),
          ),
        );
        expect(results.filter((r) => r.modifiedCount === 1)).toHaveLength(capacity);
        const night = (await N.findOne({ date: '2025-08-01' }))!;
        expect(night.taken).toBe(capacity);
        expect(new Set(night.holders).size).toBe(capacity);
        // The same holder cannot take it twice, and a release gives back exactly one.
        const holder = night.holders![0]!;
        expect(
          (await N.updateOne({ date: '2025-08-01', holders: { $ne: holder }, taken: { $lt: 99 } }, { $inc: { taken: 1 } })).modifiedCount,
        ).toBe(0);
        await N.updateOne({ date: '2025-08-01', holders: holder }, { $inc: { taken: -1 }, $pull: { holders: holder } });
        expect(await N.findOne({ date: '2025-08-01' }, { projection: { _id: 0, taken: 1 } })).toEqual({ taken: capacity - 1 });
      }, 60_000);

      it('20 concurrent upserts of one counter make one document counting 20', async () => {
        const C = counters.forHotel(hotel);
        await Promise.all(Array.from({ length: 20 }, () => C.updateOne({ month: '2025-09' }, { $inc: { calls: 1 } }, { upsert: true })));
        expect(await C.find({}, { projection: { _id: 0, month: 1, calls: 1 } })).toEqual([{ month: '2025-09', calls: 20 }]);
      }, 60_000);

      it('20 concurrent status transitions: exactly one wins', async () => {
        await B.insertOne(booking('W1'));
        const wins = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            B.findOneAndUpdate({ ref: 'W1', status: 'held' }, { $set: { status: 'confirmed', note: `by ${i}` } }),
          ),
        );
        expect(wins.filter(Boolean)).toHaveLength(1);
      }, 60_000);
    });
  });
}
