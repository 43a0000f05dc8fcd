import { MemoryConversationStore } from '../../src/store/memory/memory-store';
import { describePluginCollectionsContract } from './plugin-collections-contract';

describePluginCollectionsContract('memory (mingo)', async () => {
  const store = new MemoryConversationStore();
  await store.open();
  return { store, dispose: () => store.close() };
});
