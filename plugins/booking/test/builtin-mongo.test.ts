import { describeBuiltinBackendContract } from './builtin-backend-contract';
import { builtinStorageOn, mongoUri, openMongoStore, uniqueDatabaseName } from './builtin-fixtures';
import { describeNightInventoryContract } from './builtin-night-inventory-contract';

describeNightInventoryContract('mongodb', async () => {
  const store = await openMongoStore(mongoUri(), uniqueDatabaseName('booking_inventory'));
  return {
    // A second view on the same collections, as another backend instance on this connection would have.
    inventory: () => builtinStorageOn(store).inventory,
    dispose: async () => {
      await store.connection.dropDatabase();
      await store.close();
    },
  };
});

describeBuiltinBackendContract('mongodb', async () => {
  const store = await openMongoStore(mongoUri(), uniqueDatabaseName('booking_backend'));
  const storage = builtinStorageOn(store);
  return {
    storage: () => storage,
    dispose: async () => {
      await store.connection.dropDatabase();
      await store.close();
    },
  };
});
