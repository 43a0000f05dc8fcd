import { Mongoose, type Model } from 'mongoose';
import type { CollectionDriver, CollectionHost } from '../collection-driver';
import type { CollectionSpec } from '../collection-spec';
import { MemoryCollectionData, MemoryCollectionDriver } from './memory-collection';

/**
 * The memory store's plugin collections. Models are compiled on a mongoose instance of their
 * own that never connects: they only cast and validate. A collection defined again on the same
 * store (another plugin storage, e.g. a second simulated instance) shares its data and keeps
 * the first definition, as a MongoDB collection would.
 */
export class MemoryCollections implements CollectionHost {
  private readonly mongoose = new Mongoose();
  private readonly collections = new Map<string, { model: Model<unknown>; data: MemoryCollectionData }>();

  constructor(private readonly isOpen: () => boolean) {}

  driver(spec: CollectionSpec): CollectionDriver {
    let collection = this.collections.get(spec.collection);
    if (!collection) {
      const model = this.mongoose.model(spec.collection, spec.schema, spec.collection) as unknown as Model<unknown>;
      collection = { model, data: new MemoryCollectionData(spec.indexes) };
      this.collections.set(spec.collection, collection);
    }
    return new MemoryCollectionDriver(spec.collection, collection.model, collection.data, this.isOpen);
  }

  async ready(): Promise<void> {}
}
