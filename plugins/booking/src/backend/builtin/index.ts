import type { BackendDeps } from '../backend-registry';
import { BuiltinBackend } from './builtin-backend';
import { builtinStorage } from './builtin-storage';

export { BuiltinBackend, type BuiltinBackendOptions } from './builtin-backend';
export { builtinStorage, type BuiltinStorage } from './builtin-storage';
export { BOOKING_REFERENCE, newBookingReference, normalizeBookingReference } from './booking-reference';
export { FINAL_STATUSES, type BookingRecord, type BookingRecords } from './booking-records';
export type { NightCount, NightInventory, NightUsage, TakeOutcome } from './night-inventory';
export type { RoomTypeDirectory, RoomTypeEntry, StoredRoomType } from './room-type-directory';

/**
 * The built-in backend in the plugin's storage: collections on the store's MongoDB connection
 * (shared by every instance) or in process memory, whichever store the bot runs.
 */
export function createBuiltinBackend(deps: BackendDeps): BuiltinBackend {
  return new BuiltinBackend(builtinStorage(deps.storage), {
    catalog: deps.catalog,
    logger: deps.logger,
    ...(deps.now ? { now: deps.now } : {}),
  });
}
