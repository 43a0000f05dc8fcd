import type { Model, Types, UpdateQuery } from 'mongoose';
import type { WriteGuards } from './write-guards';

/**
 * How the store makes "update this document only if it is still as I saw it" atomic:
 * - `atomic`: the server does it (MongoDB's `findOneAndUpdate` is atomic per document). One round trip.
 * - `guarded`: the server does not (FerretDB v1), so a {@link WriteGuards} token per revision
 *   decides the one writer allowed to write it. A read, a token insert and the update.
 */
export type UpdateMode = 'atomic' | 'guarded';

/** Gives up after this many lost races in a row (each loss means another writer progressed). */
const MAX_GUARD_ROUNDS = 10;

interface Revisioned {
  _id: Types.ObjectId;
}

/**
 * Applies `update` to the single document matching `filter` if it still matches when written,
 * and returns the document as written, or null when nothing matched. `revField` is a number
 * every write increments (`version` of conversations, `rev` of message-log rows); it is
 * incremented here unless `update` already does. `filter.hotelId` scopes the guard tokens,
 * so one hotel can never take another's.
 */
export async function conditionalUpdate<T extends Revisioned>(
  mode: UpdateMode,
  guards: WriteGuards,
  model: Model<T>,
  filter: Record<string, unknown> & { hotelId: string },
  update: UpdateQuery<T>,
  revField: 'version' | 'rev',
  now: Date,
): Promise<T | null> {
  const write = bumpRevision(update, revField);
  if (mode === 'atomic') return model.findOneAndUpdate(filter, write, { returnDocument: 'after' }).lean<T>();

  // Pinned to one revision already (a save knows the version it loaded): no read needed.
  const pinned = filter._id !== undefined && typeof filter[revField] === 'number';
  for (let round = 0; round < MAX_GUARD_ROUNDS; round++) {
    const current = pinned ? (filter as unknown as { _id: Types.ObjectId }) : await model.findOne(filter).lean<T>();
    if (!current) return null;
    const rev = (pinned ? filter[revField] : (current as Record<string, unknown>)[revField]) as number;
    const token = `${model.collection.collectionName}:${filter.hotelId}:${current._id.toString()}:${rev}`;
    if (!(await guards.take(token, now))) {
      if (pinned) return null; // someone else wrote that version: the caller's view is stale
      continue; // someone else wrote this row: look again, it may no longer match
    }
    try {
      return await model.findOneAndUpdate({ ...filter, _id: current._id, [revField]: rev }, write, { returnDocument: 'after' }).lean<T>();
    } catch (err) {
      await guards.release(token).catch(() => undefined);
      throw err;
    }
  }
  throw new Error(`conditional update of ${model.collection.collectionName} lost ${MAX_GUARD_ROUNDS} races in a row`);
}

function bumpRevision<T>(update: UpdateQuery<T>, revField: string): UpdateQuery<T> {
  const inc = (update.$inc ?? {}) as Record<string, number>;
  if (revField in inc) return update;
  return { ...update, $inc: { ...inc, [revField]: 1 } } as UpdateQuery<T>;
}
