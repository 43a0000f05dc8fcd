import type { AnyKeys, AnyObject, QueryFilter, Schema, Types } from 'mongoose';
import type { WriteEvent } from '../../events/write-events';

/** One index of a plugin collection. Core puts `hotelId` in front, so `unique` means "unique per hotel". */
export interface CollectionIndex {
  /** Field paths in index order, `1` ascending, `-1` descending (`{ guest: 1, checkIn: -1 }`). */
  readonly fields: Readonly<Record<string, 1 | -1>>;
  readonly unique?: boolean;
}

export interface CollectionOptions {
  readonly indexes?: readonly CollectionIndex[];
}

/** The `_id` of a stored document: an ObjectId unless the schema declares its own. */
type IdOf<T> = T extends { _id: infer I } ? I : Types.ObjectId;

/** A document as stored and returned: the plugin's fields, its `_id` and the `hotelId` core added. */
export type Stored<T> = Omit<T, '_id' | 'hotelId'> & { _id: IdOf<T>; hotelId: string };

/** What an insert takes: `hotelId` may be left out (core sets it) and must be the scope's when given. */
export type NewDocument<T> = Omit<T, '_id' | 'hotelId'> & { _id?: IdOf<T>; hotelId?: string };

/**
 * A MongoDB filter over the stored fields. Naming `hotelId` is refused at run time (core sets
 * it); `$elemMatch` takes operators on the items only (FerretDB v1 has no other form).
 */
export type Filter<T> = QueryFilter<Stored<T>>;

type Fields<T> = AnyKeys<Stored<T>> & AnyObject;

/**
 * The update operators both stores give the same meaning. Paths may be dotted (`'stay.nights'`);
 * `hotelId` and (outside `$setOnInsert`) `_id` may not be written; `$push`/`$addToSet` take a
 * value or `{ $each: [...] }` (no `$slice`/`$sort`/`$position`: FerretDB v1 ignores `$slice`).
 */
export interface Update<T> {
  $set?: Fields<T>;
  /** Applied only when an upsert inserts. */
  $setOnInsert?: Fields<T>;
  $unset?: Record<string, '' | 1 | true>;
  $inc?: Record<string, number>;
  $push?: Fields<T>;
  $addToSet?: Fields<T>;
  /**
   * Removes array items equal to a plain value (a string, number, Date…). Not conditions nor
   * sub-documents: FerretDB v1 ignores the first and matches the second differently.
   */
  $pull?: Fields<T>;
  /** Removes every item equal to one of the values. */
  $pullAll?: Record<string, readonly unknown[]>;
}

/** `1` keeps a field, `0` drops it; no mixing, except `_id: 0` beside inclusions. */
export type Projection = Readonly<Record<string, 0 | 1 | boolean>>;
export type Sort = Readonly<Record<string, 1 | -1>>;

export interface FindOneOptions {
  readonly sort?: Sort;
  readonly skip?: number;
  readonly projection?: Projection;
}

export interface FindOptions extends FindOneOptions {
  /** At least 1; leave it out for every match. */
  readonly limit?: number;
}

export interface UpdateOptions {
  /** Insert when nothing matches: the filter's equality fields, `$setOnInsert`, then the other operators. */
  readonly upsert?: boolean;
}

/** What a single-document write may also do. */
export interface WriteOptions {
  /**
   * Events recorded with this write, without a transaction: delivered (at least once) exactly when
   * the write happened — an update whose filter matched nothing records none, and a crash between
   * the write and the delivery loses nothing. Build them with `writeEvent(name, payload, { id })`.
   */
  readonly events?: readonly WriteEvent[];
}

export interface FindOneAndUpdateOptions extends UpdateOptions {
  /** `after` (the default) returns the document as written; `before` as it was (null when an upsert inserted). */
  readonly returnDocument?: 'before' | 'after';
}

export interface UpdateResult<T> {
  /** Documents the filter matched (0 when an upsert inserted). */
  readonly matchedCount: number;
  /** Documents actually changed (an update that writes the values already there changes nothing). */
  readonly modifiedCount: number;
  /** The `_id` of the document an upsert inserted, if it did. */
  readonly upsertedId?: IdOf<T>;
}

/**
 * A plugin collection seen from one hotel. Core adds `hotelId` to every filter, insert and
 * upsert, so nothing here can read or change another hotel's documents. Inputs are checked
 * before they reach either store: unknown operators, `$where`, `$`-keys and prototype keys in
 * documents, and any filter or update naming `hotelId` are refused with `StoreValidationError`.
 */
export interface HotelCollection<T> {
  readonly hotelId: string;
  /** Validated by the schema; a unique index already holding the value → `DuplicateKeyError`. */
  insertOne(doc: NewDocument<T>, options?: WriteOptions): Promise<Stored<T>>;
  /** In order; all are validated first, and a duplicate stops the batch (earlier ones stay inserted). */
  insertMany(docs: readonly NewDocument<T>[]): Promise<Stored<T>[]>;
  findOne(filter?: Filter<T>, options?: FindOneOptions & { projection?: undefined }): Promise<Stored<T> | null>;
  findOne(filter: Filter<T>, options: FindOneOptions): Promise<Partial<Stored<T>> | null>;
  find(filter?: Filter<T>, options?: FindOptions & { projection?: undefined }): Promise<Stored<T>[]>;
  find(filter: Filter<T>, options: FindOptions): Promise<Partial<Stored<T>>[]>;
  countDocuments(filter?: Filter<T>): Promise<number>;
  /** Atomic for the one document it changes: the filter is the condition (`{ taken: { $lt: 3 } }`). */
  updateOne(filter: Filter<T>, update: Update<T>, options?: UpdateOptions & WriteOptions): Promise<UpdateResult<T>>;
  updateMany(filter: Filter<T>, update: Update<T>, options?: UpdateOptions): Promise<UpdateResult<T>>;
  findOneAndUpdate(filter: Filter<T>, update: Update<T>, options?: FindOneAndUpdateOptions & WriteOptions): Promise<Stored<T> | null>;
  deleteOne(filter: Filter<T>): Promise<{ deletedCount: number }>;
  deleteMany(filter: Filter<T>): Promise<{ deletedCount: number }>;
}

/** A collection a plugin declared; {@link forHotel} gives the only way to use it. */
export interface PluginCollection<T> {
  /** The stored name, `<plugin>_<name>`. */
  readonly name: string;
  forHotel(hotelId: string): HotelCollection<T>;
}

/** A plugin's storage: the collections it declares, the same on the memory and the MongoDB store. */
export interface PluginStorage {
  /**
   * Declares a collection (stored as `<plugin>_<name>`) with a mongoose schema for its fields
   * and validation. Indexes go in `options.indexes`, not in the schema, so core can lead each
   * with `hotelId`. Call it once per name, in `register`.
   */
  define<T extends object>(name: string, schema: Schema, options?: CollectionOptions): PluginCollection<T>;
}
