import { DuplicateKeyError, Schema, type HotelCollection, type PluginCollection, type PluginStorage } from '@hotello/core';
import { inDateOrder, type NightCount, type NightInventory, type NightUsage, type TakeOutcome } from './night-inventory';
import { storeCall } from './store-calls';

interface NightDoc {
  roomType: string;
  /** `YYYY-MM-DD`: string order is date order, so ranges are plain `$gte`/`$lte`. */
  date: string;
  taken: number;
  /** May be missing on nights an older version upserted on FerretDB v1, which drops an empty array from `$setOnInsert`. */
  holders?: string[];
}

const nightSchema = new Schema({
  roomType: { type: String, required: true },
  date: { type: String, required: true },
  taken: { type: Number, required: true },
  holders: { type: [String], default: undefined },
});

/**
 * Declares `booking_Night`. The unique index is what makes `take` safe: without it, two first
 * bookings of a night could each create their own night document and both take its last room.
 */
export function defineNights(storage: PluginStorage): PluginCollection<NightDoc> {
  return storage.define<NightDoc>('Night', nightSchema, { indexes: [{ fields: { roomType: 1, date: 1 }, unique: true }] });
}

/**
 * The night inventory as one document per hotel, room type and night with `taken` and
 * `holders`. Every change is one conditional single-document update, which both stores apply
 * atomically (the FerretDB v1 test server only behind the test services' serializing proxy,
 * see core/src/store/README.md).
 */
export class StoredNightInventory implements NightInventory {
  constructor(private readonly nights: PluginCollection<NightDoc>) {}

  async take(hotelId: string, roomType: string, nights: readonly string[], holder: string, capacity: number): Promise<TakeOutcome> {
    const hotel = this.nights.forHotel(hotelId);
    const dates = inDateOrder(nights);
    await this.ensureNights(hotel, roomType, dates);
    for (const date of dates) {
      const result = await storeCall('take night', 'write', () =>
        hotel.updateOne(
          { roomType, date, taken: { $lt: capacity }, holders: { $ne: holder } },
          { $inc: { taken: 1 }, $push: { holders: holder } },
        ),
      );
      if (result.modifiedCount === 1) continue;
      // Not taken: full, or already ours from an earlier attempt of the same booking.
      const held = await storeCall('take night', 'read', () =>
        hotel.findOne({ roomType, date, holders: holder }, { projection: { _id: 1 } }),
      );
      if (!held) return { ok: false, fullNight: date };
    }
    return { ok: true };
  }

  async release(hotelId: string, roomType: string, nights: readonly string[], holder: string): Promise<void> {
    const hotel = this.nights.forHotel(hotelId);
    for (const date of inDateOrder(nights).reverse()) {
      await storeCall('release night', 'write', () =>
        hotel.updateOne({ roomType, date, holders: holder }, { $inc: { taken: -1 }, $pull: { holders: holder } }),
      );
    }
  }

  async taken(hotelId: string, firstNight: string, lastNight: string, roomType?: string): Promise<NightCount[]> {
    return (await this.usage(hotelId, firstNight, lastNight, roomType)).map(({ roomType: type, date, taken }) => ({
      roomType: type,
      date,
      taken,
    }));
  }

  async usage(hotelId: string, firstNight: string, lastNight: string, roomType?: string): Promise<NightUsage[]> {
    const range = { date: { $gte: firstNight, $lte: lastNight }, ...(roomType === undefined ? {} : { roomType }) };
    const docs = await storeCall('read nights', 'read', () =>
      this.nights.forHotel(hotelId).find(range, { sort: { roomType: 1, date: 1 } }),
    );
    return docs.map(toUsage);
  }

  async held(hotelId: string, firstNight: string): Promise<NightUsage[]> {
    const docs = await storeCall('read held nights', 'read', () =>
      // Not `taken > 0`: the holders are what the audit checks, and a night whose holders all
      // left keeps an empty array.
      this.nights
        .forHotel(hotelId)
        .find({ date: { $gte: firstNight }, holders: { $exists: true, $ne: [] } }, { sort: { roomType: 1, date: 1 } }),
    );
    // Filtered again: cheap, and an empty array slipping through `$ne` would only cost a lookup.
    return docs.map(toUsage).filter((night) => night.holders.length > 0);
  }

  /**
   * Creates the nights nobody has booked yet, so the conditional update in `take` has a
   * document to match. Concurrent first bookings of a night may race to insert it; a
   * duplicate key only means another one won, and the night exists either way.
   */
  private async ensureNights(hotel: HotelCollection<NightDoc>, roomType: string, dates: readonly string[]): Promise<void> {
    if (dates.length === 0) return;
    const existing = await storeCall('read nights', 'read', () =>
      hotel.find({ roomType, date: { $in: [...dates] } }, { projection: { _id: 0, date: 1 } }),
    );
    const known = new Set(existing.map((doc) => doc.date));
    for (const date of dates.filter((d) => !known.has(d))) {
      try {
        await storeCall('create night', 'write', () => hotel.insertOne({ roomType, date, taken: 0, holders: [] }));
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
      }
    }
  }
}

function toUsage({ roomType, date, taken, holders }: NightDoc): NightUsage {
  return { roomType, date, taken, holders: [...(holders ?? [])] };
}
