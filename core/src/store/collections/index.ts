export type {
  CollectionIndex,
  CollectionOptions,
  Filter,
  FindOneAndUpdateOptions,
  WriteOptions,
  FindOneOptions,
  FindOptions,
  HotelCollection,
  NewDocument,
  PluginCollection,
  PluginStorage,
  Projection,
  Sort,
  Stored,
  Update,
  UpdateOptions,
  UpdateResult,
} from './collection-types';
export type { CollectionHost } from './collection-driver';
export { DuplicateKeyError } from './errors';
export { createPluginStorage } from './plugin-storage';
