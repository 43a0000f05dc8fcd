import { MongoConversationStore } from '../../src/store/mongo/mongo-store';
import { describePluginCollectionsContract } from './plugin-collections-contract';
import { silentLogger } from './mongo-test-db';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../../../test/services') as typeof import('../../../test/services');

// mongo-java-server: other internals than FerretDB (real 11000 on every duplicate, its own locking).
describePluginCollectionsContract('mongo-java-server', async () => {
  const server = await services.startMongo({ engine: 'java' });
  const store = new MongoConversationStore({
    uri: server.uri,
    dbName: 'plugin_collections',
    operationTimeoutMs: 10_000,
    logger: silentLogger,
  });
  await store.open();
  return {
    store,
    dispose: async () => {
      await store.close();
      await server.stop();
    },
  };
});
