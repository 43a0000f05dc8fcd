import type { DependencyContainer } from 'tsyringe';
import type { HotelloConfig } from '../config/config-schema';
import type { EventListener, EventName, HotelloEvents } from '../events/event-bus';
import type { PluginHttp } from '../http/plugin-http';
import type { ReadinessCheck } from '../http/readiness';
import type { HotelDirectory } from '../kernel/hotel-directory';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import type { PlannedChannel } from './plugin-plan';

/** Events as a plugin sees them: its listeners only hear about hotels where it is on. */
export interface PluginEvents {
  on<K extends EventName>(event: K, listener: EventListener<K>): () => void;
  emit<K extends EventName>(event: K, payload: HotelloEvents[K]): Promise<void>;
}

/**
 * What a plugin receives in `register`, `start` and `stop`: its slice of the running bot.
 * `O` is the type of the plugin's options.
 */
export interface PluginContext<O = unknown> {
  /** This plugin's name. */
  readonly name: string;
  /** The bot's DI container; register services here, resolve other plugins' services from it. */
  readonly container: DependencyContainer;
  /** A logger whose lines carry `plugin: <name>`. */
  readonly logger: Logger;
  readonly config: Readonly<HotelloConfig>;
  readonly hotels: HotelDirectory;
  readonly http: PluginHttp;
  readonly events: PluginEvents;
  readonly metrics: Metrics;
  /** The plugin's options for a hotel, or undefined where it is off. */
  optionsFor(hotelId: string): O | undefined;
  /** Whether the plugin is on for a hotel. */
  isEnabledFor(hotelId: string): boolean;
  /** Channels of the types this plugin provides (adapter plugins). */
  readonly channels: readonly PlannedChannel[];
  /** Adds a dependency `/readyz` should check. */
  addReadinessCheck(name: string, check: ReadinessCheck): void;
}
