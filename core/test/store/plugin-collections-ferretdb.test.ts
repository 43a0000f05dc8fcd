import { MongoConversationStore } from '../../src/store/mongo/mongo-store';
import { describePluginCollectionsContract } from './plugin-collections-contract';
import { dropDatabase, mongoUri, silentLogger, uniqueDatabaseName } from './mongo-test-db';

// The shared test server: FerretDB v1 by default (the compatibility target), or the MongoDB 6+ in MONGODB_URI.
describePluginCollectionsContract('the shared test server (FerretDB v1 unless MONGODB_URI says otherwise)', async () => {
  const uri = mongoUri();
  const dbName = uniqueDatabaseName('plugin_collections');
  const store = new MongoConversationStore({ uri, dbName, operationTimeoutMs: 10_000, logger: silentLogger });
  await store.open();
  return {
    store,
    dispose: async () => {
      await store.close();
      await dropDatabase(uri, dbName);
    },
  };
});
