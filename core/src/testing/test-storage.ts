import { EventBus } from '../events/event-bus';
import { WriteEvents } from '../events/write-events';
import { createLogger } from '../logging/logger';
import { createPluginStorage } from '../store/collections/plugin-storage';
import type { PluginStorage } from '../store/collections/collection-types';
import { MemoryConversationStore } from '../store/memory/memory-store';

export interface TestStorageOptions {
  /**
   * Where events carried by writes (`{ events: [...] }`) go: listeners registered here without a
   * plugin (`events.on(name, fn)`) hear them once the write happened. A private bus by default.
   */
  readonly events?: EventBus;
}

/**
 * A plugin's storage on a fresh memory store, for unit tests of code that takes a
 * `PluginStorage` (a bot gives plugins `ctx.storage`; this gives the same thing without one).
 * Pass `store` to share one store between several storages, e.g. two simulated instances.
 */
export function createTestStorage(plugin = 'test', store = new MemoryConversationStore(), options: TestStorageOptions = {}): PluginStorage {
  // Opening the memory store only sets a flag; it is done when `open()` returns its promise.
  void store.open();
  if (!options.events) return createPluginStorage(plugin, store.pluginCollections);
  const logger = createLogger({ level: 'silent' });
  return createPluginStorage(plugin, store.pluginCollections, new WriteEvents(options.events, logger, () => new Date(), 30_000));
}
