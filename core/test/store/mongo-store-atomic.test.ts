import { MongoConversationStore } from '../../src/store/mongo/mongo-store';
import { describeConversationStoreContract } from './conversation-store-contract';
import { dropDatabase, mongoUri, silentLogger, uniqueDatabaseName } from './mongo-test-db';

// The code path production runs on MongoDB (server-side atomic updates), forced here so it is
// exercised against the test server too. FerretDB v1 does not apply conditional updates
// atomically, so only the racing tests are left to the `auto` suite (guarded there).
describeConversationStoreContract(
  'mongodb, server-atomic updates',
  async ({ clock, conversationTtlDays }) => {
    const uri = mongoUri();
    const dbName = uniqueDatabaseName('store_atomic');
    const store = new MongoConversationStore({ uri, dbName, clock, conversationTtlDays, logger: silentLogger, updateMode: 'atomic' });
    return {
      store,
      dispose: async () => {
        await store.close();
        await dropDatabase(uri, dbName);
      },
    };
  },
  { skipConditionalRaces: 'the test server may be FerretDB v1, whose conditional updates are not atomic' },
);
