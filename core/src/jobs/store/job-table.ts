import { randomUUID } from 'node:crypto';
import type { PluginCollection, Stored } from '../../store/collections/collection-types';
import { DuplicateKeyError } from '../../store/collections/errors';
import { nextCronRun } from '../cron';
import type { JobIdentity, OnceRequest, RepeatRequest, RepeatSpec } from '../job-backend';
import { jobDocumentId, type JobDocument } from './job-document';

export type StoredJob = Stored<JobDocument>;

const CLAIM_FIELDS = { claimToken: '', claimedBy: '', leaseUntil: '' } as const;

/**
 * The store backend's reads and writes, each one conditional document operation — the same
 * on the memory store and MongoDB/FerretDB (no transactions): a run is taken by a
 * `findOneAndUpdate` whose filter says it is still free, and finished only by the token that
 * took it, so a replaced, cancelled or re-taken run is never finished twice.
 */
export class JobTable {
  constructor(
    private readonly collection: PluginCollection<JobDocument>,
    private readonly instanceId: string,
  ) {}

  /** Stores a one-off run; the same time and data as the stored one changes nothing (not even a run in progress). */
  async putOnce(request: OnceRequest, now: Date): Promise<Date> {
    const spec = JSON.stringify({ once: request.runAt.toISOString(), data: request.data });
    await this.put(request.id, spec, now, {
      kind: 'once',
      data: request.data,
      runAt: request.runAt,
      scheduledFor: request.runAt,
    });
    return (await this.find(request.id))?.runAt ?? request.runAt;
  }

  /** Stores a repeat; the same schedule and data as the stored one keeps its next run where it is. */
  async putRepeat(request: RepeatRequest, now: Date): Promise<Date> {
    const spec = JSON.stringify({ repeat: request.spec, data: request.data });
    const first = firstRun(request.spec, now);
    await this.put(request.id, spec, now, {
      kind: 'repeat',
      data: request.data,
      runAt: first,
      scheduledFor: first,
      ...('cron' in request.spec ? { cron: request.spec.cron, timeZone: request.spec.timeZone } : { everyMs: request.spec.everyMs }),
    });
    return (await this.find(request.id))?.runAt ?? first;
  }

  private async put(id: JobIdentity, spec: string, now: Date, fields: Partial<JobDocument>): Promise<void> {
    const scope = this.collection.forHotel(id.hotelId);
    const _id = jobDocumentId(id);
    // A run recorded failed is history, not a pending schedule: scheduling the key again starts afresh.
    await scope.deleteOne({ _id, state: 'failed' });
    try {
      await scope.updateOne(
        { _id, spec: { $ne: spec } },
        {
          $set: { ...fields, spec, state: 'scheduled', attempt: 1, updatedAt: now },
          $setOnInsert: { owner: id.owner, name: id.name, key: id.key },
          $unset: { ...CLAIM_FIELDS, lastError: '', failedAt: '', ...unusedScheduleFields(fields) },
        },
        { upsert: true },
      );
    } catch (err) {
      // The filter missed only because this very schedule is stored: nothing to change.
      if (!(err instanceof DuplicateKeyError)) throw err;
    }
  }

  find(id: JobIdentity): Promise<StoredJob | null> {
    return this.collection.forHotel(id.hotelId).findOne({ _id: jobDocumentId(id) });
  }

  async remove(id: JobIdentity): Promise<boolean> {
    const { deletedCount } = await this.collection.forHotel(id.hotelId).deleteOne({ _id: jobDocumentId(id), state: { $ne: 'failed' } });
    return deletedCount > 0;
  }

  /**
   * A hotel's runs that may be taken, earliest first: waiting (due or not yet), or taken by an
   * instance whose lease lapsed. One query gives both what to take now and when to look next.
   */
  upcoming(hotelId: string, now: Date, limit: number): Promise<StoredJob[]> {
    return this.collection.forHotel(hotelId).find(takeableFilter(now), { sort: { runAt: 1 }, limit });
  }

  /** Takes a run if it is still free; null when another instance was first (or it changed meanwhile). */
  claim(job: StoredJob, now: Date, leaseMs: number): Promise<StoredJob | null> {
    return this.collection.forHotel(job.hotelId).findOneAndUpdate(
      { _id: job._id, ...dueFilter(now) },
      {
        $set: {
          state: 'running',
          claimToken: randomUUID(),
          claimedBy: this.instanceId,
          leaseUntil: new Date(now.getTime() + leaseMs),
          updatedAt: now,
        },
      },
      { returnDocument: 'after' },
    );
  }

  /** False when the run is no longer ours (replaced, cancelled, or re-taken after our lease lapsed). */
  async extendLease(job: StoredJob, now: Date, leaseMs: number): Promise<boolean> {
    const { matchedCount } = await this.collection
      .forHotel(job.hotelId)
      .updateOne({ _id: job._id, claimToken: job.claimToken }, { $set: { leaseUntil: new Date(now.getTime() + leaseMs) } });
    return matchedCount > 0;
  }

  /** A run that completed or was skipped: a one-off is gone, a repeat moves to its next slot. */
  async finish(job: StoredJob, now: Date, failure?: string): Promise<void> {
    const scope = this.collection.forHotel(job.hotelId);
    const mine = { _id: job._id, claimToken: job.claimToken };
    if (job.kind === 'once') {
      if (failure === undefined) await scope.deleteOne(mine);
      else
        await scope.updateOne(mine, { $set: { state: 'failed', failedAt: now, lastError: failure, updatedAt: now }, $unset: CLAIM_FIELDS });
      return;
    }
    const next = nextSlot(job, now);
    await scope.updateOne(mine, {
      $set: {
        state: 'scheduled',
        runAt: next,
        scheduledFor: next,
        attempt: 1,
        lastRunAt: now,
        updatedAt: now,
        ...(failure === undefined ? {} : { lastError: failure, failedAt: now }),
      },
      $unset: CLAIM_FIELDS,
    });
  }

  /** A failed attempt with attempts left: free again at `retryAt`, same slot, next attempt. */
  async retry(job: StoredJob, now: Date, retryAt: Date, error: string): Promise<void> {
    await this.collection
      .forHotel(job.hotelId)
      .updateOne(
        { _id: job._id, claimToken: job.claimToken },
        { $set: { state: 'scheduled', runAt: retryAt, attempt: job.attempt + 1, lastError: error, updatedAt: now }, $unset: CLAIM_FIELDS },
      );
  }
}

/** A schedule that changed kind (interval to cron, one-off to repeat) drops the fields of the old one. */
function unusedScheduleFields(fields: Partial<JobDocument>): Record<string, ''> {
  const unused: Record<string, ''> = {};
  if (fields.cron === undefined) Object.assign(unused, { cron: '', timeZone: '' });
  if (fields.everyMs === undefined) unused.everyMs = '';
  return unused;
}

function takeableFilter(now: Date) {
  return { $or: [{ state: 'scheduled' as const }, { state: 'running' as const, leaseUntil: { $lte: now } }] };
}

function dueFilter(now: Date) {
  return { runAt: { $lte: now }, ...takeableFilter(now) };
}

/** A cron repeat starts at its next slot; an interval repeat right away (as BullMQ's `every` does). */
function firstRun(spec: RepeatSpec, now: Date): Date {
  return 'cron' in spec ? nextCronRun(spec.cron, spec.timeZone, now) : now;
}

/**
 * The slot after a run: the next cron time after now, or the next multiple of the interval
 * after now counted from the run's slot — missed slots (the bot was down) are not piled up.
 */
function nextSlot(job: StoredJob, now: Date): Date {
  if (job.cron !== undefined && job.cron !== null) return nextCronRun(job.cron, job.timeZone ?? 'UTC', now);
  const every = job.everyMs ?? 60_000;
  const from = job.scheduledFor.getTime();
  const steps = Math.floor(Math.max(0, now.getTime() - from) / every) + 1;
  return new Date(from + steps * every);
}
