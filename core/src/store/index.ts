export type {
  Conversation,
  ConversationChanges,
  ConversationKey,
  FlowState,
  HandoffState,
  MenuState,
  SentimentState,
} from './conversation';
export {
  ConcurrentUpdateError,
  StoreUnavailableError,
  StoreValidationError,
  type ConversationStore,
  type NewOutbound,
} from './conversation-store';
export type { LoggedMessage, LoggedStatus } from './message-log';
export { createConversationStore, type CreateStoreOptions } from './create-store';
export { startExpirySweeper, type ExpirySweeperOptions } from './expiry-sweeper';
export { MemoryConversationStore, type MemoryStoreOptions } from './memory/memory-store';
export { MongoConversationStore, type MongoStoreOptions } from './mongo/mongo-store';
export { isUnavailableError } from './mongo/connectivity';
export { pluginCollectionName } from './mongo/plugin-models';
export { STORE_LIMITS } from './validate-input';
/** The mongoose `Schema` plugin collections are declared with: core's own copy, so `define` recognises it. */
export { Schema } from 'mongoose';
export {
  DuplicateKeyError,
  createPluginStorage,
  type CollectionHost,
  type CollectionIndex,
  type CollectionOptions,
  type Filter,
  type FindOneAndUpdateOptions,
  type FindOneOptions,
  type FindOptions,
  type HotelCollection,
  type NewDocument,
  type PluginCollection,
  type PluginStorage,
  type Projection,
  type Sort,
  type Stored,
  type Update,
  type UpdateOptions,
  type UpdateResult,
} from './collections/index';
