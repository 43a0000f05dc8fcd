import type { CollectionSpec } from './collection-spec';

export type Doc = Record<string, unknown>;

export interface DriverFindOptions {
  readonly sort?: Record<string, 1 | -1>;
  readonly skip?: number;
  readonly limit?: number;
  readonly projection?: Record<string, 0 | 1>;
}

export interface DriverUpdateResult {
  readonly matchedCount: number;
  readonly modifiedCount: number;
  readonly upsertedId?: unknown;
}

/**
 * What a store implements for one plugin collection. It receives input already checked and
 * scoped by {@link ScopedCollection}: every filter carries `hotelId`, every document has it.
 * Drivers only translate to their engine, validate with the schema and map errors to
 * `StoreValidationError` / `DuplicateKeyError`.
 */
export interface CollectionDriver {
  insertMany(docs: readonly Doc[]): Promise<Doc[]>;
  find(filter: Doc, options: DriverFindOptions): Promise<Doc[]>;
  countDocuments(filter: Doc): Promise<number>;
  updateOne(filter: Doc, update: Doc, upsert: boolean): Promise<DriverUpdateResult>;
  updateMany(filter: Doc, update: Doc, upsert: boolean): Promise<DriverUpdateResult>;
  findOneAndUpdate(filter: Doc, update: Doc, options: { upsert: boolean; returnDocument: 'before' | 'after' }): Promise<Doc | null>;
  deleteOne(filter: Doc): Promise<number>;
  deleteMany(filter: Doc): Promise<number>;
}

/** The part of a conversation store that keeps plugin collections. */
export interface CollectionHost {
  /**
   * The driver for a declared collection. Asking again for the same collection name on the
   * same store gives the same data (two plugin storages on one store see one collection).
   */
  driver(spec: CollectionSpec): CollectionDriver;
  /** Resolves when the indexes of every collection declared so far exist. */
  ready(): Promise<void>;
}
