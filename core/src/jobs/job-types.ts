import type { Logger } from '../logging/logger';

/** What a job's handler receives for one run (one attempt of it). */
export interface JobRun<D = unknown> {
  /** The job's name, as defined. */
  readonly name: string;
  readonly hotelId: string;
  /** The schedule's key: given when scheduling, or generated (unkeyed `schedule`), or `default` (unkeyed `repeat`). */
  readonly key: string;
  /** The `data` given when scheduling, after a JSON round trip (a `Date` arrives as its ISO string). */
  readonly data: D;
  /** When this run was due (retries keep it): the time asked for, or the cron/interval slot. */
  readonly scheduledFor: Date;
  /** 1 for the first try, 2 for the first retry… */
  readonly attempt: number;
  /** Lines carry the plugin, `job`, `hotelId`, `key` and `attempt`. */
  readonly logger: Logger;
}

export type JobHandler<D = unknown> = (run: JobRun<D>) => Promise<void> | void;

export interface JobOptions {
  /** Tries per run before it is recorded failed (default 3; 1 = no retry). */
  readonly attempts?: number;
  /** Delay before the first retry; each further one doubles (default 1000 ms). */
  readonly backoffMs?: number;
}

/** Where a run belongs: the hotel, and the key that names this schedule among the job's others. */
export interface JobTarget {
  readonly hotelId: string;
  /** Scheduling again with the same name, hotel and key replaces the pending run instead of adding one. */
  readonly key?: string;
}

/** Runs once: at `at`, or after `delayMs`, or as soon as possible when neither is given. */
export interface ScheduleOptions<D = unknown> extends JobTarget {
  readonly data?: D;
  readonly at?: Date;
  readonly delayMs?: number;
}

/** Repeats: on a cron expression in the hotel's time zone, or every `everyMs` (the first run right away). */
export interface RepeatOptions<D = unknown> extends JobTarget {
  readonly data?: D;
  /** Five fields (or six, seconds first), evaluated in the hotel's IANA time zone: `0 10 * * *` is 10:00 hotel time. */
  readonly cron?: string;
  readonly everyMs?: number;
}

/** What `schedule` and `repeat` settled on. */
export interface ScheduledJob {
  readonly name: string;
  readonly hotelId: string;
  readonly key: string;
  /** The first (or only) run's time; for a repeat whose schedule was already stored, the stored next run may differ. */
  readonly runAt: Date;
}

/** A defined job, typed by its data: the same calls as {@link PluginJobs} without repeating the name. */
export interface DefinedJob<D = unknown> {
  readonly name: string;
  schedule(options: ScheduleOptions<D>): Promise<ScheduledJob>;
  repeat(options: RepeatOptions<D>): Promise<ScheduledJob>;
  cancel(target: Required<JobTarget>): Promise<boolean>;
}

/**
 * A plugin's jobs (`ctx.jobs`): delayed, timed and repeating work that runs once across
 * instances and survives restarts. `define` in `register`; `schedule`, `repeat` and `cancel`
 * from `register` on (typically in `start`, a handler, a listener or another job).
 */
export interface PluginJobs {
  define<D = unknown>(name: string, handler: JobHandler<D>, options?: JobOptions): DefinedJob<D>;
  schedule<D = unknown>(name: string, options: ScheduleOptions<D>): Promise<ScheduledJob>;
  repeat<D = unknown>(name: string, options: RepeatOptions<D>): Promise<ScheduledJob>;
  /** Removes the pending run or the repeat of that key; a run in progress finishes. False when there was none. */
  cancel(name: string, target: Required<JobTarget>): Promise<boolean>;
}
