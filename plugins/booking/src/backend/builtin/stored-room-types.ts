import { DuplicateKeyError, Schema, type PluginCollection, type PluginStorage } from '@hotello/core';
import type { LocalizedText } from '../../domain/localized-text';
import type { RoomTypeDirectory, RoomTypeEntry, StoredRoomType } from './room-type-directory';
import { storeCall } from './store-calls';

interface RoomTypeDoc {
  /** `id` would clash with mongoose's virtual of the same name. */
  roomTypeId: string;
  name: LocalizedText;
  description?: LocalizedText;
  adults: number;
  children: number;
  rooms: number;
  minStay: number;
  rate: number;
  currency: string;
  active: boolean;
  updatedAt: Date;
}

const roomTypeSchema = new Schema({
  roomTypeId: { type: String, required: true },
  name: { type: Schema.Types.Mixed, required: true },
  description: Schema.Types.Mixed,
  adults: { type: Number, required: true },
  children: { type: Number, required: true },
  rooms: { type: Number, required: true },
  minStay: { type: Number, required: true },
  rate: { type: Number, required: true },
  currency: { type: String, required: true },
  active: { type: Boolean, required: true },
  updatedAt: { type: Date, required: true },
});

/** Declares `booking_RoomType`: one document per hotel and configured room type. */
export function defineRoomTypes(storage: PluginStorage): PluginCollection<RoomTypeDoc> {
  return storage.define<RoomTypeDoc>('RoomType', roomTypeSchema, { indexes: [{ fields: { roomTypeId: 1 }, unique: true }] });
}

/** The configured room types as stored, for reports and tools that read the database. */
export class StoredRoomTypes implements RoomTypeDirectory {
  constructor(private readonly roomTypes: PluginCollection<RoomTypeDoc>) {}

  async sync(hotelId: string, entries: readonly RoomTypeEntry[], now: Date): Promise<void> {
    const hotel = this.roomTypes.forHotel(hotelId);
    for (const { id, description, ...fields } of entries) {
      const upsert = () =>
        storeCall('sync room types', 'write', () =>
          hotel.updateOne(
            { roomTypeId: id },
            {
              $set: { ...fields, ...(description ? { description } : {}), active: true, updatedAt: now },
              ...(description ? {} : { $unset: { description: '' } }),
            },
            { upsert: true },
          ),
        );
      try {
        await upsert();
      } catch (err) {
        // Another instance starting at the same time inserted the same room type first; now
        // the document exists, and the update path applies this configuration to it.
        if (!(err instanceof DuplicateKeyError)) throw err;
        await upsert();
      }
    }
    await storeCall('retire room types', 'write', () =>
      hotel.updateMany({ roomTypeId: { $nin: entries.map((e) => e.id) }, active: true }, { $set: { active: false, updatedAt: now } }),
    );
  }

  async list(hotelId: string): Promise<StoredRoomType[]> {
    const docs = await storeCall('list room types', 'read', () => this.roomTypes.forHotel(hotelId).find({}, { sort: { roomTypeId: 1 } }));
    return docs.map((doc) => ({
      id: doc.roomTypeId,
      name: doc.name,
      ...(doc.description ? { description: doc.description } : {}),
      adults: doc.adults,
      children: doc.children,
      rooms: doc.rooms,
      minStay: doc.minStay,
      rate: doc.rate,
      currency: doc.currency,
      active: doc.active,
      updatedAt: doc.updatedAt,
    }));
  }
}
