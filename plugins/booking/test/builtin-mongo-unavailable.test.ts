import { MongoConversationStore } from '@hotello/core';
import { BackendUnavailableError } from '../src/backend/booking-backend';
import { BuiltinBackend } from '../src/backend/builtin';
import { bookingRequest, builtinStorageOn, catalogOf, silentLogger, standardRooms, uniqueHotelId } from './builtin-fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../../../test/services') as typeof import('../../../test/services');

describe('built-in backend when MongoDB goes away', () => {
  let mongo: Awaited<ReturnType<typeof services.startMongo>>;
  let store: MongoConversationStore;

  beforeAll(async () => {
    mongo = await services.startMongo();
    store = new MongoConversationStore({ uri: mongo.uri, dbName: 'booking_unavailable', logger: silentLogger, operationTimeoutMs: 1_000 });
    await store.open();
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await mongo?.stop();
  });

  it('fails fast with BackendUnavailableError, and works again once the server is back', async () => {
    const hotel = uniqueHotelId();
    const backend = new BuiltinBackend(builtinStorageOn(store), {
      catalog: catalogOf({ [hotel]: standardRooms() }),
      logger: silentLogger,
    });
    await backend.start();
    const stay = { roomType: 'double', checkIn: '2030-03-10', checkOut: '2030-03-12' };
    const first = await backend.create(hotel, bookingRequest(stay));

    await mongo.stop();
    const started = Date.now();
    await expect(backend.search(hotel, { ...stay, adults: 2, children: 0 })).rejects.toThrow(BackendUnavailableError);
    const writing = backend.create(hotel, bookingRequest(stay));
    await expect(writing).rejects.toThrow(BackendUnavailableError);
    await expect(writing).rejects.toMatchObject({ outcomeUnknown: false });
    await expect(backend.cancel(hotel, first.reference, { by: 'guest' })).rejects.toThrow(BackendUnavailableError);
    expect(Date.now() - started).toBeLessThan(10_000);

    await mongo.restart();
    const offers = await backend.search(hotel, { ...stay, adults: 2, children: 0 });
    expect(offers.find((o) => o.roomType === 'double')?.available).toBe(1);
    expect((await backend.create(hotel, bookingRequest(stay))).status).toBe('confirmed');
  }, 60_000);
});
