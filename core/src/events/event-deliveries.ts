import { Schema } from 'mongoose';
import type { PluginCollection, PluginStorage, Stored } from '../store/collections/collection-types';
import { DuplicateKeyError } from '../store/collections/errors';

/**
 * Where a delivery stands: written ahead of a plugin's write and not yet in force (`staged`),
 * waiting (new or retrying), done, parked for operators, or not needed any more.
 */
export type DeliveryState = 'staged' | 'pending' | 'delivered' | 'dead' | 'skipped';

/**
 * One event for one listener. An event with three listeners is three rows, so each listener
 * retries, fails and is replayed on its own, and a slow listener never holds back another.
 */
export interface EventDelivery {
  /** `<hotel>|<event id>|<listener>`: one row per event and listener, whoever inserts it. */
  _id: string;
  /** The event's stable id: the same for every listener and every retry. */
  eventId: string;
  event: string;
  payload: unknown;
  /** The listener's stable id, `<plugin>/<event>` (see `EventBus.on`). */
  listener: string;
  plugin: string;
  /** Deliveries with the same key reach a listener in `seq` order (a conversation's events). */
  orderKey: string;
  /** Sortable position: when the event was emitted, then its place among events emitted together. */
  seq: string;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: Date;
  /** A claimer holds the row until then; a claimer that died lets it go when it passes. */
  leaseUntil: Date;
  emittedAt: Date;
  settledAt?: Date;
  lastError?: string;
  /** For a staged row: the collection whose write decides whether the event happened. */
  stagedFor?: string;
}

export type StoredDelivery = Stored<EventDelivery>;

const required = <T>(type: T) => ({ type, required: true });

const schema = new Schema({
  _id: required(String),
  eventId: required(String),
  event: required(String),
  // Mixed keeps Dates as Dates on MongoDB; the memory store copies them as they are.
  payload: { type: Schema.Types.Mixed },
  listener: required(String),
  plugin: required(String),
  orderKey: required(String),
  seq: required(String),
  state: { type: String, required: true, enum: ['staged', 'pending', 'delivered', 'dead', 'skipped'] },
  attempts: { type: Number, default: 0 },
  nextAttemptAt: required(Date),
  leaseUntil: required(Date),
  emittedAt: required(Date),
  settledAt: Date,
  lastError: String,
  stagedFor: String,
});

/** The fields a promoted row starts with when it has to be inserted again (rows read back also carry `hotelId`, set by core). */
function withoutStaging(
  row: Omit<EventDelivery, '_id'> & { hotelId?: string },
): Omit<EventDelivery, '_id' | 'state' | 'nextAttemptAt' | 'stagedFor'> {
  const { state: _state, nextAttemptAt: _next, stagedFor: _for, hotelId: _hotel, ...rest } = row;
  return rest;
}

/** The id of an event's row for one listener. */
export function deliveryId(hotelId: string, eventId: string, listener: string): string {
  return `${hotelId}|${eventId}|${listener}`;
}

/** A time before any lease: an unclaimed row. */
export const NO_LEASE = new Date(0);

/**
 * The delivery rows, in a core collection (`core_eventDeliveries`), the same code on the
 * memory and the MongoDB store. Every change of state is one conditional write, so two
 * instances never both deliver one row and a claimer that lost its lease cannot settle it.
 */
export class EventDeliveries {
  private readonly rows: PluginCollection<EventDelivery>;

  constructor(storage: PluginStorage) {
    this.rows = storage.define<EventDelivery>('eventDeliveries', schema, {
      indexes: [{ fields: { eventId: 1 } }, { fields: { state: 1, seq: 1 } }, { fields: { state: 1, settledAt: 1 } }],
    });
  }

  /** Adds rows, once each: a row already there (the same event emitted again) is left as it is. */
  async add(hotelId: string, rows: readonly EventDelivery[]): Promise<void> {
    if (rows.length === 0) return;
    const hotel = this.rows.forHotel(hotelId);
    try {
      await hotel.insertMany(rows);
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err;
      // A re-emitted event: insert whichever rows are still missing, one by one.
      for (const { _id, ...rest } of rows) await hotel.updateOne({ _id }, { $setOnInsert: rest }, { upsert: true });
    }
  }

  /**
   * Puts staged rows in force once the write they wait for happened (one conditional write each).
   * A row no longer staged is left alone: already in force, delivered, or taken back by a sweep
   * that judged the write lost — then it is added again, since the write did happen.
   */
  async promote(hotelId: string, rows: readonly EventDelivery[], now: Date): Promise<void> {
    const hotel = this.rows.forHotel(hotelId);
    for (const { _id, ...row } of rows) {
      try {
        await hotel.updateOne(
          { _id, state: 'staged' },
          { $set: { state: 'pending', nextAttemptAt: now }, $unset: { stagedFor: '' }, $setOnInsert: { ...withoutStaging(row) } },
          { upsert: true },
        );
      } catch (err) {
        // The row exists and is past staging: nothing to do.
        if (!(err instanceof DuplicateKeyError)) throw err;
      }
    }
  }

  /** Staged rows older than `before`: their writer died, or the write never happened. */
  staleStaged(hotelId: string, before: Date, limit: number): Promise<StoredDelivery[]> {
    return this.rows.forHotel(hotelId).find({ state: 'staged', emittedAt: { $lt: before } }, { sort: { emittedAt: 1 }, limit });
  }

  /** Takes back staged rows of events whose write did not happen. */
  async dropStaged(hotelId: string, eventIds: readonly string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.rows.forHotel(hotelId).deleteMany({ state: 'staged', eventId: { $in: [...eventIds] } });
  }

  /** Pending rows in delivery order, due or not (a row not yet due still holds back its key). */
  pending(hotelId: string, limit: number): Promise<StoredDelivery[]> {
    return this.rows.forHotel(hotelId).find({ state: 'pending' }, { sort: { seq: 1, eventId: 1, listener: 1 }, limit });
  }

  /** Takes a due row for `leaseMs`; null when another claimer has it or it was settled meanwhile. */
  claim(hotelId: string, row: StoredDelivery, now: Date, leaseMs: number): Promise<StoredDelivery | null> {
    return this.rows
      .forHotel(hotelId)
      .findOneAndUpdate(
        { _id: row._id, state: 'pending', leaseUntil: { $lte: now }, nextAttemptAt: { $lte: now } },
        { $set: { leaseUntil: new Date(now.getTime() + leaseMs) }, $inc: { attempts: 1 } },
      );
  }

  /** Settles a claimed row, unless its lease went to someone else meanwhile. */
  async settle(hotelId: string, row: StoredDelivery, state: 'delivered' | 'skipped' | 'dead', now: Date, error?: string): Promise<boolean> {
    const { modifiedCount } = await this.rows
      .forHotel(hotelId)
      .updateOne(
        { _id: row._id, state: 'pending', leaseUntil: row.leaseUntil },
        { $set: { state, settledAt: now, leaseUntil: NO_LEASE, ...(error !== undefined ? { lastError: error } : {}) } },
      );
    return modifiedCount === 1;
  }

  /** A failed attempt of a claimed row: free it, due again at `nextAttemptAt`. */
  async retryLater(hotelId: string, row: StoredDelivery, nextAttemptAt: Date, error: string): Promise<void> {
    await this.rows
      .forHotel(hotelId)
      .updateOne(
        { _id: row._id, state: 'pending', leaseUntil: row.leaseUntil },
        { $set: { nextAttemptAt, leaseUntil: NO_LEASE, lastError: error } },
      );
  }

  /** Parked rows, newest first. */
  dead(hotelId: string, limit: number): Promise<StoredDelivery[]> {
    return this.rows.forHotel(hotelId).find({ state: 'dead' }, { sort: { settledAt: -1 }, limit });
  }

  /** Puts parked rows back in the queue with fresh attempts: one (by row id) or all. Returns how many. */
  async replay(hotelId: string, now: Date, rowId?: string): Promise<number> {
    const filter = rowId === undefined ? { state: 'dead' as const } : { state: 'dead' as const, _id: rowId };
    const { modifiedCount } = await this.rows
      .forHotel(hotelId)
      .updateMany(filter, { $set: { state: 'pending', attempts: 0, nextAttemptAt: now, leaseUntil: NO_LEASE }, $unset: { settledAt: '' } });
    return modifiedCount;
  }

  /**
   * Forgets delivered and skipped rows settled before `before`. They are kept a while so an event
   * emitted again soon after (a retried turn, a provider's repeated callback) is recognised and
   * not delivered twice.
   */
  async prune(hotelId: string, before: Date): Promise<number> {
    const { deletedCount } = await this.rows
      .forHotel(hotelId)
      .deleteMany({ state: { $in: ['delivered', 'skipped'] }, settledAt: { $lt: before } });
    return deletedCount;
  }

  /** For tests and operators: every row of an event. */
  ofEvent(hotelId: string, eventId: string): Promise<StoredDelivery[]> {
    return this.rows.forHotel(hotelId).find({ eventId }, { sort: { listener: 1 } });
  }
}
