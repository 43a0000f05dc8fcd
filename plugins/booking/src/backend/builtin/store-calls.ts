import { isUnavailableError, StoreUnavailableError } from '@hotello/core';
import { BackendUnavailableError } from '../booking-backend';

/** The database cannot be reached right now (core's driver check), or the store already said so. */
export function isUnreachableError(err: unknown): boolean {
  return err instanceof StoreUnavailableError || isUnavailableError(err);
}

/**
 * Runs one storage call and turns "unreachable" into {@link BackendUnavailableError}, so the
 * booking service can tell the guest to try later. A write's outcome is then unknown
 * (`outcomeUnknown`): every write of the built-in backend is safe to repeat or is finished
 * later by `recover`. The deadline is the store's own (`store.operationTimeoutMs`), so a server
 * that accepts connections but never answers cannot hang a guest's turn.
 */
export async function storeCall<T>(operation: string, kind: 'read' | 'write', run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isUnreachableError(err)) {
      throw new BackendUnavailableError(`booking database unreachable (${operation}): ${(err as Error).message}`, kind === 'write', err);
    }
    throw err;
  }
}
