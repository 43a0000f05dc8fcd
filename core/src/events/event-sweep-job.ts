import { CORE_OWNER, type JobService } from '../jobs/job-service';
import type { EventDispatcher } from './event-dispatcher';

/** Core's job that looks at one hotel's undelivered events every `pipeline.sweepIntervalMs`. */
export const EVENT_SWEEP_JOB = 'events.sweep';

export interface EventSweep {
  /** Starts the repeating sweep for these hotels (idempotent: each hotel has one schedule). */
  schedule(hotelIds: readonly string[]): Promise<void>;
}

/**
 * Each instance delivers new events as they are recorded and retries its own failed listeners on
 * a timer; what no instance is looking at — rows of an instance that died, retries due while it
 * was down, replayed dead letters — is found by this job. With Redis one instance runs each
 * sweep; any instance may deliver any row.
 */
export function defineEventSweep(jobs: JobService, dispatcher: EventDispatcher, everyMs: number): EventSweep {
  const job = jobs.define(
    CORE_OWNER,
    EVENT_SWEEP_JOB,
    async ({ hotelId }) => {
      dispatcher.sweepHotel(hotelId);
      await dispatcher.idle();
    },
    // A failed sweep is retried by the next one.
    { attempts: 1 },
  );
  return {
    async schedule(hotelIds) {
      for (const hotelId of hotelIds) await job.repeat({ hotelId, everyMs });
    },
  };
}
