import type { MongoConversationStore } from '@hotello/core';
import { RoomUnavailableError } from '../src/backend/booking-backend';
import { BuiltinBackend, type BuiltinStorage } from '../src/backend/builtin';
import { addDays } from '../src/domain/calendar';
import type { BookingRequest } from '../src/domain/booking';
import {
  bookingRequest,
  builtinStorageOn,
  catalogOf,
  memoryBuiltinStorage,
  openMongoStore,
  room,
  silentLogger,
  uniqueDatabaseName,
  uniqueHotelId,
} from './builtin-fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../../../test/services') as typeof import('../../../test/services');

/** Every stay of the flood covers this night; the room type has 5 rooms and 2 are sold on it beforehand. */
const SHARED_NIGHT = '2030-09-10';
const ROOMS = 5;
const SOLD_BEFORE = 2;
const LEFT = ROOMS - SOLD_BEFORE;
const INSTANCES = 4;

interface Deployment {
  /** Several backends, as several instances of the bot would be, on the same data. */
  readonly backends: BuiltinBackend[];
  /** A view of that data for the checks. */
  readonly storage: BuiltinStorage;
  close(): Promise<void>;
}

/** Stays from two nights before to three nights after the shared night, all overlapping on it. */
function floodOfRequests(count: number): BookingRequest[] {
  return Array.from({ length: count }, (_, i) =>
    bookingRequest(
      { roomType: 'last', checkIn: addDays(SHARED_NIGHT, -(i % 3)), checkOut: addDays(SHARED_NIGHT, 1 + (Math.floor(i / 3) % 3)) },
      { phone: `+2547${String(i).padStart(8, '0')}`, ...(i % 2 ? { holdUntil: new Date('2030-09-01T12:00:00Z') } : {}) },
    ),
  );
}

/**
 * The books balance: on every night, `taken` is the number of active bookings covering it and
 * the holders are exactly those bookings; no booking is left pending or unreleased.
 */
async function expectBooksToBalance(storage: BuiltinStorage, backend: BuiltinBackend, hotelId: string): Promise<void> {
  const bookings = await backend.list(hotelId, { limit: 500 });
  expect(bookings.filter((b) => b.status === 'pending')).toEqual([]);
  expect(await storage.records.unreleased(hotelId, 500)).toEqual([]);
  const active = bookings.filter((b) => b.status === 'held' || b.status === 'confirmed');
  const first = addDays(SHARED_NIGHT, -3);
  const last = addDays(SHARED_NIGHT, 4);
  const usage = new Map((await storage.inventory.usage(hotelId, first, last, 'last')).map((n) => [n.date, n]));
  for (let date = first; date <= last; date = addDays(date, 1)) {
    const covering = active.filter((b) => b.checkIn <= date && date < b.checkOut).map((b) => b.reference);
    const night = usage.get(date);
    expect({ date, taken: night?.taken ?? 0, holders: [...(night?.holders ?? [])].sort() }).toEqual({
      date,
      taken: covering.length,
      holders: covering.sort(),
    });
    expect(covering.length).toBeLessThanOrEqual(ROOMS);
  }
  const shared = usage.get(SHARED_NIGHT);
  expect(shared?.taken).toBe(ROOMS);
}

async function sellBeforehand(backend: BuiltinBackend, hotelId: string): Promise<void> {
  for (let i = 0; i < SOLD_BEFORE; i++) {
    await backend.create(hotelId, bookingRequest({ roomType: 'last', checkIn: SHARED_NIGHT, checkOut: addDays(SHARED_NIGHT, 1) }));
  }
}

/** 200 creates at once, spread over the instances: exactly the rooms left are sold, the rest are refused. */
async function floodTheLastRooms(deployment: Deployment, hotelId: string, count = 200): Promise<void> {
  const { backends, storage } = deployment;
  await sellBeforehand(backends[0]!, hotelId);
  const requests = floodOfRequests(count);
  const results = await Promise.allSettled(requests.map((request, i) => backends[i % backends.length]!.create(hotelId, request)));

  const sold = results.filter((r) => r.status === 'fulfilled');
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  const unexpected = refused.filter((r) => !(r.reason instanceof RoomUnavailableError)).map((r) => r.reason as Error);
  expect(unexpected).toEqual([]);
  expect([sold.length, refused.length]).toEqual([LEFT, count - LEFT]);
  await expectBooksToBalance(storage, backends[0]!, hotelId);
  expect((await backends[0]!.list(hotelId, { statuses: ['failed'], limit: 500 })).length).toBe(count - LEFT);
}

/** Guests tapping Confirm twice while everyone else books too: one booking per key, still never oversold. */
async function doubleTapsUnderContention(deployment: Deployment, hotelId: string, guests = 50): Promise<void> {
  const { backends, storage } = deployment;
  await sellBeforehand(backends[0]!, hotelId);
  const requests = floodOfRequests(guests).flatMap((r) => [r, r]);
  const results = await Promise.allSettled(requests.map((request, i) => backends[(i * 3) % backends.length]!.create(hotelId, request)));

  const unexpected = results.filter((r) => r.status === 'rejected' && !(r.reason instanceof RoomUnavailableError));
  expect(unexpected).toEqual([]);
  const references = new Set(results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.reference] : [])));
  expect(references.size).toBe(LEFT);
  // Both taps of a key end the same way.
  for (let i = 0; i < results.length; i += 2) {
    const [a, b] = [results[i]!, results[i + 1]!];
    expect(a.status === 'fulfilled' ? a.value.reference : 'refused').toBe(b.status === 'fulfilled' ? b.value.reference : 'refused');
  }
  await expectBooksToBalance(storage, backends[0]!, hotelId);
}

function backendsOn(storages: BuiltinStorage[], hotelId: string): BuiltinBackend[] {
  const catalog = catalogOf({ [hotelId]: [room({ id: 'last', rooms: ROOMS, rate: 90 })] });
  return storages.map(
    (storage) => new BuiltinBackend(storage, { catalog, logger: silentLogger, now: () => new Date('2030-09-01T10:00:00Z') }),
  );
}

function memoryDeployment(hotelId: string): Deployment {
  const storage = memoryBuiltinStorage();
  return {
    backends: backendsOn(
      Array.from({ length: INSTANCES }, () => storage),
      hotelId,
    ),
    storage,
    close: async () => undefined,
  };
}

/** Each instance with its own store, so its own connection pool, on one database. */
async function mongoDeployment(uri: string, dbName: string, hotelId: string): Promise<Deployment> {
  const stores: MongoConversationStore[] = [];
  for (let i = 0; i < INSTANCES; i++) stores.push(await openMongoStore(uri, dbName));
  const storages = stores.map((store) => builtinStorageOn(store));
  const backends = backendsOn(storages, hotelId);
  for (const backend of backends) await backend.start();
  return {
    backends,
    storage: storages[0]!,
    close: async () => {
      await stores[0]!.connection.dropDatabase();
      for (const store of stores) await store.close();
    },
  };
}

/** The flood and the double taps against one server, each instance with its own connection to the same database. */
function describeOnServer(title: string, start: () => Promise<{ uri: string; stop(): Promise<void> }>): void {
  describe(`MongoDB (${title}): ${INSTANCES} instances, each with its own connection`, () => {
    let server: { uri: string; stop(): Promise<void> } | undefined;
    let deployment: Deployment | undefined;
    beforeAll(async () => {
      server = await start();
    }, 300_000);
    afterEach(async () => {
      await deployment?.close();
      deployment = undefined;
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
    });

    it('200 concurrent creates for the last 3 rooms: exactly 3 succeed', async () => {
      const hotelId = uniqueHotelId();
      deployment = await mongoDeployment(server!.uri, uniqueDatabaseName('booking_overbooking'), hotelId);
      await floodTheLastRooms(deployment, hotelId);
    }, 90_000);

    it('double taps under contention book each key once', async () => {
      const hotelId = uniqueHotelId();
      deployment = await mongoDeployment(server!.uri, uniqueDatabaseName('booking_double_taps'), hotelId);
      await doubleTapsUnderContention(deployment, hotelId, 30);
    }, 90_000);
  });
}

describe('never overbooked', () => {
  describe('memory: 4 backends on one memory storage', () => {
    it('200 concurrent creates for the last 3 rooms: exactly 3 succeed', async () => {
      const hotelId = uniqueHotelId();
      await floodTheLastRooms(memoryDeployment(hotelId), hotelId);
    });

    it('double taps under contention book each key once', async () => {
      const hotelId = uniqueHotelId();
      await doubleTapsUnderContention(memoryDeployment(hotelId), hotelId);
    });
  });

  // A FerretDB of its own: it runs one command at a time, so on the shared one this burst
  // would queue behind other test files' commands, and theirs behind it.
  describeOnServer('a dedicated FerretDB v1, the compatibility target', () => services.startMongo({ engine: 'ferretdb' }));
  // Another server with other internals (real 11000 on every duplicate, its own locking).
  describeOnServer('a dedicated mongo-java-server', () => services.startMongo({ engine: 'java' }));
  // Real MongoDB when given, e.g. OVERBOOKING_MONGODB_URI=mongodb://localhost:27017.
  const given = process.env.OVERBOOKING_MONGODB_URI;
  if (given) describeOnServer(`the MongoDB at OVERBOOKING_MONGODB_URI`, async () => ({ uri: given, stop: async () => undefined }));
});
