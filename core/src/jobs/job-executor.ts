import type { HotelDirectory } from '../kernel/hotel-directory';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import { retryDelay, type DueRun, type RunExecutor, type RunOutcome } from './job-backend';
import { JobHandlerError, messageOf } from './job-errors';
import type { JobRegistry } from './job-registry';

export interface JobExecutorDeps {
  readonly registry: JobRegistry;
  readonly hotels: HotelDirectory;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** The owner's logger (a plugin's lines carry `plugin: <name>`). */
  readonly loggerOf: (owner: string) => Logger;
}

/**
 * Runs one attempt of a run for either backend, so both decide, log and count alike: a hotel
 * where the owner is off is skipped; a throw is retried with backoff until the job's attempts
 * are spent, then recorded failed — each step one log line.
 */
export class JobExecutor implements RunExecutor {
  constructor(private readonly deps: JobExecutorDeps) {}

  async execute(run: DueRun): Promise<RunOutcome> {
    const { owner, name, hotelId, key } = run.id;
    const job = `${owner}/${name}`;
    const fields = { job, hotelId, key, attempt: run.attempt, scheduledFor: run.scheduledFor.toISOString() };
    const definition = this.deps.registry.get(owner, name);
    const count = (outcome: string) => this.deps.metrics.jobRuns.inc({ owner, job: name, outcome });
    if (!definition) {
      // A schedule left by another version of the bot (the job was renamed or removed).
      count('failed');
      const error = new JobHandlerError(
        job,
        hotelId,
        key,
        run.attempt,
        new Error('no handler: the job is not defined by any plugin of this bot'),
      );
      this.deps.logger.error({ ...fields, err: error }, 'job run recorded failed: no handler defined');
      return { kind: 'failed', error };
    }
    const skip = this.skipReason(owner, hotelId, definition.botWide);
    if (skip) {
      count('skipped');
      this.deps.logger.info({ ...fields, reason: skip }, `job run skipped: ${skip}`);
      return { kind: 'skipped', reason: skip };
    }
    const started = process.hrtime.bigint();
    try {
      await definition.handler({
        name,
        hotelId,
        key,
        data: parseData(run.data),
        scheduledFor: run.scheduledFor,
        attempt: run.attempt,
        logger: this.deps.loggerOf(owner).child({ job: name, hotelId, key, attempt: run.attempt }),
      });
      count('completed');
      return { kind: 'completed' };
    } catch (err) {
      const { attempts } = definition.policy;
      if (run.attempt < attempts) {
        const delayMs = retryDelay(definition.policy, run.attempt);
        count('retried');
        this.deps.logger.warn({ ...fields, attempts, retryInMs: delayMs, err }, `job run failed (${messageOf(err)}); retrying`);
        return { kind: 'retry', delayMs, error: err };
      }
      const error = new JobHandlerError(job, hotelId, key, run.attempt, err);
      count('failed');
      this.deps.metrics.errors.inc({ kind: 'job' });
      this.deps.logger.error({ ...fields, attempts, err }, `job run recorded failed after ${run.attempt} attempt(s): ${messageOf(err)}`);
      return { kind: 'failed', error };
    } finally {
      this.deps.metrics.jobDuration.observe({ owner, job: name }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  private skipReason(owner: string, hotelId: string, botWide: boolean): string | undefined {
    if (botWide) return undefined;
    if (!this.deps.hotels.get(hotelId)) return `hotel "${hotelId}" is not in the config`;
    if (owner !== 'core' && !this.deps.hotels.isEnabled(hotelId, owner)) return `plugin "${owner}" is off for hotel "${hotelId}"`;
    return undefined;
  }
}

function parseData(data: string): unknown {
  return data === '' ? undefined : JSON.parse(data);
}
