import type { Clock } from '../kernel/clock';
import type { HotelDirectory } from '../kernel/hotel-directory';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import type { JobBackend, JobIdentity } from './job-backend';
import { JobScheduleError } from './job-errors';
import { JobExecutor } from './job-executor';
import { JobRegistry, type JobDefinition } from './job-registry';
import type { DefinedJob, JobHandler, JobOptions, JobTarget, PluginJobs, RepeatOptions, ScheduleOptions, ScheduledJob } from './job-types';
import { checkKey, DEFAULT_REPEAT_KEY, generatedKey, repeatSpecOf, runTimeOf, serializeData } from './schedule-input';

/** The owner of core's own jobs (the pipeline's and the store's sweeps). */
export const CORE_OWNER = 'core';
/**
 * The scope of core's bot-wide jobs, which belong to no hotel (the store's expiry sweep). Stored
 * like a hotel id; a real hotel of that id cannot collide, because only core's bot-wide jobs use it.
 */
export const BOT_WIDE = 'all-hotels';

export interface JobServiceDeps {
  readonly backend: JobBackend;
  readonly hotels: HotelDirectory;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** The logger a handler's lines go through for an owner (a plugin's carry `plugin: <name>`). */
  readonly loggerOf?: (owner: string) => Logger;
}

/**
 * Delayed, timed and repeating work for plugins (`ctx.jobs`) and core. Checks what is asked
 * (a defined job, a hotel where the owner is on, a valid time or cron), then hands it to the
 * backend — BullMQ on Redis, or the store — which makes each run happen once across instances.
 */
export class JobService {
  private readonly registry = new JobRegistry();
  private readonly executor: JobExecutor;
  private started = false;
  private stopped = false;

  constructor(private readonly deps: JobServiceDeps) {
    const logger = deps.logger.child({ component: 'jobs' });
    this.executor = new JobExecutor({
      registry: this.registry,
      hotels: deps.hotels,
      logger,
      metrics: deps.metrics,
      loggerOf: deps.loggerOf ?? (() => logger),
    });
  }

  get backendKind(): JobBackend['kind'] {
    return this.deps.backend.kind;
  }

  /** `botWide` is for core's own work that belongs to no hotel; its runs use {@link BOT_WIDE} as their hotel. */
  define<D>(owner: string, name: string, handler: JobHandler<D>, options?: JobOptions, botWide = false): DefinedJob<D> {
    this.registry.define(owner, name, handler as JobHandler<never>, options, botWide);
    return {
      name,
      schedule: (o) => this.schedule(owner, name, o),
      repeat: (o) => this.repeat(owner, name, o),
      cancel: (t) => this.cancel(owner, name, t),
    };
  }

  async schedule<D>(owner: string, name: string, options: ScheduleOptions<D>): Promise<ScheduledJob> {
    const where = `schedule("${name}")`;
    const definition = this.definitionFor(where, owner, name, options);
    const key = options.key === undefined ? generatedKey() : checkKey(where, options.key);
    const id: JobIdentity = { owner, name, hotelId: options.hotelId, key };
    const runAt = runTimeOf(where, options, this.deps.clock.now());
    const data = serializeData(where, options.data);
    const at = await this.deps.backend.scheduleOnce({ id, data, runAt, policy: definition.policy });
    return { name, hotelId: id.hotelId, key, runAt: at };
  }

  async repeat<D>(owner: string, name: string, options: RepeatOptions<D>): Promise<ScheduledJob> {
    const where = `repeat("${name}")`;
    const definition = this.definitionFor(where, owner, name, options);
    const key = options.key === undefined ? DEFAULT_REPEAT_KEY : checkKey(where, options.key);
    const id: JobIdentity = { owner, name, hotelId: options.hotelId, key };
    const timeZone = definition.botWide ? 'UTC' : this.deps.hotels.get(options.hotelId)!.timezone;
    const spec = repeatSpecOf(where, options, timeZone, this.deps.clock.now());
    const data = serializeData(where, options.data);
    const next = await this.deps.backend.scheduleRepeat({ id, data, spec, policy: definition.policy });
    return { name, hotelId: id.hotelId, key, runAt: next };
  }

  async cancel(owner: string, name: string, target: Required<JobTarget>): Promise<boolean> {
    const where = `cancel("${name}")`;
    this.definitionFor(where, owner, name, target, { allowOff: true });
    const key = checkKey(where, target.key);
    return this.deps.backend.cancel({ owner, name, hotelId: target.hotelId, key });
  }

  /** The view a plugin gets as `ctx.jobs`: its own jobs only, named without a prefix. */
  forPlugin(owner: string): PluginJobs {
    return {
      define: (name, handler, options) => this.define(owner, name, handler, options),
      schedule: (name, options) => this.schedule(owner, name, options),
      repeat: (name, options) => this.repeat(owner, name, options),
      cancel: (name, target) => this.cancel(owner, name, target),
    };
  }

  /** Starts taking runs; no job can be defined after this. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.registry.seal();
    await this.deps.backend.start(this.executor);
  }

  /** Takes no more runs; running ones may finish within `timeoutMs`; closes the backend's connections. */
  async stop(timeoutMs: number): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.deps.backend.stop(timeoutMs);
  }

  private definitionFor(where: string, owner: string, name: string, target: JobTarget, { allowOff = false } = {}): JobDefinition {
    if (this.stopped) throw new JobScheduleError(`${where}: the bot is stopping`);
    const definition = this.registry.get(owner, name);
    if (!definition)
      throw new JobScheduleError(
        `${where}: no job "${name}" is defined by ${owner === CORE_OWNER ? 'core' : `plugin "${owner}"`}: call jobs.define("${name}", handler) in register`,
      );
    const hotelId = (target as { hotelId?: unknown } | undefined)?.hotelId;
    if (definition.botWide) {
      if (hotelId !== BOT_WIDE) throw new JobScheduleError(`${where}: a bot-wide job is scheduled with hotelId "${BOT_WIDE}"`);
      return definition;
    }
    if (typeof hotelId !== 'string' || !this.deps.hotels.get(hotelId))
      throw new JobScheduleError(`${where}: unknown hotel ${typeof hotelId === 'string' ? `"${hotelId}"` : String(hotelId)}`);
    if (!allowOff && owner !== CORE_OWNER && !this.deps.hotels.isEnabled(hotelId, owner))
      throw new JobScheduleError(`${where}: plugin "${owner}" is off for hotel "${hotelId}"`);
    return definition;
  }
}
