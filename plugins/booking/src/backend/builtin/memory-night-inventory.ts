import { setImmediate as nextTurn } from 'node:timers/promises';
import { inDateOrder, type NightCount, type NightInventory, type NightUsage, type TakeOutcome } from './night-inventory';

interface Night {
  taken: number;
  holders: string[];
}

/**
 * The night inventory in process memory (the embedded default). Each night's update is done
 * in one synchronous step, like a single-document update on the server, and every step yields
 * to other callers in between, so concurrent bookings interleave as they would on MongoDB.
 */
export class MemoryNightInventory implements NightInventory {
  /** hotel → room type → date → night. */
  private readonly hotels = new Map<string, Map<string, Map<string, Night>>>();

  async take(hotelId: string, roomType: string, nights: readonly string[], holder: string, capacity: number): Promise<TakeOutcome> {
    for (const date of inDateOrder(nights)) {
      await nextTurn();
      const night = this.night(hotelId, roomType, date);
      if (night.holders.includes(holder)) continue;
      if (night.taken >= capacity) return { ok: false, fullNight: date };
      night.taken += 1;
      night.holders.push(holder);
    }
    return { ok: true };
  }

  async release(hotelId: string, roomType: string, nights: readonly string[], holder: string): Promise<void> {
    for (const date of inDateOrder(nights).reverse()) {
      await nextTurn();
      const night = this.hotels.get(hotelId)?.get(roomType)?.get(date);
      const at = night?.holders.indexOf(holder) ?? -1;
      if (!night || at < 0) continue;
      night.holders.splice(at, 1);
      night.taken -= 1;
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
    await nextTurn();
    const out: NightUsage[] = [];
    for (const [type, dates] of this.hotels.get(hotelId) ?? []) {
      if (roomType !== undefined && type !== roomType) continue;
      for (const [date, night] of dates) {
        if (date >= firstNight && date <= lastNight) out.push({ roomType: type, date, taken: night.taken, holders: [...night.holders] });
      }
    }
    return out.sort((a, b) => a.roomType.localeCompare(b.roomType) || a.date.localeCompare(b.date));
  }

  async held(hotelId: string, firstNight: string): Promise<NightUsage[]> {
    // Every later date sorts after the latest valid one.
    return (await this.usage(hotelId, firstNight, '9999-12-31')).filter((night) => night.holders.length > 0);
  }

  private night(hotelId: string, roomType: string, date: string): Night {
    const types = getOrCreate(this.hotels, hotelId, () => new Map<string, Map<string, Night>>());
    const dates = getOrCreate(types, roomType, () => new Map<string, Night>());
    return getOrCreate(dates, date, () => ({ taken: 0, holders: [] }));
  }
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
