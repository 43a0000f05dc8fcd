import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ConfigError, z, type ConfigIssue } from '@hotello/core';
import { roomTypeSchema, type BookingOptions, type RoomTypeOptions } from '../options';
import type { RoomTypeInfo } from './booking';

const roomTypesFileSchema = z.object({ roomTypes: z.array(roomTypeSchema) }).strict();

interface HotelRooms {
  readonly rooms: readonly RoomTypeOptions[];
  readonly currency: string;
}

/**
 * Each hotel's room types, from its options and the file they name, read once at start (a
 * restart picks up changes; inventory is counted against the current number of rooms).
 */
export class RoomCatalog {
  private constructor(private readonly hotels: ReadonlyMap<string, HotelRooms>) {}

  /** Throws a {@link ConfigError} naming the hotel's option path for an unreadable or invalid file. */
  static load(entries: readonly { hotelId: string; path: string; options: BookingOptions }[], baseDir = process.cwd()): RoomCatalog {
    const issues: ConfigIssue[] = [];
    const hotels = new Map<string, HotelRooms>();
    for (const { hotelId, path: at, options } of entries) {
      const rooms = [...options.roomTypes];
      if (options.roomTypesFile)
        rooms.push(...readRoomTypesFile(path.resolve(baseDir, options.roomTypesFile), `${at}.roomTypesFile`, issues));
      const seen = new Set<string>();
      for (const room of rooms) {
        if (seen.has(room.id)) issues.push({ path: `${at}.roomTypes`, message: `room type "${room.id}" is defined twice` });
        seen.add(room.id);
      }
      if (options.backend.type === 'builtin' && rooms.length === 0) {
        issues.push({ path: `${at}.roomTypes`, message: 'expected at least one room type (or roomTypesFile) for the built-in backend' });
      }
      hotels.set(hotelId, { rooms, currency: options.currency });
    }
    if (issues.length > 0) throw new ConfigError(issues);
    return new RoomCatalog(hotels);
  }

  /** A catalogue from room types already validated (tests, embedding apps). */
  static of(byHotel: Readonly<Record<string, { rooms: readonly RoomTypeOptions[]; currency?: string }>>): RoomCatalog {
    return new RoomCatalog(new Map(Object.entries(byHotel).map(([id, h]) => [id, { rooms: h.rooms, currency: h.currency ?? 'EUR' }])));
  }

  /** Every hotel the catalogue was built for (also those with no room types). */
  hotelIds(): string[] {
    return [...this.hotels.keys()];
  }

  rooms(hotelId: string): readonly RoomTypeOptions[] {
    return this.hotels.get(hotelId)?.rooms ?? [];
  }

  room(hotelId: string, roomType: string): RoomTypeOptions | undefined {
    return this.rooms(hotelId).find((r) => r.id === roomType);
  }

  currency(hotelId: string): string {
    return this.hotels.get(hotelId)?.currency ?? 'EUR';
  }

  info(hotelId: string): RoomTypeInfo[] {
    return this.rooms(hotelId).map((r) => ({
      id: r.id,
      name: typeof r.name === 'string' ? { en: r.name } : r.name,
      ...(r.description ? { description: typeof r.description === 'string' ? { en: r.description } : r.description } : {}),
      capacity: { adults: r.adults, children: r.children },
      rooms: r.rooms,
      minStay: r.minStay,
    }));
  }
}

function readRoomTypesFile(file: string, at: string, issues: ConfigIssue[]): RoomTypeOptions[] {
  let doc: unknown;
  try {
    doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    issues.push({ path: at, message: `cannot read ${file}: ${(err as Error).message}` });
    return [];
  }
  const parsed = roomTypesFileSchema.safeParse(doc);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.push({ path: `${at} (${file}: ${issue.path.join('.')})`, message: issue.message });
    return [];
  }
  return parsed.data.roomTypes;
}
