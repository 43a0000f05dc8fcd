import type {
  Filter,
  FindOneAndUpdateOptions,
  FindOneOptions,
  FindOptions,
  HotelCollection,
  NewDocument,
  Stored,
  Update,
  UpdateOptions,
  UpdateResult,
  WriteOptions,
} from './collection-types';
import type { CollectionDriver, Doc, DriverFindOptions } from './collection-driver';
import { checkCount, checkDocument, checkFilter, checkProjection, checkSort, checkUpdate } from './check-input';
import { scopedDocument, scopedFilter } from './hotel-scope';
import { StoreValidationError } from '../conversation-store';
import { EVENT_MARKER, type MarkedCollection, type StagedEvents, type WriteEvent, type WriteEvents } from '../../events/write-events';

function refuseMarker(doc: Doc, where: string): void {
  if (EVENT_MARKER in doc) throw new StoreValidationError(`${where}: ${EVENT_MARKER} is kept by core`);
}

/** Adds the marker to an update (`$addToSet` with `$each`), refusing one that touches it itself. */
function withMarker(update: Doc, marker: readonly string[] | undefined, where: string): Doc {
  for (const [op, fields] of Object.entries(update))
    if (fields && typeof fields === 'object' && Object.keys(fields).some((f) => f === EVENT_MARKER || f.startsWith(`${EVENT_MARKER}.`)))
      throw new StoreValidationError(`${where} update.${op}: ${EVENT_MARKER} is kept by core`);
  if (!marker) return update;
  const addToSet = { ...((update.$addToSet as Doc | undefined) ?? {}), [EVENT_MARKER]: { $each: [...marker] } };
  return { ...update, $addToSet: addToSet };
}

function withoutMarker(doc: Doc): Doc {
  if (!(EVENT_MARKER in doc)) return doc;
  const { [EVENT_MARKER]: _marker, ...rest } = doc;
  return rest;
}

function upsertFlag(options: UpdateOptions | undefined, where: string): boolean {
  const upsert = options?.upsert ?? false;
  if (typeof upsert !== 'boolean') throw new StoreValidationError(`${where}.upsert: expected true or false`);
  return upsert;
}

/**
 * {@link HotelCollection} over either store's driver: every input is checked, then scoped to
 * the hotel, here and only here, so the two stores cannot differ in what they let through.
 */
export class ScopedCollection<T> implements HotelCollection<T> {
  constructor(
    private readonly collection: string,
    private readonly driver: CollectionDriver,
    readonly hotelId: string,
    /** Present in a bot's storage: writes may carry events (see {@link WriteEvents}). */
    private readonly writeEvents?: WriteEvents,
  ) {}

  async insertOne(doc: NewDocument<T>, options: WriteOptions = {}): Promise<Stored<T>> {
    const where = this.where('insertOne');
    const scoped = scopedDocument(checkDocument(doc, this.hotelId, where), this.hotelId);
    refuseMarker(scoped, where);
    return this.withEvents(
      options.events,
      async (marker) => withoutMarker((await this.driver.insertMany([marker ? { ...scoped, [EVENT_MARKER]: [...marker] } : scoped]))[0]!),
      () => true,
    ) as Promise<Stored<T>>;
  }

  async insertMany(docs: readonly NewDocument<T>[]): Promise<Stored<T>[]> {
    const where = this.where('insert');
    if (!Array.isArray(docs)) throw new StoreValidationError(`${where}: expected an array of documents`);
    const scoped = docs.map((doc, i) => scopedDocument(checkDocument(doc, this.hotelId, `${where}[${i}]`), this.hotelId));
    if (scoped.length === 0) return [];
    scoped.forEach((d, i) => refuseMarker(d, `${where}[${i}]`));
    return (await this.driver.insertMany(scoped)).map(withoutMarker) as Stored<T>[];
  }

  findOne(filter?: Filter<T>, options?: FindOneOptions & { projection?: undefined }): Promise<Stored<T> | null>;
  findOne(filter: Filter<T>, options: FindOneOptions): Promise<Partial<Stored<T>> | null>;
  async findOne(filter?: Filter<T>, options: FindOneOptions = {}): Promise<Partial<Stored<T>> | null> {
    const [doc] = await this.driver.find(this.filter(filter, 'findOne'), { ...this.findOptions(options, 'findOne'), limit: 1 });
    return doc ? (withoutMarker(doc) as Stored<T>) : null;
  }

  find(filter?: Filter<T>, options?: FindOptions & { projection?: undefined }): Promise<Stored<T>[]>;
  find(filter: Filter<T>, options: FindOptions): Promise<Partial<Stored<T>>[]>;
  async find(filter?: Filter<T>, options: FindOptions = {}): Promise<Partial<Stored<T>>[]> {
    const limit = checkCount(options.limit, `${this.where('find')}.limit`, 1);
    const found = await this.driver.find(this.filter(filter, 'find'), { ...this.findOptions(options, 'find'), limit });
    return found.map(withoutMarker) as Stored<T>[];
  }

  async countDocuments(filter?: Filter<T>): Promise<number> {
    return this.driver.countDocuments(this.filter(filter, 'countDocuments'));
  }

  async updateOne(filter: Filter<T>, update: Update<T>, options?: UpdateOptions & WriteOptions): Promise<UpdateResult<T>> {
    return this.withEvents(
      options?.events,
      (marker) => this.update('updateOne', filter, update, options, marker),
      (result) => result.matchedCount > 0 || result.upsertedId !== undefined,
    );
  }

  async updateMany(filter: Filter<T>, update: Update<T>, options?: UpdateOptions): Promise<UpdateResult<T>> {
    return this.update('updateMany', filter, update, options);
  }

  async findOneAndUpdate(
    filter: Filter<T>,
    update: Update<T>,
    options: FindOneAndUpdateOptions & WriteOptions = {},
  ): Promise<Stored<T> | null> {
    const where = this.where('findOneAndUpdate');
    const returnDocument = options.returnDocument ?? 'after';
    if (returnDocument !== 'before' && returnDocument !== 'after')
      throw new StoreValidationError(`${where}.returnDocument: expected "before" or "after"`);
    const scoped = this.filter(filter, 'findOneAndUpdate');
    const checked = checkUpdate(update, `${where} update`);
    const upsert = upsertFlag(options, where);
    return this.withEvents(
      options.events,
      async (marker) => {
        const doc = await this.driver.findOneAndUpdate(scoped, withMarker(checked, marker, where), { upsert, returnDocument });
        return doc ? (withoutMarker(doc) as Stored<T>) : null;
      },
      // With `before`, an upsert that inserted returns null, but it wrote.
      (doc) => doc !== null || upsert,
    );
  }

  async deleteOne(filter: Filter<T>): Promise<{ deletedCount: number }> {
    return { deletedCount: await this.driver.deleteOne(this.filter(filter, 'deleteOne')) };
  }

  async deleteMany(filter: Filter<T>): Promise<{ deletedCount: number }> {
    return { deletedCount: await this.driver.deleteMany(this.filter(filter, 'deleteMany')) };
  }

  private async update(
    operation: 'updateOne' | 'updateMany',
    filter: Filter<T>,
    update: Update<T>,
    options: UpdateOptions | undefined,
    marker?: readonly string[],
  ): Promise<UpdateResult<T>> {
    const where = this.where(operation);
    const scoped = this.filter(filter, operation);
    const checked = withMarker(checkUpdate(update, `${where} update`), marker, where);
    const result = await this.driver[operation](scoped, checked, upsertFlag(options, where));
    return result as UpdateResult<T>;
  }

  /** How the event sweep asks this collection whether a write carrying an event happened. */
  static marked(driver: CollectionDriver): MarkedCollection {
    return {
      hasMarker: async (hotelId, eventId) => (await driver.countDocuments({ hotelId, [EVENT_MARKER]: eventId })) > 0,
      clearMarkers: async (hotelId, eventIds) => {
        await driver.updateMany(
          { hotelId, [EVENT_MARKER]: { $in: [...eventIds] } },
          { $pullAll: { [EVENT_MARKER]: [...eventIds] } },
          false,
        );
      },
    };
  }

  /**
   * Runs a single-document write that carries events: staged before, in force after it
   * happened, taken back when it matched nothing. A write that threw may still have happened
   * (a timeout), so its staged rows are left for the sweep, which looks for the marker.
   */
  private async withEvents<R>(
    events: readonly WriteEvent[] | undefined,
    write: (marker?: readonly string[]) => Promise<R>,
    happened: (result: R) => boolean,
  ): Promise<R> {
    if (events === undefined || events.length === 0) return write();
    if (!Array.isArray(events)) throw new StoreValidationError(`${this.collection}: events: expected an array`);
    if (!this.writeEvents)
      throw new StoreValidationError(`${this.collection}: writes carry events only in a running bot's storage (ctx.storage)`);
    const staged: StagedEvents = await this.writeEvents.stage(this.hotelId, this.collection, events);
    const result = await write(staged.marked ? staged.ids : undefined);
    if (happened(result)) {
      await this.writeEvents.commit(staged, () => ScopedCollection.marked(this.driver).clearMarkers(this.hotelId, staged.ids));
    } else await this.writeEvents.abandon(staged);
    return result;
  }

  private filter(filter: Filter<T> | undefined, operation: string): Doc {
    return scopedFilter(checkFilter(filter, `${this.where(operation)} filter`), this.hotelId);
  }

  private findOptions(options: FindOneOptions, operation: string): DriverFindOptions {
    const where = this.where(operation);
    return {
      sort: checkSort(options.sort, `${where}.sort`),
      skip: checkCount(options.skip, `${where}.skip`, 0),
      projection: checkProjection(options.projection, `${where}.projection`),
    };
  }

  private where(operation: string): string {
    return `${this.collection}.${operation}`;
  }
}
