import { Schema } from 'mongoose';
import { StoreValidationError } from '../conversation-store';
import { applyTenantScope, pluginCollectionName } from '../mongo/plugin-models';
import type { CollectionIndex, CollectionOptions } from './collection-types';
import { assertFieldPath } from './check-input';
import { EVENT_MARKER } from '../../events/write-events';

/** A declared collection as both stores build it: one schema, one list of indexes. */
export interface CollectionSpec {
  readonly plugin: string;
  readonly name: string;
  /** `<plugin>_<name>`: the MongoDB collection, and the key of the memory store's data. */
  readonly collection: string;
  /** The plugin's schema plus core's part: a validated `hotelId`, no version key, the indexes. */
  readonly schema: Schema;
  /** The plugin's indexes, each led by `hotelId`. */
  readonly indexes: readonly CollectionIndex[];
}

function fail(collection: string, message: string): never {
  throw new StoreValidationError(`collection ${collection}: ${message}`);
}

function checkIndex(collection: string, schema: Schema, index: CollectionIndex): CollectionIndex {
  const entries = Object.entries(index?.fields ?? {});
  if (entries.length === 0) fail(collection, 'an index needs at least one field');
  for (const [path, order] of entries) {
    assertFieldPath(path, `collection ${collection} index`);
    if (path === 'hotelId') fail(collection, 'indexes start with hotelId already; leave it out');
    if (order !== 1 && order !== -1) fail(collection, `index field ${path}: expected 1 or -1`);
    // The memory store compares whole values; MongoDB indexes each array item (multikey).
    if (index.unique && schema.path(path)?.instance === 'Array')
      fail(collection, `unique index on the array field ${path} is not supported`);
  }
  return { fields: { hotelId: 1, ...index.fields }, unique: index.unique === true };
}

/**
 * Turns what a plugin declares into what both stores use. The schema is copied (the plugin's
 * object is left alone), tenant-scoped like every plugin model (required `hotelId`, queries
 * refused unless confined to one hotel), and stripped of what the stores could not keep the
 * same: a version key (MongoDB would add `__v` on insert, memory never), `timestamps`
 * (mongoose sets them only on MongoDB writes) and indexes declared in the schema (core must
 * put `hotelId` in front of each, or a unique key would hold across hotels).
 */
export function collectionSpec(plugin: string, name: string, schema: Schema, options: CollectionOptions = {}): CollectionSpec {
  const collection = pluginCollectionName(plugin, name);
  if (!(schema instanceof Schema)) fail(collection, 'expected a mongoose Schema');
  if (schema.indexes().length > 0) fail(collection, 'declare indexes in define(name, schema, { indexes }), not in the schema');
  if (schema.get('timestamps')) fail(collection, 'the timestamps option is not supported; set dates yourself');
  const own = schema.clone();
  if (own.path(EVENT_MARKER)) fail(collection, `${EVENT_MARKER} is kept by core; use another field name`);
  // Which staged events a write carries until they are in force (see WriteEvents). No default: absent on most documents.
  own.add({ [EVENT_MARKER]: { type: [String], default: undefined } });
  own.set('versionKey', false);
  own.set('autoIndex', false);
  own.set('autoCreate', false);
  own.set('bufferCommands', false);
  // A field the schema does not know is refused on both stores rather than silently dropped.
  if (own.get('strict') !== false) own.set('strict', 'throw');
  const indexes = (options.indexes ?? []).map((index) => checkIndex(collection, own, index));
  for (const index of indexes) own.index({ ...index.fields }, { unique: index.unique });
  applyTenantScope(own, collection);
  return { plugin, name, collection, schema: own, indexes };
}
