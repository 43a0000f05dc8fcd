import { definePlugin, createLogger } from '@hotello/core';
import { createTestBot, signTestJwt, type TestBot } from '@hotello/core/testing';
import { registerBookingAdminRoutes } from '../src/admin/bookings-routes';
import { BackendUnavailableError } from '../src/backend/booking-backend';
import { BuiltinBackend } from '../src/backend/builtin';
import { RoomCatalog } from '../src/domain/room-catalog';
import { bookingOptionsSchema } from '../src/options';
import { memoryBuiltinStorage } from './builtin-fixtures';
import { FakeBookingBackend, operatorsConfig, ROOMS } from './operators-fixtures';

const API_KEY = 'booking-admin-key-0123456789';
const JWT_SECRET = 'booking-admin-jwt-secret-0123456789abcdef';
const NOW = new Date('2030-03-05T12:00:00Z');

describe('GET /admin/hotels/:hotel/bookings', () => {
  let bot: TestBot;
  let base: string;
  let backend: FakeBookingBackend;

  beforeAll(async () => {
    backend = new FakeBookingBackend();
    const plugin = definePlugin({
      name: 'booking',
      options: bookingOptionsSchema,
      register(ctx) {
        registerBookingAdminRoutes(ctx.http.adminRouter, () => backend, { now: () => NOW });
      },
    });
    bot = await createTestBot({
      plugins: [plugin],
      config: operatorsConfig({ admin: { apiKeys: [API_KEY], jwt: { secret: JWT_SECRET, audience: 'hotello-admin' } } }),
    });
    base = `http://127.0.0.1:${await bot.kernel.listen(0, '127.0.0.1')}`;
  });
  afterAll(() => bot.stop());
  beforeEach(() => {
    backend.queries.length = 0;
    backend.failure = undefined;
  });

  /** `null`: no Authorization header at all. */
  const get = (path: string, token: string | null = API_KEY) =>
    fetch(`${base}${path}`, token === null ? {} : { headers: { authorization: `Bearer ${token}` } });

  it('lists a hotel’s bookings with an API key, dates as ISO strings, from today at the hotel by default', async () => {
    const res = await get('/admin/hotels/seaside/bookings');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { hotelId: string; query: unknown; bookings: Record<string, unknown>[] };
    expect(body.hotelId).toBe('seaside');
    expect(body.query).toEqual({ from: '2030-03-05', limit: 100 });
    expect(body.bookings.map((b) => b.reference)).toEqual(['KMT4821', 'PLW1093']);
    expect(body.bookings[0]).toEqual({
      reference: 'KMT4821',
      status: 'held',
      roomType: 'double',
      roomName: { en: 'Double room' },
      checkIn: '2030-03-10',
      checkOut: '2030-03-12',
      nights: 2,
      adults: 2,
      children: 1,
      guest: { phone: '+254700000001', name: 'Amina Njeri', channelId: 'cloud-api', language: 'en' },
      total: { amount: 240, currency: 'EUR' },
      nightly: [
        { date: '2030-03-10', amount: 120 },
        { date: '2030-03-11', amount: 120 },
      ],
      holdExpiresAt: '2030-03-01T10:30:00.000Z',
      createdAt: '2030-03-01T10:00:00.000Z',
      updatedAt: '2030-03-01T10:00:00.000Z',
    });
    expect(backend.queries).toEqual([{ hotelId: 'seaside', query: { from: '2030-03-05', limit: 100 } }]);
  });

  it('passes the filter on to the backend', async () => {
    const res = await get('/admin/hotels/seaside/bookings?from=2030-03-01&to=2030-03-31&status=held,%20confirmed&limit=20');
    expect(res.status).toBe(200);
    expect(backend.queries[0]).toEqual({
      hotelId: 'seaside',
      query: { from: '2030-03-01', to: '2030-03-31', statuses: ['held', 'confirmed'], limit: 20 },
    });
  });

  it('accepts an admin JWT', async () => {
    const token = signTestJwt({ key: JWT_SECRET, claims: { sub: 'gm', aud: 'hotello-admin', hotels: ['seaside'], role: 'manager' } });
    expect((await get('/admin/hotels/seaside/bookings', token)).status).toBe(200);
  });

  it('answers 401 without credentials, with a wrong key, or with a bad token', async () => {
    for (const token of [
      null,
      'wrong-admin-key-0123456789',
      signTestJwt({ key: 'another-secret-another-secret-0123456789', claims: { aud: 'hotello-admin' } }),
      signTestJwt({ key: JWT_SECRET, claims: { aud: 'someone-else' } }),
    ]) {
      const res = await get('/admin/hotels/seaside/bookings', token);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'unauthorized' });
    }
    expect(
      (await get('/admin/hotels/seaside/bookings', signTestJwt({ key: JWT_SECRET, claims: { aud: 'hotello-admin' }, expiresIn: -300 })))
        .status,
    ).toBe(401);
    expect(backend.queries).toEqual([]);
  });

  it('answers 404 for an unknown hotel and for one where booking is off', async () => {
    for (const hotel of ['atlantis', 'citylodge']) {
      const res = await get(`/admin/hotels/${hotel}/bookings`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: 'not_found', message: 'unknown hotel' });
    }
  });

  it('answers 400 naming every bad parameter', async () => {
    const res = await get('/admin/hotels/seaside/bookings?from=2030-02-30&to=tomorrow&status=held,booked&limit=0&sort=asc');
    expect(res.status).toBe(400);
    const { message } = (await res.json()) as { message: string };
    expect(message.split('; ')).toEqual([
      'unknown parameter "sort" (expected from, to, status, limit)',
      'from: expected a date as YYYY-MM-DD, got "2030-02-30"',
      'to: expected a date as YYYY-MM-DD, got "tomorrow"',
      'status: expected a comma-separated list of pending, held, confirmed, cancelled, expired, failed, got "held,booked"',
      'limit: expected a whole number from 1 to 500, got "0"',
    ]);
    const reversed = await get('/admin/hotels/seaside/bookings?from=2030-04-01&to=2030-03-01');
    expect(reversed.status).toBe(400);
    expect(await reversed.json()).toMatchObject({ message: 'from (2030-04-01) is after to (2030-03-01)' });
    expect((await get('/admin/hotels/seaside/bookings?from=2030-03-01&from=2030-03-02')).status).toBe(400);
    expect(backend.queries).toEqual([]);
  });

  it('answers 503 when the reservation system is unavailable', async () => {
    backend.failure = new BackendUnavailableError('timeout after 5000 ms');
    const res = await get('/admin/hotels/seaside/bookings');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: 'unavailable', message: 'the reservation system is not answering; try again shortly' });
  });
});

describe('the bookings endpoint on the built-in backend', () => {
  it('lists what was booked, filtered by stay dates and status', async () => {
    const catalog = RoomCatalog.of({ seaside: { rooms: bookingOptionsSchema.parse({ roomTypes: ROOMS }).roomTypes } });
    const backend = new BuiltinBackend(memoryBuiltinStorage(), { catalog, logger: createLogger({ level: 'silent' }) });
    await backend.start();
    const guest = { phone: '+254700000009', name: 'Wanjiru' };
    const stay = (checkIn: string, checkOut: string) => ({ checkIn, checkOut, adults: 2, children: 0, roomType: 'double' });
    const early = await backend.create('seaside', { idempotencyKey: 'a', stay: stay('2030-03-02', '2030-03-04'), guest });
    const later = await backend.create('seaside', { idempotencyKey: 'b', stay: stay('2030-03-20', '2030-03-22'), guest });
    const cancelled = await backend.create('seaside', { idempotencyKey: 'c', stay: stay('2030-03-21', '2030-03-23'), guest });
    await backend.cancel('seaside', cancelled.reference, { by: 'staff' });

    const plugin = definePlugin({
      name: 'booking',
      options: bookingOptionsSchema,
      register: (ctx) => registerBookingAdminRoutes(ctx.http.adminRouter, () => backend, { now: () => NOW }),
    });
    const bot = await createTestBot({ plugins: [plugin], config: operatorsConfig({ admin: { apiKeys: [API_KEY] } }) });
    try {
      const base = `http://127.0.0.1:${await bot.kernel.listen(0, '127.0.0.1')}`;
      const list = async (query: string) => {
        const res = await fetch(`${base}/admin/hotels/seaside/bookings${query}`, { headers: { authorization: `Bearer ${API_KEY}` } });
        expect(res.status).toBe(200);
        return ((await res.json()) as { bookings: { reference: string }[] }).bookings.map((b) => b.reference);
      };
      expect(await list('')).toEqual([later.reference, cancelled.reference]);
      expect(await list('?from=2030-03-01')).toEqual([early.reference, later.reference, cancelled.reference]);
      expect(await list('?from=2030-03-01&status=confirmed')).toEqual([early.reference, later.reference]);
      expect(await list('?from=2030-03-01&to=2030-03-10')).toEqual([early.reference]);
    } finally {
      await bot.stop();
    }
  });
});

describe('GET /admin/hotels/:hotel/bookings per hotel and role', () => {
  const SEASIDE_MANAGER = 'seaside-manager-key-0123456789';
  const SEASIDE_DESK = 'seaside-desk-key-0123456789';
  let bot: TestBot;
  let base: string;

  beforeAll(async () => {
    const backend = new FakeBookingBackend();
    const plugin = definePlugin({
      name: 'booking',
      options: bookingOptionsSchema,
      register: (ctx) => registerBookingAdminRoutes(ctx.http.adminRouter, () => backend, { now: () => NOW }),
    });
    const config = operatorsConfig({
      admin: {
        apiKeys: [
          { key: SEASIDE_MANAGER, hotels: ['seaside'], role: 'manager' },
          { key: SEASIDE_DESK, hotels: ['seaside'], role: 'front-desk' },
        ],
        jwt: { secret: JWT_SECRET },
      },
    });
    // A second hotel with booking on, so "another hotel" is one the plugin does serve.
    const hotels = [
      ...(config.hotels as Record<string, unknown>[]),
      { id: 'harbour', name: 'Harbour Inn', plugins: { booking: { roomTypes: ROOMS } } },
    ];
    bot = await createTestBot({ plugins: [plugin], config: { ...config, hotels } });
    base = `http://127.0.0.1:${await bot.kernel.listen(0, '127.0.0.1')}`;
  });
  afterAll(() => bot.stop());

  /** What a caller sees, minus the Date header; a fixed request id makes two answers comparable byte for byte. */
  const answer = async (hotel: string, token: string) => {
    const res = await fetch(`${base}/admin/hotels/${hotel}/bookings`, {
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'same-request-id' },
    });
    return { status: res.status, headers: [...res.headers.entries()].filter(([name]) => name !== 'date'), body: await res.text() };
  };

  it('needs the manager role: a manager key reads its hotel, a front-desk key gets 403', async () => {
    expect((await answer('seaside', SEASIDE_MANAGER)).status).toBe(200);
    const desk = await answer('seaside', SEASIDE_DESK);
    expect(desk.status).toBe(403);
    expect(JSON.parse(desk.body)).toMatchObject({ error: 'forbidden', message: 'this needs the manager role or higher' });
  });

  it('answers a hotel outside the key exactly like an unknown hotel', async () => {
    const unknown = await answer('atlantis', SEASIDE_MANAGER);
    expect(unknown.status).toBe(404);
    expect(await answer('harbour', SEASIDE_MANAGER)).toEqual(unknown);
    expect(await answer('citylodge', SEASIDE_MANAGER)).toEqual(unknown);
    // The hotel is checked before the role, so a front-desk key learns nothing either.
    expect(await answer('harbour', SEASIDE_DESK)).toEqual(await answer('atlantis', SEASIDE_DESK));
  });

  it('reads the hotels and role claims of a token', async () => {
    const jwt = (claims: Record<string, unknown>) => signTestJwt({ key: JWT_SECRET, claims });
    expect((await answer('harbour', jwt({ hotels: ['harbour'], role: 'manager' }))).status).toBe(200);
    expect((await answer('harbour', jwt({ hotels: ['harbour'], role: 'front-desk' }))).status).toBe(403);
    expect(await answer('seaside', jwt({ hotels: ['harbour'], role: 'admin' }))).toEqual(
      await answer('atlantis', jwt({ hotels: ['harbour'], role: 'admin' })),
    );
    expect((await answer('seaside', jwt({ role: 'admin' }))).status).toBe(404);
    expect((await answer('seaside', jwt({ hotels: '*', role: 'admin', exp: 1e300 }))).status).toBe(401);
  });
});
