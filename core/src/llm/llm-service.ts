import type { InjectionToken } from 'tsyringe';
import type { Logger } from '../logging/logger';
import type { PluginStorage } from '../store/collections/collection-types';
import { ScopedHotelLlm, UnavailableHotelLlm } from './hotel-llm';
import { LlmBudget } from './llm-budget';
import { LlmCalls } from './llm-calls';
import type { HotelLlmConfig, LlmConfig } from './llm-config';
import { resolveLlm, type LlmResolution } from './llm-settings';
import type { HotelLlm, LlmBudgetExceeded, PluginLlm } from './llm-types';
import { StoredLlmUsage, type LlmUsageRepository } from './llm-usage-log';
import { LangChainModelFactory, type LlmModelFactory } from './model-factory';

/** A host may register its own model factory here before the bot starts (tests, other providers). */
export const LLM_MODEL_FACTORY: InjectionToken<LlmModelFactory> = Symbol.for('hotello.core.llmModelFactory');

/** What the service needs of a hotel's config. */
export interface LlmHotel {
  readonly id: string;
  readonly timezone: string;
  readonly llm?: HotelLlmConfig;
}

export interface LlmServiceOptions {
  /** The top-level `llm` section. */
  readonly llm?: LlmConfig;
  readonly hotels: readonly LlmHotel[];
  /** Core's own collections (`createPluginStorage('core', …)`), or a repository of your own. */
  readonly storage: PluginStorage | LlmUsageRepository;
  /** Sends `llm.budget_exceeded` (the kernel's event bus). */
  readonly emit: (info: LlmBudgetExceeded) => Promise<void> | void;
  readonly logger: Logger;
  readonly env?: NodeJS.ProcessEnv;
  readonly now?: () => Date;
  /** Default: langchain ({@link LangChainModelFactory}); a function is asked on first use. */
  readonly models?: LlmModelFactory | (() => LlmModelFactory);
  /** Whether a plugin is on at a hotel; a plugin that is off gets an unavailable LLM there. */
  readonly isEnabled?: (plugin: string, hotelId: string) => boolean;
  /** How long a hotel's spend read from the store is trusted (other instances' calls show up after it). */
  readonly spendCacheMs?: number;
}

function isRepository(storage: PluginStorage | LlmUsageRepository): storage is LlmUsageRepository {
  return typeof (storage as LlmUsageRepository).record === 'function';
}

/**
 * The one LLM service of a bot: every plugin's `ctx.llm`. It decides each hotel's model from the
 * config (global `llm` merged with `hotels[].llm`), runs every call through one budget per hotel
 * and month, and logs each call with the plugin that made it. Nothing of langchain is loaded
 * until a hotel with an LLM makes its first call (or a plugin warms it up at start).
 */
export class LlmService {
  readonly usage: LlmUsageRepository;
  private readonly resolutions = new Map<string, LlmResolution>();
  private readonly hotels = new Map<string, LlmHotel>();
  private readonly calls: LlmCalls;
  private modelFactory?: LlmModelFactory;

  constructor(private readonly options: LlmServiceOptions) {
    const now = options.now ?? (() => new Date());
    this.usage = isRepository(options.storage) ? options.storage : new StoredLlmUsage(options.storage, now);
    const budget = new LlmBudget(this.usage, (info) => this.alert(info), options.spendCacheMs);
    this.calls = new LlmCalls({ usage: this.usage, budget, logger: options.logger, now });
    const env = options.env ?? process.env;
    for (const hotel of options.hotels) {
      this.hotels.set(hotel.id, hotel);
      const resolution = resolveLlm(options.llm, hotel.llm, env);
      this.resolutions.set(hotel.id, resolution);
      // Meant to be on but cannot be (no key): said once at start, not at every refused call.
      if (!resolution.on && resolution.misconfigured)
        options.logger.warn({ hotel: hotel.id, reason: resolution.reason }, 'LLM off for this hotel');
    }
  }

  /** A hotel's LLM settings, or why it has none. */
  resolution(hotelId: string): LlmResolution {
    return this.resolutions.get(hotelId) ?? { on: false, reason: 'unknown hotel' };
  }

  /** What a plugin's `ctx.llm` is. */
  forPlugin(plugin: string): PluginLlm {
    const cache = new Map<string, HotelLlm>();
    return {
      forHotel: (hotelId) => {
        let llm = cache.get(hotelId);
        if (!llm) {
          llm = this.build(plugin, hotelId);
          cache.set(hotelId, llm);
        }
        return llm;
      },
    };
  }

  private build(plugin: string, hotelId: string): HotelLlm {
    const resolution = this.resolution(hotelId);
    if (!resolution.on) return new UnavailableHotelLlm(plugin, hotelId, resolution.reason);
    if (this.options.isEnabled && !this.options.isEnabled(plugin, hotelId))
      return new UnavailableHotelLlm(plugin, hotelId, `plugin "${plugin}" is off for this hotel`);
    const hotel = this.hotels.get(hotelId)!;
    return new ScopedHotelLlm({ plugin, hotelId, timeZone: hotel.timezone, settings: resolution.settings }, this.calls, this.models());
  }

  private models(): LlmModelFactory {
    if (!this.modelFactory) {
      const given = this.options.models;
      this.modelFactory = typeof given === 'function' ? given() : (given ?? new LangChainModelFactory());
    }
    return this.modelFactory;
  }

  private async alert(info: LlmBudgetExceeded): Promise<void> {
    this.options.logger.warn(
      { hotel: info.hotelId, month: info.month, spentUsd: info.spentUsd, budgetUsd: info.budgetUsd },
      'LLM monthly budget spent',
    );
    await this.options.emit(info);
  }
}
