import type { StoreConfig } from '../config/config-schema';
import type { Logger } from '../logging/logger';
import type { ConversationStore } from './conversation-store';
import { MemoryConversationStore } from './memory/memory-store';
import { MongoConversationStore } from './mongo/mongo-store';

export interface CreateStoreOptions {
  logger: Logger;
  /** The store's notion of now (tests move it). */
  clock?: () => Date;
}

type MongoStoreConfig = Extract<StoreConfig, { type: 'mongodb' }>;
type MemoryStoreConfig = Extract<StoreConfig, { type: 'memory' }>;

/** Builds the store the config asks for; call `open()` before use and `close()` at shutdown. */
export function createConversationStore(config: MongoStoreConfig, options: CreateStoreOptions): MongoConversationStore;
export function createConversationStore(config: MemoryStoreConfig, options: CreateStoreOptions): MemoryConversationStore;
export function createConversationStore(config: StoreConfig, options: CreateStoreOptions): ConversationStore;
export function createConversationStore(config: StoreConfig, options: CreateStoreOptions): ConversationStore {
  switch (config.type) {
    case 'memory':
      return new MemoryConversationStore({ clock: options.clock });
    case 'mongodb':
      return new MongoConversationStore({
        uri: config.uri,
        conversationTtlDays: config.conversationTtlDays,
        operationTimeoutMs: config.operationTimeoutMs,
        logger: options.logger,
        clock: options.clock,
      });
  }
}
