import { MongoConversationStore } from '@hotello/core';
import type { BackendDeps } from '../backend-registry';
import { BuiltinBackend } from './builtin-backend';
import { memoryStorage, mongoStorage } from './builtin-storage';

export { BuiltinBackend, type BuiltinBackendOptions } from './builtin-backend';
export { memoryStorage, mongoStorage, type BuiltinStorage, type MongoStorageOptions } from './builtin-storage';
export { BOOKING_REFERENCE, newBookingReference, normalizeBookingReference } from './booking-reference';
export { FINAL_STATUSES, type BookingRecord, type BookingRecords } from './booking-records';
export type { NightCount, NightInventory, NightUsage, TakeOutcome } from './night-inventory';
export type { RoomTypeDirectory, RoomTypeEntry, StoredRoomType } from './room-type-directory';

/**
 * The built-in backend on the bot's store: MongoDB collections on the store's connection when
 * the store is MongoDB (shared by every instance), process memory otherwise.
 */
export function createBuiltinBackend(deps: BackendDeps): BuiltinBackend {
  const storage = deps.store instanceof MongoConversationStore ? mongoStorage(deps.store) : memoryStorage();
  return new BuiltinBackend(storage, { catalog: deps.catalog, logger: deps.logger, ...(deps.now ? { now: deps.now } : {}) });
}
