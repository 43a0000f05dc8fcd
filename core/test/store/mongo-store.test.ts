import { MongoConversationStore } from '../../src/store/mongo/mongo-store';
import { describeConversationStoreContract } from './conversation-store-contract';
import { dropDatabase, mongoUri, silentLogger, uniqueDatabaseName } from './mongo-test-db';

describeConversationStoreContract('mongodb', async ({ clock, conversationTtlDays }) => {
  const uri = mongoUri();
  const dbName = uniqueDatabaseName('store_contract');
  const store = new MongoConversationStore({ uri, dbName, clock, conversationTtlDays, operationTimeoutMs: 5_000, logger: silentLogger });
  return {
    store,
    dispose: async () => {
      await store.close();
      await dropDatabase(uri, dbName);
    },
  };
});
