import type { LocalizedText } from '../../domain/localized-text';

/** A room type as configured, kept in the database so it reflects the configuration in force. */
export interface RoomTypeEntry {
  readonly id: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  readonly adults: number;
  readonly children: number;
  readonly rooms: number;
  readonly minStay: number;
  /** Base nightly rate. */
  readonly rate: number;
  readonly currency: string;
}

export interface StoredRoomType extends RoomTypeEntry {
  /** False once the room type is no longer in the configuration (its bookings still name it). */
  readonly active: boolean;
  readonly updatedAt: Date;
}

/** The hotels' room types as last started: the configuration is the source, this is its record. */
export interface RoomTypeDirectory {
  /** Upserts the configured room types as active and marks every other stored one inactive. */
  sync(hotelId: string, roomTypes: readonly RoomTypeEntry[], now: Date): Promise<void>;
  /** Stored room types of the hotel, by id. */
  list(hotelId: string): Promise<StoredRoomType[]>;
}
