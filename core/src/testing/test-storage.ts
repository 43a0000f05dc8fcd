import { createPluginStorage } from '../store/collections/plugin-storage';
import type { PluginStorage } from '../store/collections/collection-types';
import { MemoryConversationStore } from '../store/memory/memory-store';

/**
 * A plugin's storage on a fresh memory store, for unit tests of code that takes a
 * `PluginStorage` (a bot gives plugins `ctx.storage`; this gives the same thing without one).
 * Pass `store` to share one store between several storages, e.g. two simulated instances.
 */
export function createTestStorage(plugin = 'test', store = new MemoryConversationStore()): PluginStorage {
  // Opening the memory store only sets a flag; it is done when `open()` returns its promise.
  void store.open();
  return createPluginStorage(plugin, store.pluginCollections);
}
