import type { JobHandlerError } from './job-errors';

/** One schedule of one job: core or a plugin (`owner`), the job's name, the hotel and the key. */
export interface JobIdentity {
  readonly owner: string;
  readonly name: string;
  readonly hotelId: string;
  readonly key: string;
}

/** How a repeating job repeats: a cron expression in a time zone, or a fixed interval. */
export type RepeatSpec = { readonly cron: string; readonly timeZone: string } | { readonly everyMs: number };

export interface RetryPolicy {
  readonly attempts: number;
  readonly backoffMs: number;
}

export interface OnceRequest {
  readonly id: JobIdentity;
  /** The handler's data as JSON (both backends store text, so both hand back the same value). */
  readonly data: string;
  readonly runAt: Date;
  readonly policy: RetryPolicy;
}

export interface RepeatRequest {
  readonly id: JobIdentity;
  readonly data: string;
  readonly spec: RepeatSpec;
  readonly policy: RetryPolicy;
}

/** A run a backend took and hands to the executor. */
export interface DueRun {
  readonly id: JobIdentity;
  readonly data: string;
  readonly scheduledFor: Date;
  readonly attempt: number;
}

/** What became of one attempt; the backend records it (retry later, record failed, next slot). */
export type RunOutcome =
  | { readonly kind: 'completed' }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'retry'; readonly delayMs: number; readonly error: unknown }
  | { readonly kind: 'failed'; readonly error: JobHandlerError };

export interface RunExecutor {
  /** Runs one attempt; never throws (a handler's error becomes `retry` or `failed`). */
  execute(run: DueRun): Promise<RunOutcome>;
}

/**
 * Where schedules live and who takes their runs: BullMQ on Redis, or the store with in-process
 * timers. Either way a run is taken by exactly one instance, and a schedule outlives the process.
 */
export interface JobBackend {
  readonly kind: 'bullmq' | 'store';
  /** Stores (or replaces) the pending one-off run of `id`; resolves with when it runs. */
  scheduleOnce(request: OnceRequest): Promise<Date>;
  /** Stores (or replaces, when the schedule changed) the repeat of `id`; resolves with its next run. */
  scheduleRepeat(request: RepeatRequest): Promise<Date>;
  /** Removes the pending run or repeat of `id`; false when there was none. */
  cancel(id: JobIdentity): Promise<boolean>;
  /** Starts taking due runs. */
  start(executor: RunExecutor): Promise<void>;
  /** Takes no more runs, waits up to `timeoutMs` for those running, closes what it opened. */
  stop(timeoutMs: number): Promise<void>;
}

/** Exponential: `backoffMs`, then twice that, four times… — the formula BullMQ's `exponential` backoff uses. */
export function retryDelay(policy: RetryPolicy, failedAttempt: number): number {
  return Math.round(policy.backoffMs * 2 ** (failedAttempt - 1));
}
