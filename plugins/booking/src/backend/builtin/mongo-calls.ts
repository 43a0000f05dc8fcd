import { isUnavailableError, StoreUnavailableError } from '@hotello/core';
import { BackendUnavailableError } from '../booking-backend';

/** Lets the driver's own, more specific error win the race with our deadline. */
const DEADLINE_MARGIN_MS = 250;

/** The database cannot be reached right now (core's driver check), or the store already said so. */
export function isUnreachableError(err: unknown): boolean {
  return err instanceof StoreUnavailableError || isUnavailableError(err);
}

/**
 * A unique index refused the write. Code 11000 on MongoDB and on FerretDB inserts; FerretDB v1
 * reports a conflict on the update path as a generic error naming the SQLite constraint.
 */
export function isDuplicateKeyError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if ((e as { code?: unknown }).code === 11000) return true;
    if (/E11000|duplicate key|UNIQUE constraint failed/i.test(e.message)) return true;
    const writeErrors = (e as { writeErrors?: unknown }).writeErrors;
    if (Array.isArray(writeErrors) && writeErrors.length > 0 && writeErrors.every((w) => (w as { code?: unknown }).code === 11000))
      return true;
  }
  return false;
}

/**
 * Runs one database call with a deadline, so a server that accepts connections but never
 * answers cannot hang a guest's turn, and turns "unreachable" into
 * {@link BackendUnavailableError} (`outcomeUnknown` for writes: every write of the built-in
 * backend is safe to repeat or is finished later by `recover`).
 */
export function mongoCaller(timeoutMs: number) {
  return async function call<T>(operation: string, kind: 'read' | 'write', run: () => Promise<T>, limitMs = timeoutMs): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new BackendUnavailableError(`booking database did not answer ${operation} within ${limitMs} ms`, kind === 'write')),
        limitMs + DEADLINE_MARGIN_MS,
      );
    });
    try {
      return await Promise.race([run(), deadline]);
    } catch (err) {
      if (err instanceof BackendUnavailableError) throw err;
      if (isUnreachableError(err)) {
        throw new BackendUnavailableError(`booking database unreachable (${operation}): ${(err as Error).message}`, kind === 'write', err);
      }
      throw err;
    } finally {
      clearTimeout(timer);
    }
  };
}

export type MongoCall = ReturnType<typeof mongoCaller>;
