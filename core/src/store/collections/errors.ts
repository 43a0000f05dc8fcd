/**
 * An insert or update would give two documents of one hotel the same value for a unique index
 * of a plugin collection. Raised the same way by both stores (MongoDB's E11000 and the memory
 * store's own check), so an idempotent insert can be written once: insert, and treat this
 * error as "someone already did".
 */
export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    cause?: unknown,
  ) {
    super(`${collection}: a document with the same unique key already exists`, { cause });
    this.name = 'DuplicateKeyError';
  }
}
