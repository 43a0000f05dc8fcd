import type { HotelConfig } from '../config/config-schema';
import type { PlannedChannel, PlannedPlugin } from '../plugins/plugin-plan';
import { inQuietHours } from './quiet-hours';

/** A hotel as plugins see it: its config and which plugins are on for it, with what options. */
export interface Hotel extends HotelConfig {
  readonly enabledPlugins: ReadonlySet<string>;
  /** Whether staff are off at `now` (default: the current time), by `quietHours` on the hotel's clock. */
  inQuietHours(now?: Date): boolean;
}

/**
 * The hotel object every caller shares. The method is not enumerable, so a hotel still
 * serialises and compares as its config plus `enabledPlugins`.
 */
function hotelOf(config: HotelConfig, enabledPlugins: ReadonlySet<string>): Hotel {
  const hotel = { ...config, enabledPlugins } as Hotel;
  Object.defineProperty(hotel, 'inQuietHours', { value: (now: Date = new Date()) => inQuietHours(config, now) });
  return Object.freeze(hotel);
}

/**
 * Answers "is plugin P on for hotel H, and with what options" — the single place where
 * per-hotel switches are decided, so routes, turns and events all agree.
 */
export class HotelDirectory {
  private readonly hotels = new Map<string, Hotel>();
  private readonly options = new Map<string, ReadonlyMap<string, unknown>>();
  private readonly channelList: readonly PlannedChannel[];
  /** By `hotelId|channelId`: every message in and out looks its channel up. */
  private readonly channelIndex: ReadonlyMap<string, PlannedChannel>;

  constructor(hotels: readonly HotelConfig[], plugins: readonly PlannedPlugin[], channels: readonly PlannedChannel[]) {
    for (const plugin of plugins) this.options.set(plugin.definition.name, plugin.hotels);
    for (const hotel of hotels) {
      const enabled = new Set(plugins.filter((p) => p.hotels.has(hotel.id)).map((p) => p.definition.name));
      this.hotels.set(hotel.id, hotelOf(hotel, enabled));
    }
    this.channelList = channels;
    this.channelIndex = new Map(channels.map((c) => [`${c.hotelId}|${c.id}`, c]));
  }

  get(hotelId: string): Hotel | undefined {
    return this.hotels.get(hotelId);
  }

  list(): Hotel[] {
    return [...this.hotels.values()];
  }

  isEnabled(hotelId: string, plugin: string): boolean {
    return this.hotels.get(hotelId)?.enabledPlugins.has(plugin) ?? false;
  }

  /** The plugin's options for a hotel, or undefined when the plugin is off there. */
  optionsFor<T = unknown>(hotelId: string, plugin: string): T | undefined {
    return this.options.get(plugin)?.get(hotelId) as T | undefined;
  }

  /** One hotel's channel by its id, or undefined when the hotel has no such channel. */
  channel(hotelId: string, channelId: string): PlannedChannel | undefined {
    return this.channelIndex.get(`${hotelId}|${channelId}`);
  }

  /** Channels configured across hotels, optionally of one type. */
  channels(type?: string): readonly PlannedChannel[] {
    return type ? this.channelList.filter((c) => c.type === type) : this.channelList;
  }
}
