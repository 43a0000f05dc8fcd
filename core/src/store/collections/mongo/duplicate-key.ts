/**
 * Whether a driver error is a unique-index violation. MongoDB and mongo-java-server answer
 * code 11000 (also inside bulk write errors); FerretDB v1 does for inserts and upserts but
 * reports an update that runs into a unique index as code 1 with SQLite's "UNIQUE constraint
 * failed" (see test/services/README.md), so the message is checked too.
 */
export function isDuplicateKeyError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const { code, codeName, writeErrors } = e as { code?: unknown; codeName?: unknown; writeErrors?: unknown };
    if (code === 11000 || code === 11001 || codeName === 'DuplicateKey') return true;
    if (/E11000|UNIQUE constraint failed/.test(e.message)) return true;
    if (Array.isArray(writeErrors) && writeErrors.some((w: { code?: unknown }) => w?.code === 11000)) return true;
  }
  return false;
}
