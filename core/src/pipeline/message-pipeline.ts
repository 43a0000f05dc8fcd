import { Redis } from 'ioredis';
import { RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DependencyContainer } from 'tsyringe';
import type { HotelloConfig } from '../config/config-schema';
import '../events/core-events';
import type { EventBus } from '../events/event-bus';
import type { HotelDirectory } from '../kernel/hotel-directory';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import type { MessagingHub } from '../messaging/messaging-hub';
import type { ConversationStore } from '../store/conversation-store';
import type { TurnRegistry } from '../turns/turn-registry';
import { ConversationWorker } from './conversation-worker';
import { Inbox } from './inbox';
import { OutboxSender } from './outbox-sender';
import { Router } from './router';
import { InProcessScheduler } from './scheduler/in-process-scheduler';
import { RedisScheduler } from './scheduler/redis-scheduler';
import type { TurnScheduler } from './scheduler/turn-scheduler';
import { WorkSweeper } from './sweeper';
import type { JobService } from '../jobs/job-service';
import { handoffGuard, memoryLimiter, rateLimitGuard, unsupportedGuard } from './turn-middleware';
import { TurnRunner } from './turn-runner';

export interface PipelineDeps {
  config: HotelloConfig;
  store: ConversationStore;
  registry: TurnRegistry;
  hotels: HotelDirectory;
  messaging: MessagingHub;
  container: DependencyContainer;
  events: EventBus;
  logger: Logger;
  metrics: Metrics;
  /** Consent for proactive messages, re-checked by the outbox before one goes out. */
  allowsProactive?: (hotelId: string, guest: string) => Promise<boolean>;
  /** Core's jobs: the periodic work sweep is a repeating job per hotel (one instance runs each). */
  jobs?: JobService;
}

/**
 * The path from an acknowledged webhook to a delivered reply: inbox → scheduler →
 * conversation worker (turns, then outbox) → adapters. In-process by default; with Redis
 * configured, conversations are shared across instances and rate limits are global.
 */
export class MessagePipeline {
  readonly inbox: Inbox;
  readonly scheduler: TurnScheduler;
  readonly redis?: Redis;
  private readonly sweeper: WorkSweeper;

  constructor(deps: PipelineDeps) {
    const { config, store, registry, hotels, events, logger, metrics } = deps;
    const log = logger.child({ component: 'pipeline' });
    if (config.redis) this.redis = new Redis(config.redis.url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });

    const limiters = new Map<string, RateLimiterAbstract>();
    const limiterFor = (hotelId: string): RateLimiterAbstract => {
      let limiter = limiters.get(hotelId);
      if (!limiter) {
        const { messages, perSeconds } = hotels.get(hotelId)!.rateLimit;
        limiter = this.redis
          ? new RateLimiterRedis({
              storeClient: this.redis,
              keyPrefix: `${config.redis!.keyPrefix}rl`,
              points: messages,
              duration: perSeconds,
              insuranceLimiter: memoryLimiter(messages, perSeconds),
            })
          : memoryLimiter(messages, perSeconds);
        limiters.set(hotelId, limiter);
      }
      return limiter;
    };

    const sender = new OutboxSender({
      store,
      hotels,
      messaging: deps.messaging,
      events,
      logger: log,
      metrics,
      maxAttempts: config.pipeline.maxSendAttempts,
      leaseMs: config.pipeline.sendLeaseMs,
      reconcileMs: config.pipeline.reconcileMs,
      // Called only once the pipeline runs, when `this.scheduler` exists.
      wakeAt: (key, at) => this.scheduler.scheduleAt(key, at),
      allowsProactive: deps.allowsProactive,
    });
    const runner = new TurnRunner({
      store,
      registry,
      router: new Router(registry, hotels),
      hotels,
      container: deps.container,
      events,
      logger: log,
      metrics,
      identityOf: (address, guest) => deps.messaging.identityOf(address, guest),
      guards: [handoffGuard(), rateLimitGuard(limiterFor), unsupportedGuard()],
    });
    const worker = new ConversationWorker({ store, runner, sender, hotels, events, catalog: registry.messages, logger: log, metrics });
    const scheduler: TurnScheduler = config.redis
      ? new RedisScheduler(worker, store, log, {
          url: config.redis.url,
          keyPrefix: config.redis.keyPrefix,
          concurrency: config.pipeline.concurrency,
          lockTtlMs: config.pipeline.lockTtlMs,
        })
      : new InProcessScheduler(worker, log, config.pipeline.concurrency);
    this.scheduler = scheduler;
    this.inbox = new Inbox(store, hotels, () => this.scheduler, events, log);
    this.sweeper = new WorkSweeper(store, hotels, scheduler, log, config.pipeline.sweepIntervalMs, deps.jobs);
    deps.messaging.connect(this.inbox);
  }

  /** Starts scheduling and resumes whatever an earlier run left unfinished. */
  async start(): Promise<void> {
    if (this.redis) await this.redis.connect().catch(() => undefined);
    await this.scheduler.start();
    await this.sweeper.sweep();
    await this.sweeper.start();
  }

  async stop(timeoutMs: number): Promise<void> {
    this.sweeper.stop();
    await this.scheduler.stop(timeoutMs);
    this.redis?.disconnect();
  }

  async pingRedis(): Promise<void> {
    if (!this.redis) return;
    const answer = await this.redis.ping();
    if (answer !== 'PONG') throw new Error(`redis answered ${answer}`);
  }
}
