import { randomUUID } from 'node:crypto';
import { isControlledClock, type Clock } from '../../kernel/clock';
import type { Logger } from '../../logging/logger';
import type { PluginStorage } from '../../store/collections/collection-types';
import type { JobBackend, JobIdentity, OnceRequest, RepeatRequest, RunExecutor } from '../job-backend';
import { messageOf } from '../job-errors';
import { JOB_INDEXES, jobSchema, type JobDocument } from './job-document';
import { JobTable, type StoredJob } from './job-table';

export interface StoreJobBackendOptions {
  /** Core's storage (`createPluginStorage('core', …)`); the jobs live in `core_jobs`. */
  readonly storage: PluginStorage;
  /** The hotels whose runs this instance looks for (and core's bot-wide scope). */
  readonly scopes: () => readonly string[];
  readonly clock: Clock;
  readonly logger: Logger;
  /** Longest wait between two looks for due runs, also for runs whose taker died. */
  readonly pollIntervalMs: number;
  /** How long a taken run is held; extended every third of it while the handler runs. */
  readonly leaseMs: number;
  /** Runs this instance handles at the same time. */
  readonly concurrency: number;
}

/**
 * Jobs without Redis: schedules in the store (`core_jobs`), runs in-process. A timer wakes the
 * instance at the next due run (and at least every `pollIntervalMs`, which also finds runs whose
 * taker died); a conditional `findOneAndUpdate` takes each run with a lease, so of several
 * instances on one database exactly one runs it. With a controlled clock (the testing kit's
 * `FakeClock`) there are no timers: moving the clock runs what fell due.
 */
export class StoreJobBackend implements JobBackend {
  readonly kind = 'store' as const;
  private readonly table: JobTable;
  private executor?: RunExecutor;
  private running = false;
  private timer?: NodeJS.Timeout;
  private timerAt = Infinity;
  /** When the last look says to look again: the next run's time, at most a poll interval away. */
  private nextLook = 0;
  private polling?: Promise<number>;
  private pollAgain = false;
  private readonly inflight = new Set<Promise<void>>();
  private unsubscribe?: () => void;

  constructor(private readonly options: StoreJobBackendOptions) {
    const collection = options.storage.define<JobDocument>('jobs', jobSchema, { indexes: JOB_INDEXES });
    this.table = new JobTable(collection, `${process.pid}-${randomUUID().slice(0, 8)}`);
  }

  async scheduleOnce(request: OnceRequest): Promise<Date> {
    const runAt = await this.table.putOnce(request, this.now());
    this.wakeBy(runAt);
    return runAt;
  }

  async scheduleRepeat(request: RepeatRequest): Promise<Date> {
    const next = await this.table.putRepeat(request, this.now());
    this.wakeBy(next);
    return next;
  }

  cancel(id: JobIdentity): Promise<boolean> {
    return this.table.remove(id);
  }

  async start(executor: RunExecutor): Promise<void> {
    this.executor = executor;
    this.running = true;
    const clock = this.options.clock;
    if (isControlledClock(clock)) this.unsubscribe = clock.onAdvance(() => this.runDue());
    // Runs that fell due while no instance ran, and runs a dead instance held, start now.
    this.kick();
  }

  async stop(timeoutMs: number): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    clearTimeout(this.timer);
    const finished = Promise.all([...this.inflight]).then(() => true);
    const done = await Promise.race([finished, new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs).unref())]);
    if (!done)
      this.options.logger.warn(
        { running: this.inflight.size },
        'jobs still running at shutdown; their leases lapse and another instance runs them again',
      );
    await this.polling?.catch(() => undefined);
  }

  /** Runs everything due by now, and what those runs made due by now, then resolves (controlled clocks). */
  async runDue(): Promise<void> {
    for (let round = 0; this.running && round < 1000; round++) {
      // A look already under way may have started before the clock moved: let it end, then look afresh.
      while (this.polling) await this.polling;
      const taken = await this.poll();
      if (this.inflight.size > 0) await Promise.all([...this.inflight]);
      else if (taken === 0) return;
    }
  }

  private now(): Date {
    return this.options.clock.now();
  }

  private kick(): void {
    if (!this.running) return;
    this.poll().catch(() => undefined);
  }

  /** Makes sure the timer fires by `at` (a schedule added on this instance may be earlier than what it waits for). */
  private wakeBy(at: Date): void {
    if (!this.running) return;
    if (at.getTime() <= this.now().getTime()) this.kick();
    else if (!isControlledClock(this.options.clock) && at.getTime() < this.timerAt) this.arm(at.getTime());
  }

  /** One look: takes due runs up to the free slots, and sets the timer for the next. Resolves with how many it took. */
  private poll(): Promise<number> {
    if (this.polling) {
      this.pollAgain = true;
      return this.polling;
    }
    this.polling = this.pollOnce()
      .catch((err: unknown) => {
        this.options.logger.warn({ err }, 'looking for due jobs failed; trying again on the next poll');
        return 0;
      })
      .finally(() => {
        this.polling = undefined;
        if (this.pollAgain && this.running) {
          this.pollAgain = false;
          this.kick();
        } else if (this.running) this.arm(this.nextLook);
      });
    return this.polling;
  }

  private async pollOnce(): Promise<number> {
    let taken = 0;
    let next = this.now().getTime() + this.options.pollIntervalMs;
    for (const hotelId of new Set(this.options.scopes())) {
      if (!this.running) break;
      const now = this.now();
      // One more than the free slots: the first run not due yet (or not taken) says when to look again.
      const free = Math.max(0, this.options.concurrency - this.inflight.size);
      for (const candidate of await this.table.upcoming(hotelId, now, free + 1)) {
        if (candidate.runAt.getTime() > now.getTime()) {
          next = Math.min(next, candidate.runAt.getTime());
          break;
        }
        // Due, but every slot is busy: a run that finishes looks again.
        if (this.inflight.size >= this.options.concurrency) break;
        const job = await this.table.claim(candidate, this.now(), this.options.leaseMs);
        if (!job) continue; // another instance took it first
        if (candidate.state === 'running')
          this.options.logger.info(
            { job: `${job.owner}/${job.name}`, hotelId, key: job.key, previousTaker: candidate.claimedBy },
            'job run taken over: the instance that held it stopped renewing its lease',
          );
        taken++;
        this.track(this.run(job));
      }
    }
    this.nextLook = next;
    return taken;
  }

  private track(run: Promise<void>): void {
    this.inflight.add(run);
    void run.finally(() => {
      this.inflight.delete(run);
      // A slot came free, and a repeat has a new next run: look again.
      this.kick();
    });
  }

  private async run(job: StoredJob): Promise<void> {
    const renew = setInterval(
      () => {
        this.table
          .extendLease(job, this.now(), this.options.leaseMs)
          .then((ours) => {
            if (!ours)
              this.options.logger.warn({ job: `${job.owner}/${job.name}`, key: job.key }, 'job run replaced or cancelled while running');
          })
          .catch((err: unknown) => this.options.logger.warn({ err }, 'could not extend a job lease'));
      },
      Math.max(10, Math.floor(this.options.leaseMs / 3)),
    );
    renew.unref();
    try {
      const outcome = await this.executor!.execute({
        id: { owner: job.owner, name: job.name, hotelId: job.hotelId, key: job.key },
        data: job.data,
        scheduledFor: job.scheduledFor,
        attempt: job.attempt,
      });
      clearInterval(renew);
      const now = this.now();
      switch (outcome.kind) {
        case 'completed':
        case 'skipped':
          return await this.table.finish(job, now);
        case 'retry':
          return await this.table.retry(job, now, new Date(now.getTime() + outcome.delayMs), messageOf(outcome.error));
        case 'failed':
          return await this.table.finish(job, now, outcome.error.message);
      }
    } catch (err) {
      // The outcome could not be recorded (the store went away): the lease lapses and the run is taken again.
      this.options.logger.error({ err, job: `${job.owner}/${job.name}`, key: job.key }, 'could not record a job run; it will run again');
    } finally {
      clearInterval(renew);
    }
  }

  private arm(at: number): void {
    if (!this.running || isControlledClock(this.options.clock)) return;
    clearTimeout(this.timer);
    this.timerAt = Math.min(at, this.now().getTime() + this.options.pollIntervalMs);
    this.timer = setTimeout(
      () => {
        this.timerAt = Infinity;
        this.kick();
      },
      // Never longer than a poll interval (nor past setTimeout's 24.8-day limit).
      Math.min(this.options.pollIntervalMs, Math.max(0, at - this.now().getTime())),
    );
    this.timer.unref();
  }
}
