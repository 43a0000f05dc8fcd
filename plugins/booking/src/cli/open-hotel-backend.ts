import { ConfigError, createPluginStorage, type Kernel } from '@hotello/core';
import { BackendRegistry } from '../backend/backend-registry';
import type { BookingBackend } from '../backend/booking-backend';
import { RoomCatalog } from '../domain/room-catalog';
import type { BookingOptions } from '../options';

/** A hotel's backend opened for one command, and how to close what opening it took. */
export interface OpenedBackend {
  readonly backend: BookingBackend;
  close(): Promise<void>;
}

/** Why a command cannot go on, in words for the operator (printed as is, exit status 1). */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

/**
 * Opens one hotel's booking backend outside a running bot: the store for the built-in backend
 * (its bookings live there), nothing for an HTTP backend. The built-in backend on the in-memory
 * store is refused, since its bookings exist only inside the running bot's process.
 */
export async function openHotelBackend(bot: Kernel, hotelId: string, options: BookingOptions): Promise<OpenedBackend> {
  const usesStore = options.backend.type === 'builtin';
  if (usesStore && bot.config.store.type === 'memory') {
    throw new CommandError(
      `hotel "${hotelId}" keeps its bookings in the built-in backend on the in-memory store (store.type: memory): ` +
        `they live only in the running bot's memory. Ask the running bot instead: GET /admin/hotels/${hotelId}/bookings ` +
        '(Authorization: Bearer <admin API key or JWT>).',
    );
  }
  const index = bot.config.hotels.findIndex((h) => h.id === hotelId);
  let catalog: RoomCatalog;
  try {
    catalog = RoomCatalog.load([{ hotelId, path: `hotels[${index}].plugins.booking`, options }]);
  } catch (err) {
    if (err instanceof ConfigError) throw new CommandError(err.message);
    throw err;
  }
  if (usesStore) {
    try {
      await bot.store.open();
    } catch (err) {
      await bot.store.close().catch(() => undefined);
      throw new CommandError(`cannot open the store: ${(err as Error).message}`);
    }
  }
  // The plugin's own collections on the bot's store, as `ctx.storage` gives them to the running bot.
  const storage = createPluginStorage('booking', bot.store.pluginCollections);
  const registry = new BackendRegistry([{ hotelId, options }], { storage, catalog, logger: bot.logger });
  return {
    backend: registry.for(hotelId),
    close: async () => {
      await registry.stop();
      if (usesStore) await bot.store.close();
    },
  };
}
