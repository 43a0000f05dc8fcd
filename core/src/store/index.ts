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
  type OutboundTemplate,
} from './conversation-store';
export type { LoggedMessage, LoggedStatus } from './message-log';
// How the kernel builds and sweeps stores is in ../internal.ts; plugins see the store through this API.
export { MongoConversationStore } from './mongo/mongo-store';
export { isUnavailableError } from './mongo/connectivity';
/** The mongoose `Schema` plugin collections are declared with: core's own copy, so `define` recognises it. */
export { Schema } from 'mongoose';
export {
  DuplicateKeyError,
  createPluginStorage,
  type CollectionIndex,
  type CollectionOptions,
  type Filter,
  type FindOneAndUpdateOptions,
  type WriteOptions,
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
