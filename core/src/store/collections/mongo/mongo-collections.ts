import type { Model } from 'mongoose';
import type { PluginModelRegistry } from '../../mongo/plugin-models';
import type { CollectionDriver, CollectionHost } from '../collection-driver';
import type { CollectionSpec } from '../collection-spec';
import { MongoCollectionDriver, type RunOperation } from './mongo-collection';

/**
 * The MongoDB store's plugin collections: models in its plugin-model registry (so their
 * indexes are built at `open()` with the others), one driver per collection.
 */
export class MongoCollections implements CollectionHost {
  private readonly drivers = new Map<string, CollectionDriver>();

  constructor(
    private readonly models: PluginModelRegistry,
    private readonly run: RunOperation,
  ) {}

  driver(spec: CollectionSpec): CollectionDriver {
    let driver = this.drivers.get(spec.collection);
    if (!driver) {
      // The spec's schema is tenant-scoped already; the registry must not scope it twice.
      const model = this.models.model(spec.plugin, spec.name, spec.schema, { tenantScoped: false }) as unknown as Model<unknown>;
      driver = new MongoCollectionDriver(spec.collection, model, this.run);
      this.drivers.set(spec.collection, driver);
    }
    return driver;
  }

  ready(): Promise<void> {
    return this.models.whenIndexed();
  }
}
