import { Schema } from 'mongoose';
import type { JobIdentity } from '../job-backend';

/** Waiting for its time (new, or retrying), taken by an instance, or out of attempts (one-off runs only). */
export type JobState = 'scheduled' | 'running' | 'failed';

/**
 * One schedule of a job in the store backend: a one-off run, or a repeat and its next run. One
 * document per (hotel, owner, name, key), so scheduling a key again replaces it in place.
 */
export interface JobDocument {
  /** `<hotel>|<owner>|<name>|<key>`: unique in the collection, whoever inserts it. */
  _id: string;
  owner: string;
  name: string;
  key: string;
  kind: 'once' | 'repeat';
  /** The schedule as text (time or cron/interval, and the data): the same schedule again changes nothing. */
  spec: string;
  /** The handler's data as JSON ('' for none). */
  data: string;
  cron?: string;
  timeZone?: string;
  everyMs?: number;
  state: JobState;
  /** When the run may be taken: its slot, or later for a retry. */
  runAt: Date;
  /** The run's nominal time (what the handler sees as `scheduledFor`); retries keep it. */
  scheduledFor: Date;
  /** The attempt the next take makes (1 for a fresh run). */
  attempt: number;
  /** The taker's random token: only it may finish the run or extend its lease. */
  claimToken?: string;
  claimedBy?: string;
  /** A taker holds the run until then (extended while it runs); one that died lets it go when it passes. */
  leaseUntil?: Date;
  lastError?: string;
  failedAt?: Date;
  lastRunAt?: Date;
  updatedAt: Date;
}

const required = <T>(type: T) => ({ type, required: true });

export const jobSchema = new Schema({
  _id: required(String),
  owner: required(String),
  name: required(String),
  key: required(String),
  kind: { type: String, required: true, enum: ['once', 'repeat'] },
  spec: required(String),
  data: { type: String, default: '' },
  cron: String,
  timeZone: String,
  everyMs: Number,
  state: { type: String, required: true, enum: ['scheduled', 'running', 'failed'] },
  runAt: required(Date),
  scheduledFor: required(Date),
  attempt: { type: Number, required: true, min: 1 },
  claimToken: String,
  claimedBy: String,
  leaseUntil: Date,
  lastError: String,
  failedAt: Date,
  lastRunAt: Date,
  updatedAt: required(Date),
});

/** What the poll reads first: due runs of a hotel, oldest first. */
export const JOB_INDEXES = [{ fields: { state: 1, runAt: 1 } as const }];

export function jobDocumentId(id: JobIdentity): string {
  return [id.hotelId, id.owner, id.name, id.key].join('|');
}
