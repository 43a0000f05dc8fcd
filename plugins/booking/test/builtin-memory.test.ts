import { memoryStorage } from '../src/backend/builtin';
import { describeBuiltinBackendContract } from './builtin-backend-contract';
import { describeNightInventoryContract } from './builtin-night-inventory-contract';

describeNightInventoryContract('memory', async () => {
  const storage = memoryStorage();
  return { inventory: () => storage.inventory, dispose: async () => undefined };
});

describeBuiltinBackendContract('memory', async () => {
  const storage = memoryStorage();
  return { storage: () => storage, dispose: async () => undefined };
});
