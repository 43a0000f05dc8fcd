import { Schema, type Model } from 'mongoose';
import type { PluginModels } from '@hotello/core';
import type { LocalizedText } from '../../domain/localized-text';
import { isDuplicateKeyError, type MongoCall } from './mongo-calls';
import type { RoomTypeDirectory, RoomTypeEntry, StoredRoomType } from './room-type-directory';

interface RoomTypeDoc {
  hotelId: string;
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

/** One schema object for the process: the store refuses a second schema under the same model name. */
const roomTypeSchema = new Schema(
  {
    hotelId: { type: String, required: true },
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
  },
  { versionKey: false },
);
roomTypeSchema.index({ hotelId: 1, roomTypeId: 1 }, { unique: true });

export function roomTypeModel(store: PluginModels): Model<RoomTypeDoc> {
  return store.model('booking', 'RoomType', roomTypeSchema) as unknown as Model<RoomTypeDoc>;
}

/** The configured room types in MongoDB (`booking_RoomType`), for reports and tools that read the database. */
export class MongoRoomTypeDirectory implements RoomTypeDirectory {
  constructor(
    private readonly roomTypes: Model<RoomTypeDoc>,
    private readonly call: MongoCall,
  ) {}

  async sync(hotelId: string, entries: readonly RoomTypeEntry[], now: Date): Promise<void> {
    if (entries.length > 0) {
      const upserts = entries.map(({ id, description, ...fields }) => ({
        updateOne: {
          filter: { hotelId, roomTypeId: id },
          update: {
            $set: { ...fields, ...(description ? { description } : {}), active: true, updatedAt: now },
            ...(description ? {} : { $unset: { description: '' } }),
          },
          upsert: true,
        },
      }));
      const write = () => this.call('sync room types', 'write', () => this.roomTypes.bulkWrite(upserts, { ordered: false }));
      try {
        await write();
      } catch (err) {
        // Another instance starting at the same time inserted the same room type first; now
        // the documents exist, and the update path applies this configuration to them.
        if (!isDuplicateKeyError(err)) throw err;
        await write();
      }
    }
    await this.call('retire room types', 'write', () =>
      this.roomTypes.updateMany(
        { hotelId, roomTypeId: { $nin: entries.map((e) => e.id) }, active: true },
        { $set: { active: false, updatedAt: now } },
      ),
    );
  }

  async list(hotelId: string): Promise<StoredRoomType[]> {
    const docs = await this.call('list room types', 'read', () =>
      this.roomTypes.find({ hotelId }).sort({ roomTypeId: 1 }).lean<RoomTypeDoc[]>(),
    );
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
