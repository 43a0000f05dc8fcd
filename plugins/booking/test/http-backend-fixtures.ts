import { createLogger, type Logger } from '@hotello/core';
import type { BookingRequest } from '../src/domain/booking';
import { HttpBookingBackend, type HttpBackendOptions } from '../src/backend/http';
import { ReservationSystemFake, type FakeRoomType } from '../../../test/fakes/reservation-system-fake';

export const HOTEL = 'citylodge';
export const API_KEY = 'pms-secret-key-7f3a9c';
export const GUEST = '+254700000001';

export const ROOM_TYPES: readonly FakeRoomType[] = [
  { id: 'double', name: { en: 'Double room', es: 'Habitación doble' }, capacity: { adults: 2, children: 1 }, rooms: 2, rate: 120 },
  { id: 'single', name: 'Single room', capacity: { adults: 1, children: 0 }, rooms: 1, rate: 80 },
  { id: 'suite', name: { en: 'Suite' }, capacity: { adults: 4, children: 2 }, rooms: 1, rate: 300, minStay: 2 },
];

/** The fake, with two hotels, a key, and the API below `/hotello` like a real integration. */
export function startReservationSystem(): Promise<ReservationSystemFake> {
  return ReservationSystemFake.start({
    hotels: { [HOTEL]: ROOM_TYPES, seaside: ROOM_TYPES.slice(0, 1) },
    apiKey: API_KEY,
    basePath: '/hotello',
  });
}

/** Log lines a backend wrote, parsed. */
export interface CapturedLogs {
  readonly logger: Logger;
  readonly lines: Record<string, unknown>[];
  readonly raw: string[];
}

export function captureLogs(): CapturedLogs {
  const raw: string[] = [];
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: {
      write(line: string) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  });
  return { logger, lines, raw };
}

/** Short timeouts and backoff keep failure tests fast; the logic is the production one. */
export function backendFor(
  fake: ReservationSystemFake,
  overrides: Partial<HttpBackendOptions> = {},
  logger: Logger = createLogger({ level: 'silent' }),
): HttpBookingBackend {
  return new HttpBookingBackend(
    { type: 'http', baseUrl: fake.baseUrl, apiKey: API_KEY, timeoutMs: 250, retries: 2, ...overrides },
    { logger, backoff: { initialDelayMs: 5, maxDelayMs: 20 } },
  );
}

let keys = 0;

export function bookingRequest(
  overrides: { stay?: Partial<BookingRequest['stay']>; holdUntil?: Date; idempotencyKey?: string; name?: string } = {},
): BookingRequest {
  keys += 1;
  return {
    idempotencyKey: overrides.idempotencyKey ?? `turn-${keys}-${Date.now()}`,
    stay: { roomType: 'double', checkIn: '2030-06-10', checkOut: '2030-06-13', adults: 2, children: 0, ...overrides.stay },
    guest: { phone: GUEST, name: overrides.name ?? 'Amina Otieno', language: 'en', channelId: 'cloud-api' },
    ...(overrides.holdUntil && { holdUntil: overrides.holdUntil }),
  };
}

/** The error a promise rejected with (fails the test if it resolved). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the call to fail');
}
