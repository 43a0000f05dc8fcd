import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { startMongo, type MongoHandle } from '../../../test/services';
import { StoreUnavailableError } from '../../src/store/conversation-store';
import { MongoConversationStore } from '../../src/store/mongo/mongo-store';
import { silentLogger, uniqueDatabaseName } from './mongo-test-db';

const OPERATION_TIMEOUT_MS = 1_000;
/** Room for timers and process scheduling on a loaded CI machine. */
const MARGIN_MS = 1_500;

jest.setTimeout(60_000);

describe('MongoConversationStore when the server goes away and comes back', () => {
  let mongo: MongoHandle;
  let store: MongoConversationStore;
  const key = { hotelId: 'seaside', channelId: 'cloud-api', guest: '+254700000009' };

  beforeAll(async () => {
    mongo = await startMongo();
    store = new MongoConversationStore({
      uri: mongo.uri,
      dbName: uniqueDatabaseName('store_outage'),
      operationTimeoutMs: OPERATION_TIMEOUT_MS,
      logger: silentLogger,
    });
    await store.open();
  });

  afterAll(async () => {
    await store?.close();
    await mongo?.stop();
  });

  it('fails fast with StoreUnavailableError while down, and recovers by itself', async () => {
    const before = await store.save(await store.load(key), { slots: { nights: 2 } });
    await store.ping();

    await mongo.stop();

    const attempts: [string, () => Promise<unknown>][] = [
      ['ping', () => store.ping()],
      ['load', () => store.load(key)],
      ['save', () => store.save(before, { slots: { nights: 3 } })],
      [
        'recordInbound',
        () =>
          store.recordInbound({
            hotelId: key.hotelId,
            channelId: key.channelId,
            channelType: 'cloud-api',
            providerMessageId: 'wamid.during-outage',
            from: key.guest,
            timestamp: new Date(),
            content: { kind: 'text', text: 'hello?' },
            raw: {},
          }),
      ],
      ['history', () => store.history(key)],
    ];
    for (const [operation, attempt] of attempts) {
      const started = Date.now();
      const error = await attempt().then(
        () => new Error(`${operation} succeeded while the server was down`),
        (err: unknown) => err,
      );
      const elapsed = Date.now() - started;
      expect([operation, error]).toEqual([operation, expect.any(StoreUnavailableError)]);
      expect((error as Error).message).toMatch(/MongoDB/);
      expect([operation, elapsed < OPERATION_TIMEOUT_MS + MARGIN_MS]).toEqual([operation, true]);
    }

    await mongo.restart();

    // The same store object, never reopened: the driver reconnects on its own.
    const deadline = Date.now() + 20_000;
    let recovered: Awaited<ReturnType<MongoConversationStore['load']>> | undefined;
    while (!recovered) {
      recovered = await store.load(key).catch((err: unknown) => {
        if (!(err instanceof StoreUnavailableError) || Date.now() > deadline) throw err;
        return new Promise<undefined>((resolve) => setTimeout(resolve, 200, undefined));
      });
    }
    expect(recovered).toMatchObject({ id: before.id, version: before.version, slots: { nights: 2 } });
    await store.ping();
    const saved = await store.save(recovered, { slots: { nights: 3 } });
    expect(saved.version).toBe(before.version + 1);
  });
});

/** A TCP relay that can stop passing bytes: a server that accepts connections but never answers. */
function freezableRelay(target: URL): Promise<{ uri: string; freeze(): void; thaw(): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let frozen = false;
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
      if (frozen) socket.pause();
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        uri: `mongodb://127.0.0.1:${port}/`,
        freeze: () => {
          frozen = true;
          for (const socket of sockets) socket.pause();
        },
        thaw: () => {
          frozen = false;
          for (const socket of sockets) socket.resume();
        },
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

describe('MongoConversationStore when the server stops answering', () => {
  it('gives up within the operation timeout instead of hanging, and carries on when answers resume', async () => {
    const mongo = await startMongo();
    const relay = await freezableRelay(new URL(mongo.uri));
    const store = new MongoConversationStore({
      uri: relay.uri,
      dbName: uniqueDatabaseName('store_frozen'),
      operationTimeoutMs: OPERATION_TIMEOUT_MS,
      logger: silentLogger,
    });
    try {
      await store.open();
      const key = { hotelId: 'seaside', channelId: 'cloud-api', guest: '+254700000010' };
      await store.load(key);
      relay.freeze();
      for (const attempt of [() => store.load(key), () => store.ping()]) {
        const started = Date.now();
        await expect(attempt()).rejects.toBeInstanceOf(StoreUnavailableError);
        expect(Date.now() - started).toBeLessThan(OPERATION_TIMEOUT_MS + MARGIN_MS);
      }
      relay.thaw();
      const deadline = Date.now() + 20_000;
      for (;;) {
        const ok = await store.load(key).then(
          () => true,
          (err: unknown) => {
            if (!(err instanceof StoreUnavailableError) || Date.now() > deadline) throw err;
            return false;
          },
        );
        if (ok) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      await store.close();
      await relay.close();
      await mongo.stop();
    }
  });
});
