import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '../../logging/logger';
import type { ConversationKey } from '../../store/conversation';
import type { ConversationStore } from '../../store/conversation-store';
import type { ConversationWorker } from '../conversation-worker';
import { RedisLock } from './redis-lock';
import { conversationId, parseConversationId, type TurnScheduler } from './turn-scheduler';

export interface RedisSchedulerOptions {
  url: string;
  keyPrefix: string;
  concurrency: number;
  lockTtlMs: number;
}

/**
 * Shares conversations across instances. BullMQ carries "conversation X has work" jobs to any
 * instance; a per-conversation Redis lock makes exactly one instance drain it at a time
 * (lock-and-drain — BullMQ's own per-group ordering is a paid feature). Order comes from the
 * store: a drain always takes the oldest pending message first. Jobs are deliberately not
 * deduplicated: a job dropped because one for the same conversation is still active could
 * strand a message that arrived after that job's last look.
 */
export class RedisScheduler implements TurnScheduler {
  private readonly connection: Redis;
  private readonly lockClient: Redis;
  private readonly queue: Queue;
  private worker?: Worker;
  private workerConnection?: Redis;
  private readonly lock: RedisLock;
  private running = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly drainer: ConversationWorker,
    private readonly store: ConversationStore,
    private readonly logger: Logger,
    private readonly options: RedisSchedulerOptions,
  ) {
    const prefix = `${options.keyPrefix}bull`;
    this.connection = new Redis(options.url, { maxRetriesPerRequest: null, lazyConnect: true });
    this.lockClient = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    this.queue = new Queue('turns', { connection: this.connection, prefix });
    this.lock = new RedisLock(this.lockClient, options.lockTtlMs);
  }

  async start(): Promise<void> {
    await Promise.all([this.connection.connect().catch(() => undefined), this.lockClient.connect().catch(() => undefined)]);
    this.workerConnection = this.connection.duplicate({ maxRetriesPerRequest: null });
    this.worker = new Worker('turns', (job: Job<{ id: string }>) => this.process(job.data.id), {
      connection: this.workerConnection,
      prefix: `${this.options.keyPrefix}bull`,
      concurrency: this.options.concurrency,
      removeOnComplete: { count: 0 },
      removeOnFail: { count: 1000 },
    });
    this.worker.on('error', (err) => this.logger.error({ err }, 'turn queue error'));
  }

  schedule(key: ConversationKey): void {
    this.queue
      .add(
        'conversation',
        { id: conversationId(key) },
        { removeOnComplete: true, removeOnFail: 1000, attempts: 5, backoff: { type: 'exponential', delay: 500 } },
      )
      .catch((err: unknown) => this.logger.error({ err }, 'cannot queue conversation; the sweeper will pick it up'));
  }

  scheduleAt(key: ConversationKey, at: Date): void {
    const delay = Math.max(0, at.getTime() - Date.now());
    this.queue
      .add('conversation', { id: conversationId(key) }, { delay, removeOnComplete: true, removeOnFail: 1000 })
      .catch((err: unknown) => this.logger.error({ err }, 'cannot queue a retry; the sweeper will pick it up'));
  }

  private async process(id: string): Promise<void> {
    const key = parseConversationId(id);
    const lockKey = `${this.options.keyPrefix}lock:conversation:${id}`;
    this.running++;
    try {
      for (;;) {
        const lock = await this.lock.acquire(lockKey);
        // Busy: the holder looks for pending work again after releasing, which covers ours.
        if (!lock) return;
        try {
          await this.drainer.drain(key, () => lock.held);
        } finally {
          await lock.release().catch((err: unknown) => this.logger.warn({ err }, 'lock release failed; it will lapse'));
        }
        // Work that arrived between our last look and the release would otherwise be stranded.
        const [inbound, outbound] = await Promise.all([
          this.store.pendingInbound(key.hotelId, { channelId: key.channelId, guest: key.guest, limit: 1 }),
          this.store.queuedOutbound(key, 1),
        ]);
        const now = Date.now();
        const dueOut = outbound.some((m) => !m.nextAttemptAt || m.nextAttemptAt.getTime() <= now);
        if (inbound.length === 0 && !dueOut) return;
      }
    } finally {
      this.running--;
      if (this.running === 0) this.idleWaiters.splice(0).forEach((w) => w());
    }
  }

  async idle(): Promise<void> {
    if (this.running === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(timeoutMs: number): Promise<void> {
    await Promise.race([this.worker?.close(), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    await this.queue.close().catch(() => undefined);
    // BullMQ leaves connections it was given open; these are ours to close.
    this.workerConnection?.disconnect();
    this.connection.disconnect();
    this.lockClient.disconnect();
  }

  /** For `/readyz`. */
  async ping(): Promise<void> {
    const answer = await this.lockClient.ping();
    if (answer !== 'PONG') throw new Error(`redis answered ${answer}`);
  }
}
