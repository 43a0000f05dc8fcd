import { resolve } from 'mingo/util';
import type { CollectionIndex } from '../collection-types';
import type { Doc } from '../collection-driver';
import { valueKey } from './value-key';

interface UniqueIndex {
  readonly fields: readonly string[];
  /** Key of the indexed values → the entry holding them. */
  readonly owners: Map<string, object>;
}

/**
 * The unique indexes of one memory collection: `_id` (across hotels, as MongoDB's own) and
 * every declared unique index (each led by `hotelId`, so per hotel). A missing field counts as
 * null, as in MongoDB, so two documents both without the field collide.
 */
export class UniqueKeys {
  private readonly indexes: UniqueIndex[];

  constructor(declared: readonly CollectionIndex[]) {
    this.indexes = [{ fields: ['_id'] }, ...declared.filter((i) => i.unique).map((i) => ({ fields: Object.keys(i.fields) }))].map(
      ({ fields }) => ({ fields, owners: new Map<string, object>() }),
    );
  }

  /** Whether `doc` would take a key another entry than `owner` holds. */
  conflicts(doc: Doc, owner: object): boolean {
    return this.indexes.some((index) => {
      const holder = index.owners.get(keyOf(index, doc));
      return holder !== undefined && holder !== owner;
    });
  }

  add(doc: Doc, owner: object): void {
    for (const index of this.indexes) index.owners.set(keyOf(index, doc), owner);
  }

  remove(doc: Doc, owner: object): void {
    for (const index of this.indexes) {
      const key = keyOf(index, doc);
      if (index.owners.get(key) === owner) index.owners.delete(key);
    }
  }
}

function keyOf(index: UniqueIndex, doc: Doc): string {
  return index.fields.map((field) => valueKey(resolve(doc, field))).join('|');
}
