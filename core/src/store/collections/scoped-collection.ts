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
} from './collection-types';
import type { CollectionDriver, Doc, DriverFindOptions } from './collection-driver';
import { checkCount, checkDocument, checkFilter, checkProjection, checkSort, checkUpdate } from './check-input';
import { scopedDocument, scopedFilter } from './hotel-scope';
import { StoreValidationError } from '../conversation-store';

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
  ) {}

  async insertOne(doc: NewDocument<T>): Promise<Stored<T>> {
    const [inserted] = await this.insertMany([doc]);
    return inserted!;
  }

  async insertMany(docs: readonly NewDocument<T>[]): Promise<Stored<T>[]> {
    const where = this.where('insert');
    if (!Array.isArray(docs)) throw new StoreValidationError(`${where}: expected an array of documents`);
    const scoped = docs.map((doc, i) => scopedDocument(checkDocument(doc, this.hotelId, `${where}[${i}]`), this.hotelId));
    if (scoped.length === 0) return [];
    return (await this.driver.insertMany(scoped)) as Stored<T>[];
  }

  findOne(filter?: Filter<T>, options?: FindOneOptions & { projection?: undefined }): Promise<Stored<T> | null>;
  findOne(filter: Filter<T>, options: FindOneOptions): Promise<Partial<Stored<T>> | null>;
  async findOne(filter?: Filter<T>, options: FindOneOptions = {}): Promise<Partial<Stored<T>> | null> {
    const [doc] = await this.driver.find(this.filter(filter, 'findOne'), { ...this.findOptions(options, 'findOne'), limit: 1 });
    return (doc as Stored<T> | undefined) ?? null;
  }

  find(filter?: Filter<T>, options?: FindOptions & { projection?: undefined }): Promise<Stored<T>[]>;
  find(filter: Filter<T>, options: FindOptions): Promise<Partial<Stored<T>>[]>;
  async find(filter?: Filter<T>, options: FindOptions = {}): Promise<Partial<Stored<T>>[]> {
    const limit = checkCount(options.limit, `${this.where('find')}.limit`, 1);
    const found = await this.driver.find(this.filter(filter, 'find'), { ...this.findOptions(options, 'find'), limit });
    return found as Stored<T>[];
  }

  async countDocuments(filter?: Filter<T>): Promise<number> {
    return this.driver.countDocuments(this.filter(filter, 'countDocuments'));
  }

  async updateOne(filter: Filter<T>, update: Update<T>, options?: UpdateOptions): Promise<UpdateResult<T>> {
    return this.update('updateOne', filter, update, options);
  }

  async updateMany(filter: Filter<T>, update: Update<T>, options?: UpdateOptions): Promise<UpdateResult<T>> {
    return this.update('updateMany', filter, update, options);
  }

  async findOneAndUpdate(filter: Filter<T>, update: Update<T>, options: FindOneAndUpdateOptions = {}): Promise<Stored<T> | null> {
    const where = this.where('findOneAndUpdate');
    const returnDocument = options.returnDocument ?? 'after';
    if (returnDocument !== 'before' && returnDocument !== 'after')
      throw new StoreValidationError(`${where}.returnDocument: expected "before" or "after"`);
    const doc = await this.driver.findOneAndUpdate(this.filter(filter, 'findOneAndUpdate'), checkUpdate(update, `${where} update`), {
      upsert: upsertFlag(options, where),
      returnDocument,
    });
    return doc as Stored<T> | null;
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
  ): Promise<UpdateResult<T>> {
    const where = this.where(operation);
    const scoped = this.filter(filter, operation);
    const checked = checkUpdate(update, `${where} update`);
    const result = await this.driver[operation](scoped, checked, upsertFlag(options, where));
    return result as UpdateResult<T>;
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
