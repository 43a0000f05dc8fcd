import { Queue, UnrecoverableError, Worker, type Job, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Clock } from '../../kernel/clock';
import type { Logger } from '../../logging/logger';
import type { JobBackend, JobIdentity, OnceRequest, RepeatRequest, RetryPolicy, RunExecutor } from '../job-backend';
import { JOBS_QUEUE, onceDeduplicationId, repeatSchedulerId, type JobPayload } from './bullmq-ids';

export interface BullmqJobBackendOptions {
  readonly url: string;
  /** `redis.keyPrefix`; the queue lives under `<keyPrefix>bull:jobs`, beside the pipeline's `turns`. */
  readonly keyPrefix: string;
  readonly concurrency: number;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** Recorded failures kept in Redis for operators (BullMQ's failed set), per queue. */
const KEEP_FAILED = 1_000;

/**
 * Jobs on Redis through BullMQ's own primitives: a one-off run is a delayed job deduplicated by
 * its schedule (`deduplication: { replace, keepLastIfActive }`: scheduling the key again replaces
 * a run still waiting, and one asked for while a run is active follows it); a repeat is a job
 * scheduler (`upsertJobScheduler` with `pattern` + `tz`, or `every`), which keeps one next run
 * however many instances upsert it. BullMQ moves each due job to exactly one worker, and a
 * worker that dies mid-run has its job taken again once its lock lapses (stalled-job check).
 */
export class BullmqJobBackend implements JobBackend {
  readonly kind = 'bullmq' as const;
  private readonly prefix: string;
  private opened?: { connection: Redis; queue: Queue<JobPayload> };
  private workerConnection?: Redis;
  private worker?: Worker<JobPayload>;
  private executor?: RunExecutor;

  constructor(private readonly options: BullmqJobBackendOptions) {
    this.prefix = `${options.keyPrefix}bull`;
  }

  /** Opened on first use: a bot that is only built (the CLI's `loadBot`, `validate`) never connects. */
  private get connection(): Redis {
    return this.open().connection;
  }

  private get queue(): Queue<JobPayload> {
    return this.open().queue;
  }

  private open(): { connection: Redis; queue: Queue<JobPayload> } {
    if (!this.opened) {
      // BullMQ wants `maxRetriesPerRequest: null` on the connections it blocks on.
      const connection = new Redis(this.options.url, { maxRetriesPerRequest: null, lazyConnect: true });
      const queue = new Queue<JobPayload>(JOBS_QUEUE, { connection, prefix: this.prefix });
      queue.on('error', (err) => this.options.logger.error({ err }, 'jobs queue error'));
      this.opened = { connection, queue };
    }
    return this.opened;
  }

  async scheduleOnce(request: OnceRequest): Promise<Date> {
    await this.connected();
    const { id } = request;
    // A key names one schedule of a job: a one-off replaces a repeat of that key.
    await this.queue.removeJobScheduler(repeatSchedulerId(id));
    const delay = Math.max(0, request.runAt.getTime() - this.options.clock.now().getTime());
    await this.queue.add(
      jobName(id),
      { ...payloadOf(id, request.data), scheduledFor: request.runAt.getTime() },
      { ...runOptions(request.policy), delay, deduplication: { id: onceDeduplicationId(id), replace: true, keepLastIfActive: true } },
    );
    return request.runAt;
  }

  async scheduleRepeat(request: RepeatRequest): Promise<Date> {
    await this.connected();
    const { id, spec } = request;
    await this.cancelOnce(id);
    const repeat = 'cron' in spec ? { pattern: spec.cron, tz: spec.timeZone } : { every: spec.everyMs };
    const next = await this.queue.upsertJobScheduler(repeatSchedulerId(id), repeat, {
      name: jobName(id),
      data: payloadOf(id, request.data),
      opts: runOptions(request.policy),
    });
    return new Date(slotOf(next) ?? this.options.clock.now().getTime());
  }

  async cancel(id: JobIdentity): Promise<boolean> {
    await this.connected();
    const [once, repeat] = await Promise.all([this.cancelOnce(id), this.queue.removeJobScheduler(repeatSchedulerId(id))]);
    return once || repeat;
  }

  async start(executor: RunExecutor): Promise<void> {
    this.executor = executor;
    await this.connected();
    this.workerConnection = this.connection.duplicate({ maxRetriesPerRequest: null });
    this.worker = new Worker<JobPayload>(JOBS_QUEUE, (job) => this.process(job), {
      connection: this.workerConnection,
      prefix: this.prefix,
      concurrency: this.options.concurrency,
    });
    this.worker.on('error', (err) => this.options.logger.error({ err }, 'jobs worker error'));
    this.worker.on('stalled', (jobId) => this.options.logger.warn({ jobId }, 'job run stalled (its worker stopped); it runs again'));
  }

  async stop(timeoutMs: number): Promise<void> {
    const worker = this.worker;
    if (worker) {
      // close() lets active runs finish; past the deadline they are abandoned and BullMQ's stalled check re-runs them.
      let timer: NodeJS.Timeout | undefined;
      const closed = await Promise.race([
        worker.close().then(() => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
      ]);
      clearTimeout(timer);
      if (!closed) {
        this.options.logger.warn('jobs still running at shutdown; BullMQ runs them again once their lock lapses');
        await worker.close(true).catch(() => undefined);
      }
    }
    await this.opened?.queue.close().catch(() => undefined);
    // BullMQ leaves connections it was given open; these are ours to close.
    this.workerConnection?.disconnect();
    this.opened?.connection.disconnect();
  }

  private async process(job: Job<JobPayload>): Promise<void> {
    const { owner, name, hotelId, key, data } = job.data;
    const outcome = await this.executor!.execute({
      id: { owner, name, hotelId, key },
      data,
      scheduledFor: new Date(job.data.scheduledFor ?? slotOf(job) ?? job.timestamp),
      attempt: job.attemptsMade + 1,
    });
    // BullMQ records what we decided: a throw retries with the job's backoff, UnrecoverableError fails it now.
    if (outcome.kind === 'retry') throw outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error));
    if (outcome.kind === 'failed') throw new UnrecoverableError(outcome.error.message);
  }

  /** Removes a waiting one-off run, and one stored to follow an active run; an active run itself finishes. */
  private async cancelOnce(id: JobIdentity): Promise<boolean> {
    const dedupId = onceDeduplicationId(id);
    const jobId = await this.queue.getDeduplicationJobId(dedupId);
    let removed = false;
    if (jobId) {
      const job = await this.queue.getJob(jobId);
      const state = job ? await job.getState() : 'unknown';
      if (state !== 'active' && state !== 'completed' && state !== 'failed') removed = (await this.queue.remove(jobId)) === 1;
    }
    // The run asked for while another was active waits under `dn:<dedup id>` (BullMQ's keepLastIfActive).
    const followers = await this.connection.del(this.queue.toKey(`dn:${dedupId}`));
    return removed || followers > 0;
  }

  private async connected(): Promise<void> {
    const { connection } = this.open();
    if (connection.status === 'wait') await connection.connect().catch(() => undefined);
  }
}

function jobName(id: JobIdentity): string {
  return `${id.owner}.${id.name}`;
}

function payloadOf(id: JobIdentity, data: string): JobPayload {
  return { owner: id.owner, name: id.name, hotelId: id.hotelId, key: id.key, data };
}

function runOptions(policy: RetryPolicy): JobsOptions {
  return {
    attempts: policy.attempts,
    backoff: { type: 'exponential', delay: policy.backoffMs },
    removeOnComplete: true,
    removeOnFail: { count: KEEP_FAILED },
  };
}

/** A scheduler's job carries its slot: `opts.prevMillis`, also the last part of its id `repeat:<scheduler>:<ms>`. */
function slotOf(job: Job | undefined): number | undefined {
  if (!job) return undefined;
  if (typeof job.opts.prevMillis === 'number') return job.opts.prevMillis;
  const ms = Number(job.id?.split(':').pop());
  return Number.isFinite(ms) && job.id?.startsWith('repeat:') ? ms : undefined;
}
