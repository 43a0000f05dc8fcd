import type { PluginStorage } from '@hotello/core';
import type { BookingRecords } from './booking-records';
import type { NightInventory } from './night-inventory';
import type { RoomTypeDirectory } from './room-type-directory';
import { defineBookings, StoredBookingRecords } from './stored-booking-records';
import { defineNights, StoredNightInventory } from './stored-night-inventory';
import { defineRoomTypes, StoredRoomTypes } from './stored-room-types';

/** Where the built-in backend keeps its state. */
export interface BuiltinStorage {
  readonly inventory: NightInventory;
  readonly records: BookingRecords;
  readonly roomTypes: RoomTypeDirectory;
}

/**
 * The built-in backend's state in the booking plugin's collections (`booking_Night`,
 * `booking_Booking`, `booking_RoomType`), the same code on the memory and the MongoDB store.
 * Core builds a collection's indexes before its first operation, so the unique keys that keep
 * bookings unique and nights from being oversold hold from the first write.
 */
export function builtinStorage(storage: PluginStorage): BuiltinStorage {
  return {
    inventory: new StoredNightInventory(defineNights(storage)),
    records: new StoredBookingRecords(defineBookings(storage)),
    roomTypes: new StoredRoomTypes(defineRoomTypes(storage)),
  };
}
