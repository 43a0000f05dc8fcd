import type { Schema } from 'mongoose';
import { StoreValidationError } from '../conversation-store';
import { assertHotelId } from '../validate-input';
import type { CollectionHost } from './collection-driver';
import { collectionSpec } from './collection-spec';
import type { CollectionOptions, HotelCollection, PluginCollection, PluginStorage } from './collection-types';
import { ScopedCollection } from './scoped-collection';

/**
 * The storage one plugin gets (`ctx.storage`): its collections, named `<plugin>_<name>`, on
 * whichever store the bot runs. Nothing here knows which store that is.
 */
export function createPluginStorage(plugin: string, host: CollectionHost): PluginStorage {
  const defined = new Set<string>();
  return {
    define<T extends object>(name: string, schema: Schema, options?: CollectionOptions): PluginCollection<T> {
      const spec = collectionSpec(plugin, name, schema, options);
      if (defined.has(spec.collection)) throw new StoreValidationError(`collection ${spec.collection} is already defined`);
      defined.add(spec.collection);
      const driver = host.driver(spec);
      return {
        name: spec.collection,
        forHotel(hotelId: string): HotelCollection<T> {
          assertHotelId(hotelId);
          return new ScopedCollection<T>(spec.collection, driver, hotelId);
        },
      };
    },
  };
}
