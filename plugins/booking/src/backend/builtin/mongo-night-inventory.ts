import { Schema, type Model } from 'mongoose';
import type { PluginModels } from '@hotello/core';
import { isDuplicateKeyError, type MongoCall } from './mongo-calls';
import { inDateOrder, type NightCount, type NightInventory, type NightUsage, type TakeOutcome } from './night-inventory';

interface NightDoc {
  hotelId: string;
  roomType: string;
  /** `YYYY-MM-DD`: string order is date order, so ranges are plain `$gte`/`$lte`. */
  date: string;
  taken: number;
  /** Missing until the first `$push` on FerretDB v1, which drops an empty array from `$setOnInsert`. */
  holders?: string[];
}

/** One schema object for the process: the store refuses a second schema under the same model name. */
const nightSchema = new Schema(
  {
    hotelId: { type: String, required: true },
    roomType: { type: String, required: true },
    date: { type: String, required: true },
    taken: { type: Number, required: true },
    holders: { type: [String], default: undefined },
  },
  { versionKey: false },
);
nightSchema.index({ hotelId: 1, roomType: 1, date: 1 }, { unique: true });

export function nightModel(store: PluginModels): Model<NightDoc> {
  return store.model('booking', 'Night', nightSchema) as unknown as Model<NightDoc>;
}

/**
 * The night inventory in MongoDB (`booking_Night`): one document per hotel, room type and
 * night with `taken` and `holders`. Every change is one conditional single-document update,
 * which MongoDB applies atomically (the FerretDB v1 test server only behind the test services'
 * serializing proxy, see core/src/store/README.md).
 */
export class MongoNightInventory implements NightInventory {
  constructor(
    private readonly nights: Model<NightDoc>,
    private readonly call: MongoCall,
  ) {}

  async take(hotelId: string, roomType: string, nights: readonly string[], holder: string, capacity: number): Promise<TakeOutcome> {
    const dates = inDateOrder(nights);
    await this.ensureNights(hotelId, roomType, dates);
    for (const date of dates) {
      const key = { hotelId, roomType, date };
      const result = await this.call('take night', 'write', () =>
        this.nights.updateOne(
          { ...key, taken: { $lt: capacity }, holders: { $ne: holder } },
          { $inc: { taken: 1 }, $push: { holders: holder } },
        ),
      );
      if (result.modifiedCount === 1) continue;
      // Not taken: full, or already ours from an earlier attempt of the same booking.
      const held = await this.call('take night', 'read', () => this.nights.exists({ ...key, holders: holder }));
      if (!held) return { ok: false, fullNight: date };
    }
    return { ok: true };
  }

  async release(hotelId: string, roomType: string, nights: readonly string[], holder: string): Promise<void> {
    for (const date of inDateOrder(nights).reverse()) {
      await this.call('release night', 'write', () =>
        this.nights.updateOne({ hotelId, roomType, date, holders: holder }, { $inc: { taken: -1 }, $pull: { holders: holder } }),
      );
    }
  }

  async taken(hotelId: string, firstNight: string, lastNight: string, roomType?: string): Promise<NightCount[]> {
    const docs = await this.call('count nights', 'read', () =>
      this.nights
        .find(this.range(hotelId, firstNight, lastNight, roomType), { _id: 0, roomType: 1, date: 1, taken: 1 })
        .sort({ roomType: 1, date: 1 })
        .lean<NightCount[]>(),
    );
    return docs.map(({ roomType: type, date, taken }) => ({ roomType: type, date, taken }));
  }

  async usage(hotelId: string, firstNight: string, lastNight: string, roomType?: string): Promise<NightUsage[]> {
    const docs = await this.call('read nights', 'read', () =>
      this.nights
        .find(this.range(hotelId, firstNight, lastNight, roomType))
        .sort({ roomType: 1, date: 1 })
        .lean<NightDoc[]>(),
    );
    return docs.map(({ roomType: type, date, taken, holders }) => ({ roomType: type, date, taken, holders: [...(holders ?? [])] }));
  }

  async held(hotelId: string, firstNight: string): Promise<NightUsage[]> {
    const docs = await this.call('read held nights', 'read', () =>
      this.nights
        // Not `taken > 0`: the holders are what the audit checks. FerretDB v1 leaves `holders` out
        // of a night nobody took yet, and a night whose holders all left keeps an empty array.
        .find(
          { hotelId, date: { $gte: firstNight }, holders: { $exists: true, $ne: [] } },
          { _id: 0, roomType: 1, date: 1, taken: 1, holders: 1 },
        )
        .sort({ roomType: 1, date: 1 })
        .lean<NightDoc[]>(),
    );
    // Filtered again: cheap, and an empty array slipping through `$ne` would only cost a lookup.
    return docs
      .filter((doc) => (doc.holders ?? []).length > 0)
      .map(({ roomType: type, date, taken, holders }) => ({ roomType: type, date, taken, holders: [...(holders ?? [])] }));
  }

  /**
   * Creates the nights nobody has booked yet, so the conditional update in `take` has a
   * document to match. Concurrent first bookings of a night may race to insert it; a
   * duplicate key only means another one won, and the night exists either way.
   */
  private async ensureNights(hotelId: string, roomType: string, dates: readonly string[]): Promise<void> {
    if (dates.length === 0) return;
    try {
      await this.call('create nights', 'write', () =>
        this.nights.bulkWrite(
          dates.map((date) => ({
            updateOne: { filter: { hotelId, roomType, date }, update: { $setOnInsert: { taken: 0, holders: [] } }, upsert: true },
          })),
          { ordered: false },
        ),
      );
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  private range(hotelId: string, firstNight: string, lastNight: string, roomType?: string): Record<string, unknown> {
    return { hotelId, date: { $gte: firstNight, $lte: lastNight }, ...(roomType === undefined ? {} : { roomType }) };
  }
}
