import { BookingNotFoundError, BookingStateError, RoomUnavailableError } from '../src/backend/booking-backend';
import { BuiltinBackend, type BookingRecord, type BuiltinStorage } from '../src/backend/builtin';
import type { Booking } from '../src/domain/booking';
import type { RoomCatalog } from '../src/domain/room-catalog';
import { bookingRequest, catalogOf, room, silentLogger, standardRooms, testClock, uniqueHotelId } from './builtin-fixtures';

export interface BackendHarness {
  /** The storage every backend of this suite shares (one database, or one memory). */
  storage(): BuiltinStorage;
  dispose(): Promise<void>;
}

const MINUTE = 60_000;
const REFERENCE = /^[A-HJ-NP-Z]{3}\d{4}$/;

/**
 * What the built-in backend must do on any storage; runs against memory and MongoDB. Each
 * test works under hotels of its own, so tests share one storage without seeing each other.
 */
export function describeBuiltinBackendContract(name: string, open: () => Promise<BackendHarness>): void {
  describe(`BuiltinBackend contract: ${name}`, () => {
    let harness: BackendHarness;
    let clock: ReturnType<typeof testClock>;
    let hotel: string;
    let backend: BuiltinBackend;

    function backendFor(catalog: RoomCatalog, storage: BuiltinStorage = harness.storage()): BuiltinBackend {
      return new BuiltinBackend(storage, { catalog, logger: silentLogger, now: clock.now });
    }

    async function nightsTaken(hotelId: string, roomType: string, first: string, last: string): Promise<Record<string, number>> {
      const counts = await harness.storage().inventory.taken(hotelId, first, last, roomType);
      // Nights with nothing taken are left out: a storage may or may not keep a document for them.
      return Object.fromEntries(counts.filter((c) => c.taken > 0).map((c) => [c.date, c.taken]));
    }

    beforeAll(async () => {
      harness = await open();
    });
    afterAll(async () => {
      await harness?.dispose();
    });
    beforeEach(async () => {
      clock = testClock();
      hotel = uniqueHotelId();
      backend = backendFor(catalogOf({ [hotel]: standardRooms() }));
      await backend.start();
    });

    describe('roomTypes and search', () => {
      it('lists the configured room types', async () => {
        expect((await backend.roomTypes(hotel)).map((r) => [r.id, r.rooms, r.minStay, r.capacity])).toEqual([
          ['single', 1, 1, { adults: 1, children: 0 }],
          ['double', 2, 1, { adults: 2, children: 1 }],
          ['suite', 1, 2, { adults: 4, children: 2 }],
        ]);
        expect(await backend.roomTypes(uniqueHotelId())).toEqual([]);
      });

      it('offers the room types that fit the party, cheapest first, with their quote', async () => {
        const offers = await backend.search(hotel, { checkIn: '2030-03-10', checkOut: '2030-03-12', adults: 1, children: 0 });
        expect(offers.map((o) => [o.roomType, o.total, o.available])).toEqual([
          ['single', { amount: 120, currency: 'EUR' }, 1],
          ['double', { amount: 200, currency: 'EUR' }, 2],
          ['suite', { amount: 500, currency: 'EUR' }, 1],
        ]);
        expect(offers[1]).toEqual({
          roomType: 'double',
          name: { en: 'Double room' },
          description: { en: 'Two beds' },
          available: 2,
          total: { amount: 200, currency: 'EUR' },
          nightly: [
            { date: '2030-03-10', amount: 100 },
            { date: '2030-03-11', amount: 100 },
          ],
          capacity: { adults: 2, children: 1 },
        });
        const family = await backend.search(hotel, { checkIn: '2030-03-10', checkOut: '2030-03-12', adults: 2, children: 2 });
        expect(family.map((o) => o.roomType)).toEqual(['suite']);
        const childInAdultBed = await backend.search(hotel, { checkIn: '2030-03-10', checkOut: '2030-03-12', adults: 1, children: 1 });
        expect(childInAdultBed.map((o) => o.roomType)).toEqual(['double', 'suite']);
        const onlyDouble = await backend.search(hotel, {
          checkIn: '2030-03-10',
          checkOut: '2030-03-12',
          adults: 1,
          children: 0,
          roomType: 'double',
        });
        expect(onlyDouble.map((o) => o.roomType)).toEqual(['double']);
      });

      it('honours the minimum stay, also a season’s', async () => {
        const oneNight = await backend.search(hotel, { checkIn: '2030-03-10', checkOut: '2030-03-11', adults: 2, children: 0 });
        expect(oneNight.map((o) => o.roomType)).toEqual(['double']);
        const julyTwo = await backend.search(hotel, { checkIn: '2030-07-10', checkOut: '2030-07-12', adults: 3, children: 0 });
        expect(julyTwo).toEqual([]);
        const julyThree = await backend.search(hotel, { checkIn: '2030-07-10', checkOut: '2030-07-13', adults: 3, children: 0 });
        expect(julyThree.map((o) => [o.roomType, o.total.amount])).toEqual([['suite', 900]]);
      });

      it('offers only rooms free on every night: capacity minus the busiest night', async () => {
        await backend.create(hotel, bookingRequest({ roomType: 'double', checkIn: '2030-03-11', checkOut: '2030-03-12' }));
        const offers = await backend.search(hotel, { checkIn: '2030-03-10', checkOut: '2030-03-13', adults: 2, children: 0 });
        expect(offers.map((o) => [o.roomType, o.available])).toEqual([
          ['double', 1],
          ['suite', 1],
        ]);
        await backend.create(hotel, bookingRequest({ roomType: 'double', checkIn: '2030-03-12', checkOut: '2030-03-14' }));
        await backend.create(hotel, bookingRequest({ roomType: 'double', checkIn: '2030-03-12', checkOut: '2030-03-13' }));
        const later = await backend.search(hotel, { checkIn: '2030-03-10', checkOut: '2030-03-13', adults: 2, children: 0 });
        expect(later.map((o) => o.roomType)).toEqual(['suite']);
        // The nights before are still free.
        const before = await backend.search(hotel, { checkIn: '2030-03-09', checkOut: '2030-03-11', adults: 2, children: 0 });
        expect(before.map((o) => [o.roomType, o.available])).toEqual([
          ['double', 2],
          ['suite', 1],
        ]);
      });

      it('offers nothing for an unknown hotel and refuses impossible dates', async () => {
        expect(await backend.search(uniqueHotelId(), { checkIn: '2030-03-10', checkOut: '2030-03-12', adults: 1, children: 0 })).toEqual(
          [],
        );
        await expect(backend.search(hotel, { checkIn: '2030-03-12', checkOut: '2030-03-12', adults: 1, children: 0 })).rejects.toThrow(
          RangeError,
        );
        await expect(backend.search(hotel, { checkIn: '2030-02-30', checkOut: '2030-03-02', adults: 1, children: 0 })).rejects.toThrow(
          RangeError,
        );
      });
    });

    describe('create', () => {
      it('confirms at once without a hold, with a short reference and the quote', async () => {
        const booking = await backend.create(
          hotel,
          bookingRequest({ roomType: 'double', checkIn: '2030-03-10', checkOut: '2030-03-12', adults: 2 }, { phone: '+254700000042' }),
        );
        expect(booking).toEqual({
          hotelId: hotel,
          reference: expect.stringMatching(REFERENCE),
          status: 'confirmed',
          roomType: 'double',
          roomName: { en: 'Double room' },
          checkIn: '2030-03-10',
          checkOut: '2030-03-12',
          nights: 2,
          adults: 2,
          children: 0,
          guest: { phone: '+254700000042', name: 'Amina Njeri', channelId: 'cloud-api', language: 'en' },
          total: { amount: 200, currency: 'EUR' },
          nightly: [
            { date: '2030-03-10', amount: 100 },
            { date: '2030-03-11', amount: 100 },
          ],
          createdAt: clock.at(),
          updatedAt: clock.at(),
        });
        expect(await backend.get(hotel, booking.reference)).toEqual(booking);
        expect(await backend.get(hotel, booking.reference.toLowerCase())).toEqual(booking);
        expect(await nightsTaken(hotel, 'double', '2030-03-09', '2030-03-12')).toEqual({ '2030-03-10': 1, '2030-03-11': 1 });
      });

      it('holds until the given time when asked to', async () => {
        const holdUntil = new Date(clock.at().getTime() + 30 * MINUTE);
        const booking = await backend.create(
          hotel,
          bookingRequest({ roomType: 'single', checkIn: '2030-03-10', checkOut: '2030-03-11' }, { holdUntil }),
        );
        expect(booking.status).toBe('held');
        expect(booking.holdExpiresAt).toEqual(holdUntil);
      });

      it('is idempotent: the same key gives the same booking and takes the rooms once', async () => {
        const request = bookingRequest({ roomType: 'double', checkIn: '2030-03-10', checkOut: '2030-03-12' });
        const first = await backend.create(hotel, request);
        clock.advance(MINUTE);
        const again = await backend.create(hotel, { ...request, stay: { ...request.stay, checkOut: '2030-03-15' } });
        expect(again).toEqual(first);
        expect(await nightsTaken(hotel, 'double', '2030-03-10', '2030-03-14')).toEqual({ '2030-03-10': 1, '2030-03-11': 1 });
      });

      it('is idempotent under concurrency: ten simultaneous calls with one key make one booking', async () => {
        const request = bookingRequest({ roomType: 'double', checkIn: '2030-03-10', checkOut: '2030-03-13' });
        const other = backendFor(catalogOf({ [hotel]: standardRooms() }));
        const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? other : backend).create(hotel, request)));
        expect(new Set(results.map((b) => b.reference)).size).toBe(1);
        expect(results.every((b) => b.status === 'confirmed')).toBe(true);
        expect(await nightsTaken(hotel, 'double', '2030-03-10', '2030-03-12')).toEqual({
          '2030-03-10': 1,
          '2030-03-11': 1,
          '2030-03-12': 1,
        });
        expect(await backend.list(hotel)).toHaveLength(1);
      });

      it('throws RoomUnavailableError when a night is full, records the attempt as failed and keeps nothing', async () => {
        await backend.create(hotel, bookingRequest({ roomType: 'single', checkIn: '2030-03-11', checkOut: '2030-03-12' }));
        const request = bookingRequest({ roomType: 'single', checkIn: '2030-03-10', checkOut: '2030-03-13' });
        await expect(backend.create(hotel, request)).rejects.toThrow(RoomUnavailableError);
        expect(await nightsTaken(hotel, 'single', '2030-03-10', '2030-03-12')).toEqual({
          '2030-03-11': 1,
        });
        const failed = (await backend.list(hotel, { statuses: ['failed'] }))[0]!;
        expect(failed.status).toBe('failed');
        expect(await harness.storage().records.unreleased(hotel, 10)).toEqual([]);
        // The same request again gives the same answer.
        await expect(backend.create(hotel, request)).rejects.toThrow(RoomUnavailableError);
        expect(await backend.list(hotel, { statuses: ['failed'] })).toHaveLength(1);
      });

      it('refuses unknown room types, parties that do not fit, too short stays and bad input', async () => {
        const stay = { checkIn: '2030-03-10', checkOut: '2030-03-11' };
        await expect(backend.create(hotel, bookingRequest({ ...stay, roomType: 'penthouse' }))).rejects.toThrow(RoomUnavailableError);
        await expect(backend.create(hotel, bookingRequest({ ...stay, roomType: 'single', adults: 2 }))).rejects.toThrow(
          RoomUnavailableError,
        );
        await expect(backend.create(hotel, bookingRequest({ ...stay, roomType: 'suite' }))).rejects.toThrow(RoomUnavailableError);
        await expect(backend.create(uniqueHotelId(), bookingRequest({ ...stay, roomType: 'single' }))).rejects.toThrow(
          RoomUnavailableError,
        );
        await expect(
          backend.create(hotel, bookingRequest({ roomType: 'single', checkIn: '2030-03-11', checkOut: '2030-03-10' })),
        ).rejects.toThrow(RangeError);
        const request = bookingRequest({ ...stay, roomType: 'single' });
        await expect(backend.create(hotel, { ...request, idempotencyKey: { $ne: null } as unknown as string })).rejects.toThrow(TypeError);
        expect(await backend.list(hotel)).toEqual([]);
      });

      it('counts against the room count in the current configuration', async () => {
        const stay = { roomType: 'double', checkIn: '2030-03-10', checkOut: '2030-03-11' };
        await backend.create(hotel, bookingRequest(stay));
        await backend.create(hotel, bookingRequest(stay));
        await expect(backend.create(hotel, bookingRequest(stay))).rejects.toThrow(RoomUnavailableError);

        const grown = backendFor(catalogOf({ [hotel]: standardRooms({ double: 3 }) }));
        await grown.start();
        expect((await grown.search(hotel, { ...stay, adults: 2, children: 0 })).map((o) => [o.roomType, o.available])).toEqual([
          ['double', 1],
        ]);
        await grown.create(hotel, bookingRequest(stay));

        const shrunk = backendFor(catalogOf({ [hotel]: standardRooms({ double: 1 }) }));
        await shrunk.start();
        expect(await shrunk.search(hotel, { ...stay, adults: 2, children: 0 })).toEqual([]);
        await expect(shrunk.create(hotel, bookingRequest(stay))).rejects.toThrow(RoomUnavailableError);
      });
    });

    describe('cancel and confirm', () => {
      it('cancels, gives the nights back, and is idempotent', async () => {
        const booking = await backend.create(hotel, bookingRequest({ roomType: 'single', checkIn: '2030-03-10', checkOut: '2030-03-12' }));
        clock.advance(MINUTE);
        const fee = { amount: 60, currency: 'EUR' };
        const cancelled = await backend.cancel(hotel, booking.reference, { by: 'guest', fee });
        expect(cancelled).toEqual({ ...booking, status: 'cancelled', cancelledBy: 'guest', cancellationFee: fee, updatedAt: clock.at() });
        expect(await nightsTaken(hotel, 'single', '2030-03-10', '2030-03-11')).toEqual({});
        expect(await backend.cancel(hotel, booking.reference, { by: 'staff' })).toEqual(cancelled);
        expect(await harness.storage().records.unreleased(hotel, 10)).toEqual([]);
        // The room can be sold again.
        await backend.create(hotel, bookingRequest({ roomType: 'single', checkIn: '2030-03-10', checkOut: '2030-03-12' }));
      });

      it('cancels a held booking too; refuses unknown references and bookings that are over', async () => {
        const held = await backend.create(
          hotel,
          bookingRequest(
            { roomType: 'single', checkIn: '2030-03-10', checkOut: '2030-03-11' },
            { holdUntil: new Date(clock.at().getTime() + MINUTE) },
          ),
        );
        expect((await backend.cancel(hotel, held.reference, { by: 'staff' })).status).toBe('cancelled');
        await expect(backend.cancel(hotel, 'ZZZ9999', { by: 'guest' })).rejects.toThrow(BookingNotFoundError);
        await expect(backend.cancel(hotel, 'not a reference', { by: 'guest' })).rejects.toThrow(BookingNotFoundError);

        const expiring = await backend.create(
          hotel,
          bookingRequest(
            { roomType: 'single', checkIn: '2030-03-10', checkOut: '2030-03-11' },
            { holdUntil: new Date(clock.at().getTime() + MINUTE) },
          ),
        );
        await backend.expireHolds(hotel, clock.advance(2 * MINUTE));
        await expect(backend.cancel(hotel, expiring.reference, { by: 'guest' })).rejects.toThrow(BookingStateError);
      });

      it('confirms a held booking (idempotent) and refuses expired or cancelled ones', async () => {
        const holdUntil = new Date(clock.at().getTime() + 30 * MINUTE);
        const held = await backend.create(
          hotel,
          bookingRequest({ roomType: 'double', checkIn: '2030-03-10', checkOut: '2030-03-11' }, { holdUntil }),
        );
        clock.advance(MINUTE);
        const confirmed = await backend.confirm(hotel, held.reference);
        expect(confirmed.status).toBe('confirmed');
        expect(confirmed.holdExpiresAt).toBeUndefined();
        expect(await backend.confirm(hotel, held.reference)).toEqual(confirmed);
        // A confirmed booking is not expired by the sweep.
        expect(await backend.expireHolds(hotel, clock.advance(60 * MINUTE))).toEqual([]);

        const lapsing = await backend.create(
          hotel,
          bookingRequest(
            { roomType: 'double', checkIn: '2030-03-10', checkOut: '2030-03-11' },
            { holdUntil: new Date(clock.at().getTime() + MINUTE) },
          ),
        );
        await backend.expireHolds(hotel, clock.advance(2 * MINUTE));
        await expect(backend.confirm(hotel, lapsing.reference)).rejects.toThrow(BookingStateError);

        const cancelled = await backend.create(
          hotel,
          bookingRequest({ roomType: 'single', checkIn: '2030-03-10', checkOut: '2030-03-11' }),
        );
        await backend.cancel(hotel, cancelled.reference, { by: 'guest' });
        await expect(backend.confirm(hotel, cancelled.reference)).rejects.toThrow(BookingStateError);
        await expect(backend.confirm(hotel, 'ZZZ9999')).rejects.toThrow(BookingNotFoundError);
      });

      it('confirms a hold that ran out but was not swept yet: its rooms are still held', async () => {
        const held = await backend.create(
          hotel,
          bookingRequest(
            { roomType: 'single', checkIn: '2030-03-10', checkOut: '2030-03-11' },
            { holdUntil: new Date(clock.at().getTime() + MINUTE) },
          ),
        );
        clock.advance(5 * MINUTE);
        expect((await backend.confirm(hotel, held.reference)).status).toBe('confirmed');
        expect(await backend.expireHolds(hotel, clock.at())).toEqual([]);
        expect(await nightsTaken(hotel, 'single', '2030-03-10', '2030-03-10')).toEqual({ '2030-03-10': 1 });
      });
    });

    describe('expireHolds', () => {
      it('expires holds past their time, releases their nights and returns them', async () => {
        const start = clock.at().getTime();
        const stay = { roomType: 'double', checkIn: '2030-03-10', checkOut: '2030-03-12' };
        const soon = await backend.create(hotel, bookingRequest(stay, { holdUntil: new Date(start + 10 * MINUTE) }));
        const later = await backend.create(hotel, bookingRequest(stay, { holdUntil: new Date(start + 60 * MINUTE) }));
        expect(await backend.expireHolds(hotel, new Date(start + 9 * MINUTE))).toEqual([]);

        const expired = await backend.expireHolds(hotel, clock.advance(10 * MINUTE));
        expect(expired.map((b) => [b.reference, b.status])).toEqual([[soon.reference, 'expired']]);
        expect((await backend.get(hotel, soon.reference))?.status).toBe('expired');
        expect((await backend.get(hotel, later.reference))?.status).toBe('held');
        expect(await nightsTaken(hotel, 'double', '2030-03-10', '2030-03-11')).toEqual({ '2030-03-10': 1, '2030-03-11': 1 });
        expect(await backend.expireHolds(hotel, clock.at())).toEqual([]);
        expect(await harness.storage().records.unreleased(hotel, 10)).toEqual([]);
      });
    });

    describe('recover', () => {
      /** A booking written straight to the records, as a crashed or racing process leaves it. */
      async function stored(reference: string, fields: Partial<BookingRecord> = {}): Promise<BookingRecord> {
        const record: BookingRecord = {
          hotelId: hotel,
          reference,
          idempotencyKey: `key-${reference}`,
          status: 'pending',
          roomType: 'single',
          checkIn: '2030-03-10',
          checkOut: '2030-03-12',
          nights: 2,
          adults: 1,
          children: 0,
          guest: { phone: '+254700000001', name: 'Amina Njeri' },
          total: { amount: 120, currency: 'EUR' },
          nightly: [
            { date: '2030-03-10', amount: 60 },
            { date: '2030-03-11', amount: 60 },
          ],
          released: false,
          createdAt: clock.at(),
          updatedAt: clock.at(),
          ...fields,
        };
        await harness.storage().records.insert(record);
        return record;
      }

      /** What a process killed between taking the nights and finishing the booking leaves behind. */
      async function crashedAfterTakingNights(idempotencyKey: string): Promise<BookingRecord> {
        const record = await stored('CRA1234', { idempotencyKey });
        expect(await harness.storage().inventory.take(hotel, 'single', ['2030-03-10', '2030-03-11'], record.reference, 1)).toEqual({
          ok: true,
        });
        return record;
      }

      it('fails a booking left pending by a crash, after the grace period, and releases its nights', async () => {
        await crashedAfterTakingNights('crashed-1');
        await backend.recover(hotel, clock.advance(30_000));
        expect((await backend.get(hotel, 'CRA1234'))?.status).toBe('pending');
        expect(await nightsTaken(hotel, 'single', '2030-03-10', '2030-03-11')).toEqual({ '2030-03-10': 1, '2030-03-11': 1 });

        await backend.recover(hotel, clock.advance(31_000));
        expect((await backend.get(hotel, 'CRA1234'))?.status).toBe('failed');
        expect(await nightsTaken(hotel, 'single', '2030-03-10', '2030-03-11')).toEqual({});
        expect(await harness.storage().records.unreleased(hotel, 10)).toEqual([]);
        await backend.create(hotel, bookingRequest({ roomType: 'single', checkIn: '2030-03-10', checkOut: '2030-03-12' }));
      });

      it('releases the nights of a booking that reached a final state but crashed before releasing them', async () => {
        const booking = await backend.create(hotel, bookingRequest({ roomType: 'single', checkIn: '2030-03-10', checkOut: '2030-03-11' }));
        await harness
          .storage()
          .records.transition(hotel, booking.reference, ['confirmed'], 'cancelled', { released: false, cancelledBy: 'guest' }, clock.at());
        expect(await nightsTaken(hotel, 'single', '2030-03-10', '2030-03-10')).toEqual({ '2030-03-10': 1 });
        await backend.recover(hotel, clock.at());
        expect(await nightsTaken(hotel, 'single', '2030-03-10', '2030-03-10')).toEqual({});
        expect(await harness.storage().records.unreleased(hotel, 10)).toEqual([]);
      });

      it('frees nights still held by a booking that is over and already released, and leaves every other holder alone', async () => {
        const { inventory, records } = harness.storage();
        const stay = { checkIn: '2030-03-10', checkOut: '2030-03-12', adults: 1, children: 0 };
        // A create with the same key retook a night after the other one failed and released the booking, then died.
        await stored('STU1234', { status: 'failed', released: true });
        await inventory.take(hotel, 'single', ['2030-03-10', '2030-03-11'], 'STU1234', 1);
        // Holders recover must not touch: active bookings, a create still in progress, and a reference without a booking.
        const confirmed = await backend.create(hotel, bookingRequest({ roomType: 'double', ...stay }));
        const held = await backend.create(
          hotel,
          bookingRequest({ roomType: 'double', ...stay }, { holdUntil: new Date(clock.at().getTime() + 30 * MINUTE) }),
        );
        await stored('PEN1234', { roomType: 'suite' });
        await inventory.take(hotel, 'suite', ['2030-03-10', '2030-03-11'], 'PEN1234', 1);
        await inventory.take(hotel, 'suite', ['2030-03-20'], 'UNK1234', 1);
        expect((await backend.search(hotel, { ...stay, roomType: 'single' })).map((o) => o.roomType)).toEqual([]);

        await backend.recover(hotel, clock.at());

        expect((await backend.search(hotel, { ...stay, roomType: 'single' })).map((o) => [o.roomType, o.available])).toEqual([
          ['single', 1],
        ]);
        const holders = (await inventory.usage(hotel, '2030-03-01', '2030-03-31')).map((n) => [n.roomType, n.date, [...n.holders].sort()]);
        expect(holders.filter(([, , h]) => h.length > 0)).toEqual([
          ['double', '2030-03-10', [confirmed.reference, held.reference].sort()],
          ['double', '2030-03-11', [confirmed.reference, held.reference].sort()],
          ['suite', '2030-03-10', ['PEN1234']],
          ['suite', '2030-03-11', ['PEN1234']],
          ['suite', '2030-03-20', ['UNK1234']],
        ]);
        expect((await records.get(hotel, 'STU1234'))?.status).toBe('failed');
        expect((await backend.get(hotel, held.reference))?.status).toBe('held');
        expect((await backend.get(hotel, 'PEN1234'))?.status).toBe('pending');
      });

      it('finishes a pending booking when the same request comes again', async () => {
        await crashedAfterTakingNights('crashed-2');
        const request = bookingRequest({ roomType: 'single', checkIn: '2030-03-10', checkOut: '2030-03-12' });
        const finished = await backend.create(hotel, { ...request, idempotencyKey: 'crashed-2' });
        expect([finished.reference, finished.status]).toEqual(['CRA1234', 'confirmed']);
        expect(await nightsTaken(hotel, 'single', '2030-03-10', '2030-03-11')).toEqual({ '2030-03-10': 1, '2030-03-11': 1 });
      });

      it('a create overtaken by recover (it was too slow) gives its nights back and fails', async () => {
        const storage = harness.storage();
        // A create that stalls after taking its nights, long enough for another instance's recover to fail it.
        const stalling: BuiltinStorage = {
          ...storage,
          inventory: {
            take: async (...args) => {
              const outcome = await storage.inventory.take(...args);
              await backend.recover(hotel, new Date(clock.at().getTime() + 2 * MINUTE));
              return outcome;
            },
            release: (...args) => storage.inventory.release(...args),
            taken: (...args) => storage.inventory.taken(...args),
            usage: (...args) => storage.inventory.usage(...args),
            held: (...args) => storage.inventory.held(...args),
          },
        };
        const slow = backendFor(catalogOf({ [hotel]: standardRooms() }), stalling);
        await expect(
          slow.create(hotel, bookingRequest({ roomType: 'double', checkIn: '2030-03-10', checkOut: '2030-03-12' })),
        ).rejects.toThrow(RoomUnavailableError);
        const [failed] = await backend.list(hotel);
        expect(failed?.status).toBe('failed');
        expect(await nightsTaken(hotel, 'double', '2030-03-10', '2030-03-11')).toEqual({});
        expect(await storage.records.unreleased(hotel, 10)).toEqual([]);
      });
    });

    describe('tenant isolation and listings', () => {
      it('keeps hotels apart: another hotel cannot see, cancel or confirm a booking, nor its nights', async () => {
        const other = uniqueHotelId();
        const both = backendFor(catalogOf({ [hotel]: standardRooms(), [other]: standardRooms() }));
        const booking = await both.create(hotel, bookingRequest({ roomType: 'single', checkIn: '2030-03-10', checkOut: '2030-03-11' }));
        expect(await both.get(other, booking.reference)).toBeUndefined();
        await expect(both.cancel(other, booking.reference, { by: 'staff' })).rejects.toThrow(BookingNotFoundError);
        await expect(both.confirm(other, booking.reference)).rejects.toThrow(BookingNotFoundError);
        expect(await both.list(other)).toEqual([]);
        expect(await both.listForGuest(other, booking.guest.phone)).toEqual([]);
        expect(await both.expireHolds(other, clock.advance(24 * 60 * MINUTE))).toEqual([]);
        const offers = await both.search(other, { checkIn: '2030-03-10', checkOut: '2030-03-11', adults: 1, children: 0 });
        expect(offers.find((o) => o.roomType === 'single')?.available).toBe(1);
        expect((await both.get(hotel, booking.reference))?.status).toBe('confirmed');
      });

      it('lists a guest’s bookings only, soonest first, filtered by date and status', async () => {
        const mine = '+254700000101';
        const theirs = '+254700000202';
        const later = await backend.create(
          hotel,
          bookingRequest({ roomType: 'double', checkIn: '2030-04-01', checkOut: '2030-04-03' }, { phone: mine }),
        );
        const sooner = await backend.create(
          hotel,
          bookingRequest({ roomType: 'double', checkIn: '2030-03-01', checkOut: '2030-03-02' }, { phone: mine }),
        );
        await backend.create(
          hotel,
          bookingRequest({ roomType: 'single', checkIn: '2030-03-05', checkOut: '2030-03-06' }, { phone: theirs }),
        );
        const cancelled = await backend.create(
          hotel,
          bookingRequest({ roomType: 'single', checkIn: '2030-03-10', checkOut: '2030-03-11' }, { phone: mine }),
        );
        await backend.cancel(hotel, cancelled.reference, { by: 'guest' });

        const refs = async (query?: Parameters<BuiltinBackend['listForGuest']>[2]): Promise<string[]> =>
          (await backend.listForGuest(hotel, mine, query)).map((b: Booking) => b.reference);
        expect(await refs()).toEqual([sooner.reference, cancelled.reference, later.reference]);
        expect(await refs({ from: '2030-03-02' })).toEqual([cancelled.reference, later.reference]);
        expect(await refs({ from: '2030-03-02', statuses: ['held', 'confirmed'] })).toEqual([later.reference]);
        expect(await refs({ limit: 1 })).toEqual([sooner.reference]);
        expect((await backend.listForGuest(hotel, theirs)).map((b) => b.guest.phone)).toEqual([theirs]);
        expect(await backend.listForGuest(hotel, '+254700000999')).toEqual([]);
      });

      it('lists and stores a booking under its owner identity: a simulator guest and the real number never mix', async () => {
        const phone = '+254700000404';
        const unverified = `unverified:${hotel}/simulator/${phone}`;
        const real = await backend.create(
          hotel,
          bookingRequest({ roomType: 'double', checkIn: '2030-05-01', checkOut: '2030-05-02' }, { phone }),
        );
        const simulated = await backend.create(
          hotel,
          bookingRequest({ roomType: 'double', checkIn: '2030-05-03', checkOut: '2030-05-04' }, { phone, identity: unverified }),
        );
        expect(real.guest).not.toHaveProperty('identity');
        expect((await backend.get(hotel, simulated.reference))?.guest).toMatchObject({ phone, identity: unverified });
        expect((await backend.listForGuest(hotel, phone)).map((b) => b.reference)).toEqual([real.reference]);
        expect((await backend.listForGuest(hotel, unverified)).map((b) => b.reference)).toEqual([simulated.reference]);
      });

      it('lists the hotel’s bookings for operators by check-in, within dates and statuses', async () => {
        const a = await backend.create(hotel, bookingRequest({ roomType: 'double', checkIn: '2030-03-20', checkOut: '2030-03-22' }));
        const b = await backend.create(
          hotel,
          bookingRequest({ roomType: 'single', checkIn: '2030-03-05', checkOut: '2030-03-07' }, { phone: '+254700000303' }),
        );
        const c = await backend.create(
          hotel,
          bookingRequest(
            { roomType: 'double', checkIn: '2030-03-10', checkOut: '2030-03-11' },
            { holdUntil: new Date(clock.at().getTime() + MINUTE) },
          ),
        );
        const refs = async (query?: Parameters<BuiltinBackend['list']>[1]): Promise<string[]> =>
          (await backend.list(hotel, query)).map((x) => x.reference);
        expect(await refs()).toEqual([b.reference, c.reference, a.reference]);
        expect(await refs({ from: '2030-03-07', to: '2030-03-20' })).toEqual([c.reference]);
        expect(await refs({ statuses: ['held'] })).toEqual([c.reference]);
        await expect(backend.list(hotel, { from: 'next week' })).rejects.toThrow(RangeError);
      });
    });

    describe('start', () => {
      it('records the configured room types, and marks removed ones inactive after a restart', async () => {
        const stored = await harness.storage().roomTypes.list(hotel);
        expect(stored.map((r) => [r.id, r.rooms, r.rate, r.currency, r.active])).toEqual([
          ['double', 2, 100, 'EUR', true],
          ['single', 1, 60, 'EUR', true],
          ['suite', 1, 250, 'EUR', true],
        ]);
        clock.advance(MINUTE);
        const restarted = backendFor(
          catalogOf({
            [hotel]: [...standardRooms({ double: 4 }).filter((r) => r.id !== 'suite'), room({ id: 'loft', rooms: 1, rate: 180 })],
          }),
        );
        await restarted.start();
        const after = await harness.storage().roomTypes.list(hotel);
        expect(after.map((r) => [r.id, r.rooms, r.active])).toEqual([
          ['double', 4, true],
          ['loft', 1, true],
          ['single', 1, true],
          ['suite', 1, false],
        ]);
        expect(after.find((r) => r.id === 'suite')?.updatedAt).toEqual(clock.at());
      });
    });
  });
}
