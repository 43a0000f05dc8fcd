import type { Schema } from 'mongoose';
import { StoreValidationError } from '../conversation-store';
import { assertHotelId } from '../validate-input';
import type { CollectionHost } from './collection-driver';
import { collectionSpec } from './collection-spec';
import type { CollectionOptions, HotelCollection, PluginCollection, PluginStorage } from './collection-types';
import { ScopedCollection } from './scoped-collection';
import { EventBus } from '../../events/event-bus';
import { WriteEvents } from '../../events/write-events';
import { createLogger } from '../../logging/logger';

/**
 * The storage one plugin gets (`ctx.storage`): its collections, named `<plugin>_<name>`, on
 * whichever store the bot runs. Nothing here knows which store that is. Single-document writes
 * may carry events: a running bot passes its `writeEvents` (durable delivery); without one (tools,
 * unit tests) they reach a private bus with no listeners.
 */
export function createPluginStorage(
  plugin: string,
  host: CollectionHost,
  writeEvents: WriteEvents = inProcessWriteEvents(),
): PluginStorage {
  const defined = new Set<string>();
  return {
    define<T extends object>(name: string, schema: Schema, options?: CollectionOptions): PluginCollection<T> {
      const spec = collectionSpec(plugin, name, schema, options);
      if (defined.has(spec.collection)) throw new StoreValidationError(`collection ${spec.collection} is already defined`);
      defined.add(spec.collection);
      const driver = host.driver(spec);
      writeEvents.register(spec.collection, ScopedCollection.marked(driver));
      return {
        name: spec.collection,
        forHotel(hotelId: string): HotelCollection<T> {
          assertHotelId(hotelId);
          return new ScopedCollection<T>(spec.collection, driver, hotelId, writeEvents);
        },
      };
    },
  };
}

/** Outside a bot: events of writes are handed to a bus of their own, which delivers nothing durably. */
function inProcessWriteEvents(): WriteEvents {
  const logger = createLogger({ level: 'silent' });
  return new WriteEvents(new EventBus(logger), logger, () => new Date(), 30_000);
}
