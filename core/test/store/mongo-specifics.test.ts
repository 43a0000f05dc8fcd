import mongoose, { Schema } from 'mongoose';
import { createServer, type AddressInfo } from 'node:net';
import { StoreUnavailableError, StoreValidationError } from '../../src/store/conversation-store';
import { databaseInUri, redactUri } from '../../src/store/mongo/connectivity';
import { MongoConversationStore } from '../../src/store/mongo/mongo-store';
import { PluginModelRegistry } from '../../src/store/mongo/plugin-models';
import { createLogger } from '../../src/logging/logger';
import { dropDatabase, mongoUri, silentLogger, uniqueDatabaseName } from './mongo-test-db';

const DAY = 24 * 60 * 60 * 1000;

async function isFerretDb(store: MongoConversationStore): Promise<boolean> {
  const info = await store.connection.getClient().db('admin').command({ buildInfo: 1 });
  return typeof info.ferretdbVersion === 'string';
}

describe('MongoConversationStore on the test server', () => {
  const uri = mongoUri();
  const opened: { store: MongoConversationStore; dbName: string }[] = [];

  async function openStore(extra: Partial<ConstructorParameters<typeof MongoConversationStore>[0]> = {}): Promise<MongoConversationStore> {
    const dbName = uniqueDatabaseName('store_specifics');
    const store = new MongoConversationStore({ uri, dbName, logger: silentLogger, ...extra });
    opened.push({ store, dbName });
    await store.open();
    return store;
  }

  afterAll(async () => {
    for (const { store, dbName } of opened) {
      await store.close();
      await dropDatabase(uri, dbName);
    }
  });

  it('creates the unique keys and the query indexes, each led by hotelId', async () => {
    const store = await openStore();
    const names = async (collection: string) =>
      (await store.connection.getClient().db(store.connection.name).collection(collection).listIndexes().toArray()).map((i) => ({
        name: i.name,
        key: i.key,
        unique: i.unique === true,
      }));
    expect(await names('conversations')).toEqual(
      expect.arrayContaining([{ name: 'conversation_key', key: { hotelId: 1, channelId: 1, guest: 1 }, unique: true }]),
    );
    expect(await names('messages')).toEqual(
      expect.arrayContaining([
        { name: 'provider_message', key: { hotelId: 1, channelId: 1, providerMessageId: 1 }, unique: true },
        { name: 'work_queue', key: { hotelId: 1, status: 1, createdAt: 1 }, unique: false },
        { name: 'conversation_history', key: { hotelId: 1, channelId: 1, guest: 1, createdAt: -1 }, unique: false },
      ]),
    );
  });

  it('uses a TTL index where the server has them, a plain expiresAt index otherwise, and opens either way', async () => {
    const store = await openStore();
    const ferret = await isFerretDb(store);
    const indexes = await store.connection.getClient().db(store.connection.name).collection('conversations').listIndexes().toArray();
    const expiry = indexes.find((i) => i.key.expiresAt === 1)!;
    expect(expiry).toBeDefined();
    expect(store.serverSideExpiry).toBe(!ferret);
    expect(typeof expiry.expireAfterSeconds === 'number').toBe(!ferret);
    // The sweep does the server's job where it cannot.
    const key = { hotelId: 'ttl-check', channelId: 'cloud-api', guest: '+254700000001' };
    const c = await store.load(key);
    await store.sweepExpired(new Date(Date.now() + 31 * DAY));
    expect(await store.find(key.hotelId, c.id)).toBeUndefined();
  });

  it('warns at open when the server is FerretDB v1, whose updates are only atomic behind a serializer', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', destination: { write: (line: string) => void lines.push(line) } });
    const store = await openStore({ logger });
    const warned = lines.some((line) => line.includes('not apply conditional updates atomically'));
    expect(warned).toBe(await isFerretDb(store));
  });

  it('loads and saves a turn in two round trips', async () => {
    const store = await openStore({ monitorCommands: true });
    const commands: string[] = [];
    store.connection.getClient().on('commandStarted', (event) => commands.push(event.commandName));
    const key = { hotelId: 'round-trips', channelId: 'cloud-api', guest: '+254700000002' };
    await store.save(await store.load(key), {}); // first contact: still one round trip each
    expect(commands).toEqual(['findAndModify', 'findAndModify']);
    commands.length = 0;
    const c = await store.load(key);
    await store.save(c, { slots: { nights: 2, guests: null }, profile: { name: 'Amina' }, lastInboundAt: new Date() });
    expect(commands).toEqual(['findAndModify', 'findAndModify']);
  });

  it('fails fast with StoreUnavailableError when the server cannot be reached at open, without leaking credentials', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const store = new MongoConversationStore({
      uri: `mongodb://hotel:s3cret@127.0.0.1:${closed}/db`,
      operationTimeoutMs: 500,
      logger: silentLogger,
    });
    const started = Date.now();
    const error = await store.open().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(500 + 1500);
    expect(String((error as Error).message)).not.toContain('s3cret');
    expect(String((error as Error).message)).toContain('***@');
    await expect(store.load({ hotelId: 'x', channelId: 'cloud-api', guest: '+254700000003' })).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    await store.close();
  });

  it('opens again after close, and answers concurrent opens once', async () => {
    const store = await openStore();
    const key = { hotelId: 'reopen', channelId: 'cloud-api', guest: '+254700000004' };
    const before = await store.load(key);
    await store.close();
    await expect(store.load(key)).rejects.toBeInstanceOf(StoreUnavailableError);
    await Promise.all([store.open(), store.open()]);
    expect((await store.load(key)).id).toBe(before.id);
  });

  it('reads the database from the URI, defaulting to "hotello"', () => {
    expect(databaseInUri('mongodb://h:1/seaside?retryWrites=true')).toBe('seaside');
    expect(databaseInUri('mongodb+srv://u:p@cluster.example/prod')).toBe('prod');
    expect(databaseInUri('mongodb://127.0.0.1:27017/')).toBeUndefined();
    expect(databaseInUri('mongodb://127.0.0.1:27017')).toBeUndefined();
    expect(redactUri('mongodb://u:p@h/db')).toBe('mongodb://***@h/db');
  });

  // The registry behind the MongoDB store's plugin collections, on the store's connection as the store uses it.
  describe('plugin models', () => {
    let store: MongoConversationStore;
    let models: PluginModelRegistry;
    const bookingSchema = new Schema({ hotelId: String, ref: String, nights: Number });
    bookingSchema.index({ hotelId: 1, ref: 1 }, { unique: true });

    beforeAll(async () => {
      const dbName = uniqueDatabaseName('store_plugins');
      store = new MongoConversationStore({ uri, dbName, logger: silentLogger });
      opened.push({ store, dbName });
      let isOpen = false;
      models = new PluginModelRegistry(
        store.connection,
        () => isOpen,
        () => undefined,
      );
      // Registered before open, as plugins do in `register`; built at open, as the store builds its own.
      models.model('booking', 'reservations', bookingSchema);
      await store.open();
      isOpen = true;
      await models.buildAll();
    });

    it('lives in <plugin>_<model> on the store’s connection, with its indexes built at open', async () => {
      const Booking = models.model('booking', 'reservations', bookingSchema);
      expect(Booking.collection.collectionName).toBe('booking_reservations');
      expect(Booking.db).toBe(store.connection);
      expect(mongoose.connection.models).not.toHaveProperty('booking_reservations');
      const indexes = await Booking.listIndexes();
      expect(indexes).toEqual(expect.arrayContaining([expect.objectContaining({ key: { hotelId: 1, ref: 1 }, unique: true })]));
      await Booking.create({ hotelId: 'seaside', ref: 'A1', nights: 2 });
      await expect(Booking.create({ hotelId: 'seaside', ref: 'A1', nights: 3 })).rejects.toThrow();
    });

    it('builds indexes of a model added after open', async () => {
      const schema = new Schema({ hotelId: String, intent: String });
      schema.index({ hotelId: 1, intent: 1 }, { unique: true, name: 'intent_once' });
      const Payment = models.model('payments', 'intents', schema);
      await models.whenIndexed();
      expect((await Payment.listIndexes()).map((i: { name: string }) => i.name)).toContain('intent_once');
    });

    it('refuses queries, updates, deletes and aggregations that are not confined to one hotel', async () => {
      const Booking = models.model('booking', 'reservations', bookingSchema);
      await Booking.create({ hotelId: 'citylodge', ref: 'C1', nights: 1 });
      const refused: [string, () => Promise<unknown>][] = [
        ['find', () => Booking.find({ ref: 'C1' }).exec()],
        ['findOne', () => Booking.findOne({}).exec()],
        ['countDocuments', () => Booking.countDocuments({}).exec()],
        ['estimatedDocumentCount', () => Booking.estimatedDocumentCount().exec()],
        ['distinct', () => Booking.distinct('ref').exec()],
        ['updateMany', () => Booking.updateMany({}, { $set: { nights: 9 } }).exec()],
        [
          'updateOne to another hotel',
          () => Booking.updateOne({ hotelId: 'citylodge', ref: 'C1' }, { $set: { hotelId: 'seaside' } }).exec(),
        ],
        ['findOneAndUpdate', () => Booking.findOneAndUpdate({ ref: 'C1' }, { nights: 9 }).exec()],
        ['deleteMany', () => Booking.deleteMany({}).exec()],
        ['hotelId as an operator', () => Booking.find({ hotelId: { $ne: 'x' } }).exec()],
        ['aggregate', () => Booking.aggregate([{ $group: { _id: '$hotelId' } }]).exec()],
        ['bulkWrite', () => Booking.bulkWrite([{ deleteMany: { filter: {} } }])],
        ['insert without hotel', () => Booking.create({ ref: 'X' })],
        ['insert with a bad hotel id', () => Booking.create({ hotelId: 'Not Valid', ref: 'X' })],
        ['lean insertMany without hotel', () => Booking.insertMany([{ ref: 'X' }], { lean: true })],
      ];
      for (const [what, attempt] of refused) {
        const error = await attempt().then(
          () => new Error(`${what} succeeded`),
          (err: unknown) => err,
        );
        expect([what, (error as Error).name]).toEqual([
          what,
          what.startsWith('insert with') || what === 'insert without hotel' ? 'ValidationError' : 'StoreValidationError',
        ]);
      }
      await expect(Booking.find({ ref: 'C1' }).exec()).rejects.toBeInstanceOf(StoreValidationError);
      expect(await Booking.findOne({ hotelId: 'citylodge', ref: 'C1' }).lean()).toMatchObject({ nights: 1 });
      expect(await Booking.findOne({ hotelId: 'seaside', ref: 'C1' }).lean()).toBeNull();
      expect(await Booking.aggregate([{ $match: { hotelId: 'citylodge' } }, { $count: 'n' }])).toEqual([{ n: 1 }]);
      expect((await Booking.updateOne({ hotelId: 'citylodge', ref: 'C1' }, { $set: { nights: 4 } })).modifiedCount).toBe(1);
    });

    it('allows unscoped models when asked', async () => {
      const Rates = models.model('rag', 'embeddings', new Schema({ text: String }), { tenantScoped: false });
      await Rates.create({ text: 'shared' });
      expect(await Rates.countDocuments({})).toBe(1);
    });

    it('returns the same model for the same names, and refuses another schema under them', () => {
      expect(models.model('booking', 'reservations', bookingSchema)).toBe(models.model('booking', 'reservations', bookingSchema));
      expect(() => models.model('booking', 'reservations', new Schema({ x: String }))).toThrow(StoreValidationError);
      expect(() => models.model('Booking!', 'x', new Schema({}))).toThrow(StoreValidationError);
      expect(() => models.model('booking', 'a.b', new Schema({}))).toThrow(StoreValidationError);
    });
  });
});
