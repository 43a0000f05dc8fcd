import type { MongoConversationStore } from '@hotello/core';
import type { BookingRecords } from './booking-records';
import { MemoryBookingRecords } from './memory-booking-records';
import { MemoryNightInventory } from './memory-night-inventory';
import { MemoryRoomTypeDirectory } from './memory-room-type-directory';
import { bookingModel, MongoBookingRecords } from './mongo-booking-records';
import { mongoCaller } from './mongo-calls';
import { MongoNightInventory, nightModel } from './mongo-night-inventory';
import { MongoRoomTypeDirectory, roomTypeModel } from './mongo-room-type-directory';
import type { NightInventory } from './night-inventory';
import type { RoomTypeDirectory } from './room-type-directory';

/** Where the built-in backend keeps its state: all in memory, or all in MongoDB. */
export interface BuiltinStorage {
  readonly kind: 'memory' | 'mongodb';
  readonly inventory: NightInventory;
  readonly records: BookingRecords;
  readonly roomTypes: RoomTypeDirectory;
  /**
   * Resolves when the storage may take bookings. For MongoDB that means the unique indexes
   * exist: without the one on nights, two first bookings of a night could each create their
   * own night document and both take its last room.
   */
  ready(): Promise<void>;
}

export function memoryStorage(): BuiltinStorage {
  return {
    kind: 'memory',
    inventory: new MemoryNightInventory(),
    records: new MemoryBookingRecords(),
    roomTypes: new MemoryRoomTypeDirectory(),
    ready: async () => undefined,
  };
}

export interface MongoStorageOptions {
  /** How long one database call may take before it fails with `BackendUnavailableError`. */
  readonly operationTimeoutMs?: number;
}

const DEFAULT_OPERATION_TIMEOUT_MS = 5_000;
const INDEX_BUILD_TIMEOUT_MS = 120_000;

/** The storage on the conversation store's MongoDB connection, in tenant-scoped `booking_*` collections. */
export function mongoStorage(store: MongoConversationStore, options: MongoStorageOptions = {}): BuiltinStorage {
  const timeoutMs = options.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS;
  const call = mongoCaller(timeoutMs);
  const nights = nightModel(store);
  const bookings = bookingModel(store);
  const roomTypes = roomTypeModel(store);
  return {
    kind: 'mongodb',
    inventory: new MongoNightInventory(nights, call),
    records: new MongoBookingRecords(bookings, call),
    roomTypes: new MongoRoomTypeDirectory(roomTypes, call),
    ready: once(async () => {
      await store.whenIndexed();
      // Again, and awaited: the store only logs a failed build, and these indexes are what
      // makes bookings unique and nights impossible to oversell. Building one on a large
      // collection may take a while, hence the longer deadline.
      const limitMs = Math.max(INDEX_BUILD_TIMEOUT_MS, timeoutMs);
      await Promise.all([nights, bookings, roomTypes].map((model) => call('build indexes', 'write', () => model.createIndexes(), limitMs)));
    }),
  };
}

/** Runs `fn` once; a failed run may be tried again. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= fn().catch((err: unknown) => {
      running = undefined;
      throw err;
    });
    return running;
  };
}
