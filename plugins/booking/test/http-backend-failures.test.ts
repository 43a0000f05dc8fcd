import { BackendUnavailableError } from '../src/backend/booking-backend';
import { ReservationSystemError } from '../src/backend/http';
import type { ReservationSystemFake } from '../../../test/fakes/reservation-system-fake';
import {
  API_KEY,
  GUEST,
  HOTEL,
  backendFor,
  bookingRequest,
  captureLogs,
  rejectionOf,
  startReservationSystem,
} from './http-backend-fixtures';

let fake: ReservationSystemFake;

beforeAll(async () => {
  fake = await startReservationSystem();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const stay = { checkIn: '2030-06-10', checkOut: '2030-06-12', adults: 2, children: 0 };
const creates = () => fake.requestsTo('POST', /\/bookings$/);

describe('HTTP booking backend: an idempotent create survives retries', () => {
  it('retries after a 503 with the same key, and books once', async () => {
    fake.unavailableNext(1);
    const request = bookingRequest();

    const booking = await backendFor(fake).create(HOTEL, request);

    expect(booking.status).toBe('confirmed');
    expect(creates().map((r) => r.headers['idempotency-key'])).toEqual([request.idempotencyKey, request.idempotencyKey]);
    expect(fake.bookingsOf(HOTEL)).toHaveLength(1);
  });

  it('retries after a timeout whose request was handled, and gets the booking already made', async () => {
    fake.slowNext(1, 600);
    const request = bookingRequest();

    const booking = await backendFor(fake).create(HOTEL, request);

    expect(creates()).toHaveLength(2);
    expect(creates()[1]!.headers['idempotency-key']).toBe(request.idempotencyKey);
    expect(fake.bookingsOf(HOTEL).map((b) => b.reference)).toEqual([booking.reference]);
  });

  it('retries after a 500 sent once the booking was made, and books once', async () => {
    fake.failAfterHandlingNext(1);

    const booking = await backendFor(fake).create(HOTEL, bookingRequest());

    expect(creates()).toHaveLength(2);
    expect(fake.bookingsOf(HOTEL).map((b) => b.reference)).toEqual([booking.reference]);
  });

  it('retries cancel after a timeout: the retry finds it cancelled and says so', async () => {
    const backend = backendFor(fake);
    const booking = await backend.create(HOTEL, bookingRequest());
    fake.slowNext(1, 600);

    await expect(backend.cancel(HOTEL, booking.reference, { by: 'guest' })).resolves.toMatchObject({ status: 'cancelled' });
    expect(fake.requestsTo('POST', /\/cancel$/)).toHaveLength(2);
  });
});

describe('HTTP booking backend: retries of what may pass', () => {
  it('retries a read after a dropped connection', async () => {
    fake.failNext(1, { status: 0, drop: true });

    await expect(backendFor(fake).roomTypes(HOTEL)).resolves.toHaveLength(3);
    expect(fake.requests).toHaveLength(2);
  });

  it('waits at least the Retry-After of a 429 before retrying', async () => {
    fake.throttleNext(1, '0.4');
    const started = Date.now();

    await expect(backendFor(fake).search(HOTEL, stay)).resolves.not.toHaveLength(0);

    // The test backoff alone is at most 20 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(fake.requests).toHaveLength(2);
  });

  it('does not wait for a Retry-After longer than a guest can: fails at once', async () => {
    fake.throttleNext(1, '120');

    const error = await rejectionOf(backendFor(fake).create(HOTEL, bookingRequest()));

    expect(error).toBeInstanceOf(ReservationSystemError);
    expect(error).toMatchObject({ status: 429, attempts: 1, outcomeUnknown: false });
    expect(error.message).toMatch(/retry after 120 s, longer than a guest can wait/);
    expect(fake.requests).toHaveLength(1);
  });

  it('retries a malformed 2xx body like a server error', async () => {
    fake.malformedNext(1);

    await expect(backendFor(fake).roomTypes(HOTEL)).resolves.toHaveLength(3);
    expect(fake.requests).toHaveLength(2);
  });
});

describe('HTTP booking backend: when the retries run out', () => {
  it('a create whose attempts all timed out: BackendUnavailableError with the outcome unknown (it was in fact made)', async () => {
    fake.slowNext(3, 600);

    const error = await rejectionOf(backendFor(fake).create(HOTEL, bookingRequest()));

    expect(error).toBeInstanceOf(BackendUnavailableError);
    expect(error).toMatchObject({ outcomeUnknown: true, attempts: 3 });
    expect(error.message).toBe(
      `reservation system unavailable: POST /hotels/${HOTEL}/bookings failed after 3 attempts (last: no answer within 250 ms); the change may or may not have been made`,
    );
    expect(creates()).toHaveLength(3);
    expect(fake.bookingsOf(HOTEL)).toHaveLength(1);
  });

  it('a create that got 5xx every time: outcome unknown', async () => {
    fake.unavailableNext(3, 502);

    const error = await rejectionOf(backendFor(fake).create(HOTEL, bookingRequest()));

    expect(error).toMatchObject({ name: 'ReservationSystemError', outcomeUnknown: true, status: 502, attempts: 3 });
    expect(error.message).toMatch(/failed after 3 attempts \(last: 502 \(unavailable_temporarily\)\)/);
  });

  it('a cancel that got 5xx every time: outcome unknown', async () => {
    const backend = backendFor(fake);
    const booking = await backend.create(HOTEL, bookingRequest());
    fake.failAfterHandlingNext(3);

    await expect(backend.cancel(HOTEL, booking.reference, { by: 'staff' })).rejects.toMatchObject({ outcomeUnknown: true, attempts: 3 });
    expect(fake.bookingsOf(HOTEL)[0]!.status).toBe('cancelled');
  });

  it('a create that was only ever throttled: nothing was done, so the outcome is known', async () => {
    fake.throttleNext(3, '0.01');

    await expect(backendFor(fake).create(HOTEL, bookingRequest())).rejects.toMatchObject({
      outcomeUnknown: false,
      status: 429,
      attempts: 3,
    });
    expect(fake.bookingsOf(HOTEL)).toHaveLength(0);
  });

  it('a create whose connection was refused every time: the outcome is known', async () => {
    const closed = await startReservationSystem();
    const backend = backendFor(closed);
    await closed.close();

    const error = await rejectionOf(backend.create(HOTEL, bookingRequest()));

    expect(error).toMatchObject({ outcomeUnknown: false, attempts: 3 });
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('a create timed out once, then throttled: still unknown, since the first attempt may have booked', async () => {
    // Answered too late for the client, which cannot know nothing was done.
    fake.failNext(1, { status: 503, delayMs: 600 });
    fake.throttleNext(2, '0.01');

    await expect(backendFor(fake).create(HOTEL, bookingRequest())).rejects.toMatchObject({ outcomeUnknown: true, status: 429 });
  });

  it('a read that kept failing: BackendUnavailableError, never an unknown outcome', async () => {
    fake.unavailableNext(3);

    const error = await rejectionOf(backendFor(fake).search(HOTEL, stay));

    expect(error).toBeInstanceOf(BackendUnavailableError);
    expect(error).toMatchObject({ outcomeUnknown: false, attempts: 3 });
    expect(fake.requests).toHaveLength(3);
  });

  it('makes exactly retries + 1 attempts', async () => {
    fake.unavailableNext(10);

    await rejectionOf(backendFor(fake, { retries: 0 }).roomTypes(HOTEL));
    expect(fake.requests).toHaveLength(1);
    fake.reset();
    fake.unavailableNext(10);
    await rejectionOf(backendFor(fake, { retries: 4 }).roomTypes(HOTEL));
    expect(fake.requests).toHaveLength(5);
  });
});

describe('HTTP booking backend: malformed answers', () => {
  it('names the field that breaks the contract', async () => {
    fake.malformedNext(3);

    const error = await rejectionOf(backendFor(fake).roomTypes(HOTEL));

    expect(error).toBeInstanceOf(ReservationSystemError);
    expect(error.message).toMatch(/GET \/hotels\/citylodge\/room-types answered 200 with a body that breaks the contract \(roomTypes: /);
  });

  it('says when a body is not JSON at all', async () => {
    fake.malformedNext(3, 'not-json');

    await expect(backendFor(fake).get(HOTEL, 'HT12345')).rejects.toThrow(/answered 200 with a body that is not JSON/);
  });

  it('a create answered with a malformed 2xx was done: the outcome is unknown', async () => {
    fake.malformedNext(3);

    await expect(backendFor(fake).create(HOTEL, bookingRequest())).rejects.toMatchObject({ outcomeUnknown: true });
    expect(fake.bookingsOf(HOTEL)).toHaveLength(1);
  });

  it('rejects a booking of another hotel in the answer', async () => {
    const backend = backendFor(fake);
    const booking = await backend.create(HOTEL, bookingRequest());
    const elsewhere = { ...fake.bookingsOf(HOTEL)[0]!, hotelId: 'seaside' };
    fake.failNext(3, { status: 200, body: { booking: elsewhere } });

    await expect(backend.get(HOTEL, booking.reference)).rejects.toThrow(/booking\.hotelId: expected "citylodge", the hotel in the URL/);
  });

  it('accepts null for absent optional fields and ignores fields it does not know', async () => {
    const backend = backendFor(fake);
    const booking = await backend.create(HOTEL, bookingRequest());
    const wire = { ...fake.bookingsOf(HOTEL)[0]!, holdExpiresAt: null, cancellationFee: null, loyaltyTier: 'gold' };
    fake.failNext(1, { status: 200, body: { booking: wire } });

    const got = await backend.get(HOTEL, booking.reference);
    expect(got).toEqual(booking);
    expect(got).not.toHaveProperty('holdExpiresAt');
  });
});

describe('HTTP booking backend: refusals are not retried', () => {
  it('a wrong key: 401 once, with an error that says to check apiKey', async () => {
    const error = await rejectionOf(backendFor(fake, { apiKey: 'wrong-key' }).roomTypes(HOTEL));

    expect(error).toBeInstanceOf(BackendUnavailableError);
    expect(error).toMatchObject({ status: 401, attempts: 1, outcomeUnknown: false });
    expect(error.message).toBe(
      `reservation system refused our credentials (401) for GET /hotels/${HOTEL}/room-types: check apiKey in the hotel's booking backend options`,
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('no key at all: the error says none is configured', async () => {
    await expect(backendFor(fake, { apiKey: undefined }).create(HOTEL, bookingRequest())).rejects.toThrow(/no apiKey is configured/);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('a 400 from the system is asked once and reported with its message', async () => {
    const error = await rejectionOf(backendFor(fake).create(HOTEL, bookingRequest({ name: '' })));

    expect(error).toMatchObject({ name: 'ReservationSystemError', status: 400, outcomeUnknown: false });
    expect(error.message).toMatch(
      /rejected POST \/hotels\/citylodge\/bookings with 400 \(invalid: guest.phone and guest.name are required\)/,
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('a hotel the system does not know: 404 once, pointing at baseUrl and the hotel id', async () => {
    await expect(backendFor(fake).search('atlantis', stay)).rejects.toThrow(
      /answered 404 for GET \/hotels\/atlantis\/availability: check baseUrl/,
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('a 409 with a code the contract does not define is not taken for unavailability', async () => {
    fake.failNext(1, { status: 409, body: { error: 'idempotency_mismatch' } });

    const error = await rejectionOf(backendFor(fake).create(HOTEL, bookingRequest()));
    expect(error).toBeInstanceOf(ReservationSystemError);
    expect(error.message).toMatch(/409 with \{ error: "idempotency_mismatch" \}/);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('HTTP booking backend: logs', () => {
  it('logs each failed attempt, without the key or the guest phone', async () => {
    const logs = captureLogs();
    fake.unavailableNext(3);

    await rejectionOf(backendFor(fake, {}, logs.logger).listForGuest(HOTEL, GUEST));

    const failures = logs.lines.filter((l) => String(l.msg).startsWith('reservation system call failed'));
    expect(failures.map((l) => [l.attempt, l.of, l.status, l.willRetry])).toEqual([
      [1, 3, 503, true],
      [2, 3, 503, true],
      [3, 3, 503, false],
    ]);
    expect(failures[0]).toMatchObject({ level: 'warn', call: `GET /hotels/${HOTEL}/bookings`, component: 'booking-http-backend' });
    const text = logs.raw.join('');
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(GUEST.slice(1));
  });

  it('logs a refusal once', async () => {
    const logs = captureLogs();

    await rejectionOf(backendFor(fake, { apiKey: 'wrong-key' }, logs.logger).roomTypes(HOTEL));

    expect(logs.lines).toHaveLength(1);
    expect(logs.lines[0]).toMatchObject({ level: 'warn', status: 401, willRetry: false });
    expect(logs.raw.join('')).not.toContain('wrong-key');
  });
});
