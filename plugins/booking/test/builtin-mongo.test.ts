import { mongoStorage } from '../src/backend/builtin';
import { describeBuiltinBackendContract } from './builtin-backend-contract';
import { mongoUri, openMongoStore, TEST_OPERATION_TIMEOUT_MS, uniqueDatabaseName } from './builtin-fixtures';
import { describeNightInventoryContract } from './builtin-night-inventory-contract';

describeNightInventoryContract('mongodb', async () => {
  const store = await openMongoStore(mongoUri(), uniqueDatabaseName('booking_inventory'));
  const storage = mongoStorage(store, { operationTimeoutMs: TEST_OPERATION_TIMEOUT_MS });
  await storage.ready();
  return {
    // A second view on the same models, as another backend instance on this connection would have.
    inventory: () => mongoStorage(store, { operationTimeoutMs: TEST_OPERATION_TIMEOUT_MS }).inventory,
    dispose: async () => {
      await store.connection.dropDatabase();
      await store.close();
    },
  };
});

describeBuiltinBackendContract('mongodb', async () => {
  const store = await openMongoStore(mongoUri(), uniqueDatabaseName('booking_backend'));
  const storage = mongoStorage(store, { operationTimeoutMs: TEST_OPERATION_TIMEOUT_MS });
  await storage.ready();
  return {
    storage: () => storage,
    dispose: async () => {
      await store.connection.dropDatabase();
      await store.close();
    },
  };
});
