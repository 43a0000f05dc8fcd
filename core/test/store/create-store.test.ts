import { createConversationStore } from '../../src/store/create-store';
import { MemoryConversationStore } from '../../src/store/memory/memory-store';
import { MongoConversationStore } from '../../src/store/mongo/mongo-store';
import { dropDatabase, mongoUri, silentLogger, uniqueDatabaseName } from './mongo-test-db';

describe('createConversationStore', () => {
  it('builds the in-memory store for `type: memory`', async () => {
    const store = createConversationStore({ type: 'memory' }, { logger: silentLogger });
    expect(store).toBeInstanceOf(MemoryConversationStore);
  });

  it('builds the MongoDB store for `type: mongodb`, using the database named in the URI', async () => {
    const dbName = uniqueDatabaseName('store_create');
    const uri = `${mongoUri().replace(/\/?$/, '/')}${dbName}`;
    const store = createConversationStore(
      { type: 'mongodb', uri, conversationTtlDays: 7, operationTimeoutMs: 2_000 },
      { logger: silentLogger },
    );
    expect(store).toBeInstanceOf(MongoConversationStore);
    await store.open();
    try {
      expect(store.connection.name).toBe(dbName);
      const c = await store.load({ hotelId: 'seaside', channelId: 'cloud-api', guest: '+254700000001' });
      expect(c.expiresAt.getTime() - c.createdAt.getTime()).toBe(7 * 24 * 60 * 60 * 1000);
    } finally {
      await store.close();
      await dropDatabase(mongoUri(), dbName);
    }
  });
});
