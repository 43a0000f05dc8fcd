import { BookingNotFoundError, BookingStateError, RoomUnavailableError } from '../src/backend/booking-backend';
import { HttpBookingBackend } from '../src/backend/http';
import type { ReservationSystemFake } from '../../../test/fakes/reservation-system-fake';
import { API_KEY, GUEST, HOTEL, backendFor, bookingRequest, rejectionOf, startReservationSystem } from './http-backend-fixtures';
import { createLogger } from '@hotello/core';

let fake: ReservationSystemFake;
let backend: HttpBookingBackend;

beforeAll(async () => {
  fake = await startReservationSystem();
  backend = backendFor(fake);
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  fake.now = () => new Date();
});

describe('HTTP booking backend: round trips over the wire contract', () => {
  it('reads room types with the bearer key, below the configured base path', async () => {
    const roomTypes = await backend.roomTypes(HOTEL);

    expect(roomTypes).toEqual([
      { id: 'double', name: { en: 'Double room', es: 'Habitación doble' }, capacity: { adults: 2, children: 1 }, rooms: 2, minStay: 1 },
      // A plain string from the system is text in every language.
      { id: 'single', name: { en: 'Single room' }, capacity: { adults: 1, children: 0 }, rooms: 1, minStay: 1 },
      { id: 'suite', name: { en: 'Suite' }, capacity: { adults: 4, children: 2 }, rooms: 1, minStay: 2 },
    ]);
    const [request] = fake.requests;
    expect(request!.path).toBe(`/hotello/hotels/${HOTEL}/room-types`);
    expect(request!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request!.headers.accept).toBe('application/json');
  });

  it('searches for a stay and party: offers that fit, cheapest first, with nightly rates', async () => {
    const offers = await backend.search(HOTEL, { checkIn: '2030-06-10', checkOut: '2030-06-12', adults: 1, children: 0 });

    expect(offers.map((o) => [o.roomType, o.total.amount, o.available])).toEqual([
      ['single', 160, 1],
      ['double', 240, 2],
      ['suite', 600, 1],
    ]);
    expect(offers[0]!.nightly).toEqual([
      { date: '2030-06-10', amount: 80 },
      { date: '2030-06-11', amount: 80 },
    ]);
    expect(offers[0]!.total).toEqual({ amount: 160, currency: 'EUR' });
    expect(Object.fromEntries(fake.requests[0]!.query)).toEqual({
      checkIn: '2030-06-10',
      checkOut: '2030-06-12',
      adults: '1',
      children: '0',
    });
  });

  it('passes a named room type and returns only offers for it', async () => {
    const offers = await backend.search(HOTEL, {
      checkIn: '2030-06-10',
      checkOut: '2030-06-12',
      adults: 2,
      children: 1,
      roomType: 'double',
    });

    expect(offers.map((o) => o.roomType)).toEqual(['double']);
    expect(fake.requests[0]!.query.get('roomType')).toBe('double');
  });

  it('creates a confirmed booking, sending the idempotency key and the documented body', async () => {
    const request = bookingRequest();
    const booking = await backend.create(HOTEL, request);

    expect(booking).toMatchObject({
      hotelId: HOTEL,
      status: 'confirmed',
      roomType: 'double',
      roomName: { en: 'Double room', es: 'Habitación doble' },
      checkIn: '2030-06-10',
      checkOut: '2030-06-13',
      nights: 3,
      adults: 2,
      children: 0,
      guest: { phone: GUEST, name: 'Amina Otieno', language: 'en', channelId: 'cloud-api' },
      total: { amount: 360, currency: 'EUR' },
    });
    expect(booking.reference).toMatch(/^HT[0-9A-Z]{5}$/);
    expect(booking.createdAt).toBeInstanceOf(Date);
    expect(booking.holdExpiresAt).toBeUndefined();

    const [post] = fake.requestsTo('POST', /\/bookings$/);
    expect(post!.headers['idempotency-key']).toBe(request.idempotencyKey);
    expect(post!.headers['content-type']).toBe('application/json');
    expect(post!.json).toEqual({
      roomType: 'double',
      checkIn: '2030-06-10',
      checkOut: '2030-06-13',
      adults: 2,
      children: 0,
      guest: { phone: GUEST, name: 'Amina Otieno', language: 'en', channelId: 'cloud-api' },
    });
  });

  it('creates a held booking until the given instant', async () => {
    const holdUntil = new Date('2030-01-01T12:30:00.000Z');
    const booking = await backend.create(HOTEL, bookingRequest({ holdUntil }));

    expect(booking.status).toBe('held');
    expect(booking.holdExpiresAt).toEqual(holdUntil);
    expect((fake.requestsTo('POST', /\/bookings$/)[0]!.json as { holdUntil: string }).holdUntil).toBe('2030-01-01T12:30:00.000Z');
  });

  it('returns the same booking for a key used twice, and books once', async () => {
    const request = bookingRequest();
    const first = await backend.create(HOTEL, request);
    const second = await backend.create(HOTEL, request);

    expect(second).toEqual(first);
    expect(fake.bookingsOf(HOTEL)).toHaveLength(1);
  });

  it('turns 409 unavailable into RoomUnavailableError, without retrying', async () => {
    // The only single room is taken on the overlapping nights.
    await backend.create(HOTEL, bookingRequest({ stay: { roomType: 'single', adults: 1 } }));
    const error = await rejectionOf(
      backend.create(HOTEL, bookingRequest({ stay: { roomType: 'single', adults: 1, checkIn: '2030-06-12', checkOut: '2030-06-14' } })),
    );

    expect(error).toBeInstanceOf(RoomUnavailableError);
    expect((error as RoomUnavailableError).roomType).toBe('single');
    expect(fake.requestsTo('POST', /\/bookings$/)).toHaveLength(2);
    expect(fake.bookingsOf(HOTEL)).toHaveLength(1);
  });

  it('gets a booking by reference, and undefined for an unknown one', async () => {
    const created = await backend.create(HOTEL, bookingRequest());

    await expect(backend.get(HOTEL, created.reference)).resolves.toEqual(created);
    await expect(backend.get(HOTEL, 'NOPE123')).resolves.toBeUndefined();
    await expect(backend.get('seaside', created.reference)).resolves.toBeUndefined();
  });

  it('percent-encodes hotel ids and references so they cannot change the path', async () => {
    await expect(backend.get(HOTEL, '../room-types?x=1')).resolves.toBeUndefined();
    expect(fake.requests[0]!.path).toBe(`/hotello/hotels/${HOTEL}/bookings/..%2Froom-types%3Fx%3D1`);

    await rejectionOf(backend.roomTypes('city lodge/1'));
    expect(fake.requests[1]!.path).toBe('/hotello/hotels/city%20lodge%2F1/room-types');
  });

  it("lists a guest's bookings soonest first, with the filters on the query", async () => {
    const later = await backend.create(HOTEL, bookingRequest({ stay: { checkIn: '2030-08-01', checkOut: '2030-08-03' } }));
    const sooner = await backend.create(HOTEL, bookingRequest({ stay: { checkIn: '2030-07-01', checkOut: '2030-07-02' } }));
    const someoneElses = await backend.create(HOTEL, {
      ...bookingRequest({ stay: { checkIn: '2030-07-15', checkOut: '2030-07-16' } }),
      guest: { phone: '+254700000002', name: 'Brian' },
    });

    const mine = await backend.listForGuest(HOTEL, GUEST);
    expect(mine.map((b) => b.reference)).toEqual([sooner.reference, later.reference]);

    const filtered = await backend.listForGuest(HOTEL, GUEST, {
      from: '2030-07-10',
      to: '2030-12-31',
      statuses: ['held', 'confirmed'],
      limit: 5,
    });
    expect(filtered.map((b) => b.reference)).toEqual([later.reference]);
    const listQuery = fake.requestsTo('GET', /\/bookings$/).at(-1)!.query;
    expect(Object.fromEntries(listQuery)).toEqual({
      guest: GUEST,
      from: '2030-07-10',
      to: '2030-12-31',
      status: 'held,confirmed',
      limit: '5',
    });

    const all = await backend.list(HOTEL);
    expect(all.map((b) => b.reference)).toEqual([sooner.reference, someoneElses.reference, later.reference]);
    expect(
      fake
        .requestsTo('GET', /\/bookings$/)
        .at(-1)!
        .query.has('guest'),
    ).toBe(false);
  });

  it('keeps to the limit even when the system ignores it', async () => {
    await backend.create(HOTEL, bookingRequest({ stay: { checkIn: '2030-08-01', checkOut: '2030-08-03' } }));
    await backend.create(HOTEL, bookingRequest({ stay: { checkIn: '2030-07-01', checkOut: '2030-07-02' } }));
    fake.failNext(1, { status: 200, body: { bookings: fake.bookingsOf(HOTEL) } });

    const listed = await backend.list(HOTEL, { limit: 1 });
    expect(listed.map((b) => b.checkIn)).toEqual(['2030-07-01']);
  });

  it('cancels (releasing the rooms), and cancelling again returns the same cancelled booking', async () => {
    const booking = await backend.create(HOTEL, bookingRequest({ stay: { roomType: 'single', adults: 1 } }));
    const stay = { checkIn: '2030-06-10', checkOut: '2030-06-13', adults: 1, children: 0, roomType: 'single' };
    await expect(backend.search(HOTEL, stay)).resolves.toEqual([]);

    const fee = { amount: 80, currency: 'EUR' };
    const cancelled = await backend.cancel(HOTEL, booking.reference, { by: 'guest', fee });
    expect(cancelled).toMatchObject({ reference: booking.reference, status: 'cancelled', cancelledBy: 'guest', cancellationFee: fee });
    expect(fake.requestsTo('POST', /\/cancel$/)[0]!.json).toEqual({ by: 'guest', fee });
    await expect(backend.search(HOTEL, stay)).resolves.toHaveLength(1);

    await expect(backend.cancel(HOTEL, booking.reference, { by: 'staff' })).resolves.toMatchObject({
      status: 'cancelled',
      cancelledBy: 'guest',
    });
  });

  it('confirms a held booking, idempotently', async () => {
    const held = await backend.create(HOTEL, bookingRequest({ holdUntil: new Date(Date.now() + 60_000) }));

    const confirmed = await backend.confirm(HOTEL, held.reference);
    expect(confirmed).toMatchObject({ reference: held.reference, status: 'confirmed' });
    await expect(backend.confirm(HOTEL, held.reference)).resolves.toMatchObject({ status: 'confirmed' });
  });

  it('turns 409 state into BookingStateError: confirming an expired hold, cancelling an expired booking', async () => {
    const held = await backend.create(HOTEL, bookingRequest({ holdUntil: new Date(Date.now() + 60_000) }));
    fake.now = () => new Date(Date.now() + 120_000);

    const confirmError = await rejectionOf(backend.confirm(HOTEL, held.reference));
    expect(confirmError).toBeInstanceOf(BookingStateError);
    expect(confirmError).toMatchObject({ reference: held.reference, status: 'expired' });

    await expect(backend.cancel(HOTEL, held.reference, { by: 'guest' })).rejects.toMatchObject({
      name: 'BookingStateError',
      status: 'expired',
    });
    // Domain answers are not failures: each was asked once.
    expect(fake.requestsTo('POST', /\/(confirm|cancel)$/)).toHaveLength(2);
  });

  it('turns 404 on cancel and confirm into BookingNotFoundError', async () => {
    const cancelError = await rejectionOf(backend.cancel(HOTEL, 'NOPE123', { by: 'staff' }));
    expect(cancelError).toBeInstanceOf(BookingNotFoundError);
    expect(cancelError).toMatchObject({ reference: 'NOPE123' });
    await expect(backend.confirm(HOTEL, 'NOPE123')).rejects.toBeInstanceOf(BookingNotFoundError);
    expect(fake.requests).toHaveLength(2);
  });

  it('refuses a baseUrl with credentials at construction, pointing to apiKey', () => {
    expect(
      () =>
        new HttpBookingBackend(
          { type: 'http', baseUrl: 'https://user:pass@pms.example.com', timeoutMs: 1000, retries: 0 },
          { logger: createLogger({ level: 'silent' }) },
        ),
    ).toThrow(/apiKey/);
  });
});
