import { MemoryConversationStore } from '../../src/store/memory/memory-store';
import { describeConversationStoreContract } from './conversation-store-contract';

describeConversationStoreContract('memory', async ({ clock, conversationTtlDays }) => {
  const store = new MemoryConversationStore({ clock, conversationTtlDays });
  return { store, dispose: () => store.close() };
});
