import { createLogger, createPluginStorage, MongoConversationStore } from '@hotello/core';
import { createTestStorage } from '@hotello/core/testing';
import { builtinStorage, type BuiltinStorage } from '../src/backend/builtin';
import type { BookingRequest } from '../src/domain/booking';
import { RoomCatalog } from '../src/domain/room-catalog';
import { roomTypeSchema, type RoomTypeOptions } from '../src/options';

export const silentLogger = createLogger({ level: 'silent' });

let counter = 0;

/** A hotel id no other test uses, so tests sharing one database never see each other. */
export function uniqueHotelId(prefix = 'hotel'): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A database name no other test file (or earlier run) uses. */
export function uniqueDatabaseName(prefix: string): string {
  counter += 1;
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter}`;
}

/** The built-in backend's storage on a fresh memory store. */
export function memoryBuiltinStorage(): BuiltinStorage {
  return builtinStorage(createTestStorage('booking'));
}

/**
 * The built-in backend's storage on this store, as the booking plugin gets it. Another call on
 * the same store is another view on the same collections, as another backend instance has.
 */
export function builtinStorageOn(store: MongoConversationStore): BuiltinStorage {
  return builtinStorage(createPluginStorage('booking', store.pluginCollections));
}

export function mongoUri(): string {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run these tests through jest (its global setup starts the test services)');
  return uri;
}

/**
 * A store on the test server. Generous timeouts: the shared FerretDB runs one command at a time
 * for every test file, so a command may wait behind another file's burst.
 */
export async function openMongoStore(uri: string, dbName: string, options: { maxPoolSize?: number } = {}): Promise<MongoConversationStore> {
  const store = new MongoConversationStore({ uri, dbName, logger: silentLogger, operationTimeoutMs: 30_000, ...options });
  await store.open();
  return store;
}

/** Room types with defaults filled in, as the options schema would. */
export function room(options: Partial<RoomTypeOptions> & Pick<RoomTypeOptions, 'id' | 'rooms' | 'rate'>): RoomTypeOptions {
  return roomTypeSchema.parse({ name: options.id, adults: 2, ...options });
}

/** Single 60, double 100, suite 250 (min. 2 nights; 300 and min. 3 nights in July and August). */
export function standardRooms(counts: Partial<Record<'single' | 'double' | 'suite', number>> = {}): RoomTypeOptions[] {
  return [
    room({ id: 'single', name: { en: 'Single room', es: 'Individual' }, adults: 1, rooms: counts.single ?? 1, rate: 60 }),
    room({
      id: 'double',
      name: { en: 'Double room' },
      description: 'Two beds',
      adults: 2,
      children: 1,
      rooms: counts.double ?? 2,
      rate: 100,
    }),
    room({
      id: 'suite',
      name: 'Suite',
      adults: 4,
      children: 2,
      rooms: counts.suite ?? 1,
      rate: 250,
      minStay: 2,
      seasons: [{ name: 'summer', from: '07-01', to: '08-31', rate: 300, minStay: 3 }],
    }),
  ];
}

export function catalogOf(byHotel: Record<string, readonly RoomTypeOptions[]>, currency = 'EUR'): RoomCatalog {
  return RoomCatalog.of(Object.fromEntries(Object.entries(byHotel).map(([hotelId, rooms]) => [hotelId, { rooms, currency }])));
}

let keys = 0;

export function bookingRequest(
  stay: { roomType: string; checkIn: string; checkOut: string; adults?: number; children?: number },
  extra: Partial<Omit<BookingRequest, 'stay'>> & { phone?: string; identity?: string } = {},
): BookingRequest {
  keys += 1;
  const { phone, identity, ...rest } = extra;
  return {
    idempotencyKey: `key-${keys}-${Math.random().toString(36).slice(2, 8)}`,
    stay: { adults: 1, children: 0, ...stay },
    guest: {
      phone: phone ?? '+254700000001',
      ...(identity !== undefined && { identity }),
      name: 'Amina Njeri',
      channelId: 'cloud-api',
      language: 'en',
    },
    ...rest,
  };
}

/** A clock tests move by hand. */
export function testClock(start = '2030-01-01T10:00:00Z'): { now: () => Date; advance(ms: number): Date; at(): Date } {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
      return new Date(current);
    },
    at: () => new Date(current),
  };
}
