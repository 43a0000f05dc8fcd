import type { HotelloConfig } from '../config/config-schema';
import type { Clock } from '../kernel/clock';
import type { HotelDirectory } from '../kernel/hotel-directory';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import type { PluginStorage } from '../store/collections/collection-types';
import { BullmqJobBackend } from './bullmq/bullmq-job-backend';
import type { JobBackend } from './job-backend';
import { BOT_WIDE, CORE_OWNER, JobService } from './job-service';
import { StoreJobBackend } from './store/store-job-backend';

export interface CreateJobServiceOptions {
  readonly config: HotelloConfig;
  /** Core's own collections (owner `core`): without Redis the jobs live in `core_jobs`. */
  readonly storage: PluginStorage;
  readonly hotels: HotelDirectory;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/** The bot's job service: BullMQ when `redis` is configured, else the store (one `core_jobs` collection). */
export function createJobService(options: CreateJobServiceOptions): JobService {
  const { config, storage, hotels, clock, metrics } = options;
  const logger = options.logger.child({ component: 'jobs' });
  const backend: JobBackend = config.redis
    ? new BullmqJobBackend({
        url: config.redis.url,
        keyPrefix: config.redis.keyPrefix,
        concurrency: config.jobs.concurrency,
        clock,
        logger,
      })
    : new StoreJobBackend({
        storage,
        scopes: () => [...hotels.list().map((h) => h.id), BOT_WIDE],
        clock,
        logger,
        pollIntervalMs: config.jobs.pollIntervalMs,
        leaseMs: config.jobs.leaseMs,
        concurrency: config.jobs.concurrency,
      });
  return new JobService({
    backend,
    hotels,
    clock,
    logger,
    metrics,
    loggerOf: (owner) => (owner === CORE_OWNER ? logger : options.logger.child({ plugin: owner })),
  });
}
