import { describeBuiltinBackendContract } from './builtin-backend-contract';
import { memoryBuiltinStorage } from './builtin-fixtures';
import { describeNightInventoryContract } from './builtin-night-inventory-contract';

describeNightInventoryContract('memory', async () => {
  const storage = memoryBuiltinStorage();
  return { inventory: () => storage.inventory, dispose: async () => undefined };
});

describeBuiltinBackendContract('memory', async () => {
  const storage = memoryBuiltinStorage();
  return { storage: () => storage, dispose: async () => undefined };
});
