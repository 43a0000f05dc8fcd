import type { JobIdentity } from '../job-backend';

/** The queue every job of a bot goes through (beside the pipeline's `turns`). */
export const JOBS_QUEUE = 'jobs';

/**
 * `<owner>|<hotel>|<name>|<key>`, the key percent-encoded: BullMQ refuses `:` in the ids of
 * scheduler jobs (`repeat:<scheduler id>:<time>` must split into three), and a key is free text.
 */
function idOf(id: JobIdentity): string {
  return [id.owner, id.hotelId, id.name, encodeURIComponent(id.key)].join('|');
}

/** The deduplication id of a one-off run: one pending run per schedule, replaced while it is delayed. */
export function onceDeduplicationId(id: JobIdentity): string {
  return `once|${idOf(id)}`;
}

/** The job scheduler of a repeat. */
export function repeatSchedulerId(id: JobIdentity): string {
  return `repeat|${idOf(id)}`;
}

/** What each BullMQ job carries: whose run it is (the handler's data stays JSON text). */
export interface JobPayload {
  readonly owner: string;
  readonly name: string;
  readonly hotelId: string;
  readonly key: string;
  readonly data: string;
  /** A one-off run's time; a scheduler's runs take theirs from their slot. */
  readonly scheduledFor?: number;
}
