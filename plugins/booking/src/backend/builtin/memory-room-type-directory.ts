import type { RoomTypeDirectory, RoomTypeEntry, StoredRoomType } from './room-type-directory';

/** Room types in process memory: the catalogue already is the truth, this only mirrors the MongoDB behaviour. */
export class MemoryRoomTypeDirectory implements RoomTypeDirectory {
  private readonly hotels = new Map<string, Map<string, StoredRoomType>>();

  async sync(hotelId: string, roomTypes: readonly RoomTypeEntry[], now: Date): Promise<void> {
    const stored = this.hotels.get(hotelId) ?? new Map<string, StoredRoomType>();
    const current = new Set(roomTypes.map((r) => r.id));
    for (const [id, entry] of stored) {
      if (!current.has(id) && entry.active) stored.set(id, { ...entry, active: false, updatedAt: new Date(now) });
    }
    for (const entry of roomTypes) stored.set(entry.id, structuredClone({ ...entry, active: true, updatedAt: new Date(now) }));
    this.hotels.set(hotelId, stored);
  }

  async list(hotelId: string): Promise<StoredRoomType[]> {
    return [...(this.hotels.get(hotelId)?.values() ?? [])].sort((a, b) => a.id.localeCompare(b.id)).map((r) => structuredClone(r));
  }
}
