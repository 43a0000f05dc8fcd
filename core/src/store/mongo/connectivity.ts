/**
 * Driver errors that mean "the database cannot be reached right now", as opposed to "the
 * database refused this operation". Matched by name rather than `instanceof` because an
 * application can end up with two copies of the driver, and mongoose wraps some of them.
 */
const UNAVAILABLE_ERROR_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'PoolClearedError',
  'PoolClearedOnNetworkError',
  'MongoServerClosedError',
  'MongoWaitQueueTimeoutError',
  'MongoOperationTimeoutError',
]);

/** Server replies that say it is going away or not (yet) able to serve: shutdown, stepdown. */
const UNAVAILABLE_SERVER_CODES = new Set([6, 7, 89, 91, 189, 9001, 10107, 11600, 11602, 13435, 13436]);

export function isUnavailableError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (UNAVAILABLE_ERROR_NAMES.has(e.name)) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'number' && UNAVAILABLE_SERVER_CODES.has(code)) return true;
    const labelled = e as unknown as { hasErrorLabel?: (label: string) => boolean };
    if (typeof labelled.hasErrorLabel === 'function' && labelled.hasErrorLabel('ResetPool')) return true;
  }
  return false;
}

/** A connection string fit for logs and error messages: credentials removed. */
export function redactUri(uri: string): string {
  return uri.replace(/^(mongodb(?:\+srv)?:\/\/)[^@/]*@/, '$1***@');
}

/** The database named in a connection string, if any (`mongodb://host/db?opts` → `db`). */
export function databaseInUri(uri: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]*)/.exec(uri);
  const name = match?.[1] ? decodeURIComponent(match[1]) : '';
  return name === '' ? undefined : name;
}
