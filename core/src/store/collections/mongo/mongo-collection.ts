import type { Model } from 'mongoose';
import type { CollectionDriver, Doc, DriverFindOptions, DriverUpdateResult } from '../collection-driver';
import { DuplicateKeyError } from '../errors';
import { asStoreValidationError, castNewDocument } from '../schema-documents';
import { upsertDocument } from '../upsert-document';
import { isDuplicateKeyError } from './duplicate-key';

/** How the MongoDB store runs an operation: open check, deadline, "unreachable" errors as `StoreUnavailableError`. */
export type RunOperation = <T>(operation: string, fn: () => Promise<T>) => Promise<T>;

/**
 * A plugin collection on MongoDB: a mongoose model on the store's connection. Updates run with
 * `runValidators` and inserts are validated by the same code as in memory; E11000 (and
 * FerretDB's variant) becomes {@link DuplicateKeyError}. Only what FerretDB v1 also does is
 * used: no projection in `findOneAndUpdate`, no transactions, no aggregation.
 */
export class MongoCollectionDriver implements CollectionDriver {
  private indexed?: Promise<void>;

  constructor(
    private readonly collection: string,
    private readonly model: Model<unknown>,
    private readonly run: RunOperation,
  ) {}

  async insertMany(docs: readonly Doc[]): Promise<Doc[]> {
    const where = `${this.collection}.insert`;
    const cast = await Promise.all(docs.map((doc, i) => castNewDocument(this.model, doc, `${where}[${i}]`)));
    // Cast and validated above; `lean` sends them as they are, in order, stopping at a duplicate.
    await this.call('insert', () => this.model.insertMany(cast, { ordered: true, lean: true }));
    return cast;
  }

  find(filter: Doc, options: DriverFindOptions): Promise<Doc[]> {
    return this.call('find', () =>
      this.model
        .find(filter, options.projection ?? null, { sort: options.sort, skip: options.skip, limit: options.limit })
        .lean<Doc[]>()
        .exec(),
    );
  }

  countDocuments(filter: Doc): Promise<number> {
    return this.call('countDocuments', () => this.model.countDocuments(filter).exec());
  }

  async updateOne(filter: Doc, update: Doc, upsert: boolean): Promise<DriverUpdateResult> {
    if (upsert) await this.checkUpsert(filter, update, 'updateOne');
    return this.call('updateOne', async () => result(await this.model.updateOne(filter, update, { upsert, runValidators: true })));
  }

  async updateMany(filter: Doc, update: Doc, upsert: boolean): Promise<DriverUpdateResult> {
    if (upsert) await this.checkUpsert(filter, update, 'updateMany');
    return this.call('updateMany', async () => result(await this.model.updateMany(filter, update, { upsert, runValidators: true })));
  }

  async findOneAndUpdate(filter: Doc, update: Doc, options: { upsert: boolean; returnDocument: 'before' | 'after' }): Promise<Doc | null> {
    if (options.upsert) await this.checkUpsert(filter, update, 'findOneAndUpdate');
    return this.call('findOneAndUpdate', () =>
      this.model
        .findOneAndUpdate(filter, update, { upsert: options.upsert, returnDocument: options.returnDocument, runValidators: true })
        .lean<Doc>()
        .exec(),
    );
  }

  deleteOne(filter: Doc): Promise<number> {
    return this.call('deleteOne', async () => (await this.model.deleteOne(filter)).deletedCount);
  }

  deleteMany(filter: Doc): Promise<number> {
    return this.call('deleteMany', async () => (await this.model.deleteMany(filter)).deletedCount);
  }

  /** Refuses an upsert whose document would not be valid as an insert, as the memory store does. */
  private async checkUpsert(filter: Doc, update: Doc, operation: string): Promise<void> {
    const where = `${this.collection}.${operation}`;
    try {
      await upsertDocument(this.model, filter, update as Record<string, Record<string, unknown>>, where);
    } catch (err) {
      throw asStoreValidationError(err, where);
    }
  }

  /**
   * Builds the collection's indexes before its first operation (once; again after a failure),
   * so a unique index holds from the first write even when the collection is declared while
   * the store is already open.
   */
  private ensureIndexes(): Promise<void> {
    this.indexed ??= this.model.createIndexes().then(
      () => undefined,
      (err: unknown) => {
        this.indexed = undefined;
        throw err;
      },
    );
    return this.indexed;
  }

  private async call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    const where = `${this.collection}.${operation}`;
    try {
      return await this.run(where, async () => {
        await this.ensureIndexes();
        return fn();
      });
    } catch (err) {
      if (isDuplicateKeyError(err)) throw new DuplicateKeyError(this.collection, err);
      throw asStoreValidationError(err, where);
    }
  }
}

function result(raw: { matchedCount: number; modifiedCount: number; upsertedId?: unknown; upsertedCount?: number }): DriverUpdateResult {
  const upserted = raw.upsertedId !== undefined && raw.upsertedId !== null;
  return { matchedCount: raw.matchedCount, modifiedCount: raw.modifiedCount, ...(upserted ? { upsertedId: raw.upsertedId } : {}) };
}
