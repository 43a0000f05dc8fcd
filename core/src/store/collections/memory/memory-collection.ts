import { Query } from 'mingo';
import type { Model } from 'mongoose';
import { StoreUnavailableError } from '../../conversation-store';
import { isPlainObject } from '../../validate-input';
import type { CollectionIndex } from '../collection-types';
import type { CollectionDriver, Doc, DriverFindOptions, DriverUpdateResult } from '../collection-driver';
import { DuplicateKeyError } from '../errors';
import { asStoreValidationError, castNewDocument, plainDocument } from '../schema-documents';
import { applyUpdate } from '../apply-update';
import { copyDocument } from '../copy-document';
import { Serial } from './serial';
import { UniqueKeys } from './unique-keys';
import { upsertDocument } from '../upsert-document';
import { valueKey } from './value-key';

/** `$where` and friends are refused before they get here; this keeps mingo from running code regardless. */
const MINGO_OPTIONS = { scriptEnabled: false };

interface Entry {
  doc: Doc;
}

/** One collection's documents, per hotel in insertion order (MongoDB's natural order), and its unique keys. */
export class MemoryCollectionData {
  readonly byHotel = new Map<string, Entry[]>();
  readonly keys: UniqueKeys;
  readonly serial = new Serial();

  constructor(indexes: readonly CollectionIndex[]) {
    this.keys = new UniqueKeys(indexes);
  }
}

type CheckedUpdate = Record<string, Record<string, unknown>>;

/**
 * A plugin collection in process memory, meaning what the MongoDB one means: mingo evaluates
 * filters, projections, sorts and update operators; mongoose (a model compiled on a connection
 * that never opens) casts filters and documents and runs the schema's validators; unique
 * indexes are kept by {@link UniqueKeys}. Operations run one at a time per collection, so each
 * is atomic, and everything going in or out is a copy.
 */
export class MemoryCollectionDriver implements CollectionDriver {
  constructor(
    private readonly collection: string,
    private readonly model: Model<unknown>,
    private readonly data: MemoryCollectionData,
    private readonly isOpen: () => boolean,
  ) {}

  insertMany(docs: readonly Doc[]): Promise<Doc[]> {
    return this.exclusive('insert', async () => {
      const where = `${this.collection}.insert`;
      // Every document is validated before the first is stored, as mongoose's insertMany does.
      const cast = await Promise.all(docs.map((doc, i) => castNewDocument(this.model, doc, `${where}[${i}]`)));
      for (const doc of cast) this.add(doc);
      return cast.map(copyDocument);
    });
  }

  find(filter: Doc, options: DriverFindOptions): Promise<Doc[]> {
    return this.exclusive('find', async () => {
      let cursor = this.query(filter).find<Doc>(this.entries(filter).map((e) => e.doc));
      if (options.sort) cursor = cursor.sort(options.sort);
      if (options.skip) cursor = cursor.skip(options.skip);
      if (options.limit) cursor = cursor.limit(options.limit);
      const found = cursor.all();
      // Projected after sorting, as MongoDB does, so a sort may use a field the projection drops.
      const projected = options.projection ? new Query({}, MINGO_OPTIONS).find<Doc>(found, options.projection).all() : found;
      return projected.map(copyDocument);
    });
  }

  countDocuments(filter: Doc): Promise<number> {
    return this.exclusive('countDocuments', async () => this.matching(filter, true).length);
  }

  updateOne(filter: Doc, update: Doc, upsert: boolean): Promise<DriverUpdateResult> {
    return this.exclusive('updateOne', () => this.update(filter, update as CheckedUpdate, upsert, false));
  }

  updateMany(filter: Doc, update: Doc, upsert: boolean): Promise<DriverUpdateResult> {
    return this.exclusive('updateMany', () => this.update(filter, update as CheckedUpdate, upsert, true));
  }

  findOneAndUpdate(filter: Doc, update: Doc, options: { upsert: boolean; returnDocument: 'before' | 'after' }): Promise<Doc | null> {
    return this.exclusive('findOneAndUpdate', async () => {
      const [entry] = this.matching(filter, false);
      if (!entry) {
        if (!options.upsert) return null;
        const inserted = await this.upsertInsert(filter, update as CheckedUpdate);
        return options.returnDocument === 'after' ? copyDocument(inserted) : null;
      }
      const before = entry.doc;
      await this.rewrite(entry, update as CheckedUpdate);
      return copyDocument(options.returnDocument === 'after' ? entry.doc : before);
    });
  }

  deleteOne(filter: Doc): Promise<number> {
    return this.exclusive('deleteOne', async () => this.remove(this.matching(filter, false)));
  }

  deleteMany(filter: Doc): Promise<number> {
    return this.exclusive('deleteMany', async () => this.remove(this.matching(filter, true)));
  }

  // Internals -------------------------------------------------------------------

  private async update(filter: Doc, update: CheckedUpdate, upsert: boolean, many: boolean): Promise<DriverUpdateResult> {
    const matched = this.matching(filter, many);
    if (matched.length === 0) {
      if (!upsert) return { matchedCount: 0, modifiedCount: 0 };
      const inserted = await this.upsertInsert(filter, update);
      return { matchedCount: 0, modifiedCount: 0, upsertedId: inserted._id };
    }
    let modifiedCount = 0;
    // One document after the other, like MongoDB's updateMany: a duplicate key stops it there.
    for (const entry of matched) if (await this.rewrite(entry, update)) modifiedCount += 1;
    return { matchedCount: matched.length, modifiedCount };
  }

  /** Applies an update to one stored document; false when it changed nothing. */
  private async rewrite(entry: Entry, update: CheckedUpdate): Promise<boolean> {
    const applied = applyUpdate(entry.doc, this.castOperands(update), false);
    const next = await this.validated(applied.doc, applied.validate);
    if (valueKey(next) === valueKey(entry.doc)) return false;
    if (this.data.keys.conflicts(next, entry)) throw new DuplicateKeyError(this.collection);
    this.data.keys.remove(entry.doc, entry);
    this.data.keys.add(next, entry);
    entry.doc = next;
    return true;
  }

  private async upsertInsert(filter: Doc, update: CheckedUpdate): Promise<Doc> {
    const doc = await upsertDocument(this.model, filter, this.castOperands(update), `${this.collection}.upsert`);
    this.add(doc);
    return doc;
  }

  /**
   * The updated document cast by the schema and validated where MongoDB's `runValidators`
   * looks: the paths the update writes (so a counter moved by `$inc` is bounded through the
   * filter on both stores, not by a `max` validator on one of them).
   */
  private async validated(doc: Doc, paths: string[]): Promise<Doc> {
    const built = new this.model(doc, null, { defaults: false });
    if (paths.length > 0) await built.validate(paths);
    return plainDocument(built);
  }

  /**
   * Casts the operands whose meaning depends on comparing values (`$pull`, `$pullAll`,
   * `$addToSet`), the way mongoose casts them for MongoDB (`"5"` pulls `5` from a number
   * array). Other operands are cast with the whole document afterwards.
   */
  private castOperands(update: CheckedUpdate): CheckedUpdate {
    const out: CheckedUpdate = { ...update };
    for (const op of ['$pull', '$pullAll', '$addToSet'] as const) {
      if (!update[op]) continue;
      out[op] = Object.fromEntries(Object.entries(update[op]).map(([path, arg]) => [path, this.castOperand(op, path, arg)]));
    }
    return out;
  }

  private castOperand(op: string, path: string, arg: unknown): unknown {
    const castList = (items: unknown[]) => (this.castFilter({ [path]: { $in: items } })[path] as { $in: unknown[] }).$in;
    if (op === '$pullAll') return castList(arg as unknown[]);
    if (isPlainObject(arg) && Array.isArray(arg.$each)) return { $each: castList(arg.$each) };
    return this.castFilter({ [path]: arg })[path];
  }

  private add(doc: Doc): void {
    const entry: Entry = { doc };
    if (this.data.keys.conflicts(doc, entry)) throw new DuplicateKeyError(this.collection);
    this.data.keys.add(doc, entry);
    const hotelId = doc.hotelId as string;
    const list = this.data.byHotel.get(hotelId) ?? [];
    list.push(entry);
    this.data.byHotel.set(hotelId, list);
  }

  private remove(entries: readonly Entry[]): number {
    for (const entry of entries) {
      this.data.keys.remove(entry.doc, entry);
      const list = this.data.byHotel.get(entry.doc.hotelId as string) ?? [];
      list.splice(list.indexOf(entry), 1);
    }
    return entries.length;
  }

  /** Filters always carry the hotel (the scoped layer adds it), so only that hotel's documents are looked at. */
  private entries(filter: Doc): Entry[] {
    return this.data.byHotel.get(filter.hotelId as string) ?? [];
  }

  private matching(filter: Doc, all: boolean): Entry[] {
    const query = this.query(filter);
    const entries = this.entries(filter);
    if (all) return entries.filter((e) => query.test(e.doc));
    const first = entries.find((e) => query.test(e.doc));
    return first ? [first] : [];
  }

  private query(filter: Doc): Query<Doc> {
    return new Query<Doc>(this.castFilter(filter), MINGO_OPTIONS);
  }

  /** The filter cast by the schema, as mongoose casts it before sending it to MongoDB. */
  private castFilter(filter: Doc): Doc {
    return this.model.find(filter).cast() as Doc;
  }

  private exclusive<T>(operation: string, task: () => Promise<T>): Promise<T> {
    const where = `${this.collection}.${operation}`;
    if (!this.isOpen()) return Promise.reject(new StoreUnavailableError(`conversation store is not open (${where})`));
    return this.data.serial.run(async () => {
      try {
        return await task();
      } catch (err) {
        throw asStoreValidationError(err, where);
      }
    });
  }
}
