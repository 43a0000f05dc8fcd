import type { Model } from 'mongoose';
import { StoreValidationError } from '../conversation-store';
import type { Doc } from './collection-driver';

/** Errors of mongoose and mingo that mean "this input is wrong", not "the database failed". */
const INPUT_ERROR_NAMES = new Set([
  'ValidationError',
  'ValidatorError',
  'CastError',
  'StrictModeError',
  'ObjectParameterError',
  'MingoError',
]);

export function isInputError(err: unknown): err is Error {
  return err instanceof Error && INPUT_ERROR_NAMES.has(err.name);
}

/** Rethrows mongoose's and mingo's input errors as the store's own, naming the collection. */
export function asStoreValidationError(err: unknown, where: string): unknown {
  return isInputError(err) ? new StoreValidationError(`${where}: ${err.message}`) : err;
}

/** The shape both stores return: plain objects, maps flattened, as `lean()` reads them. */
export function plainDocument(doc: { toObject(options: object): unknown }): Doc {
  return doc.toObject({ flattenMaps: true, versionKey: false }) as Doc;
}

/**
 * A new document cast and validated by the collection's schema (defaults applied, unknown
 * fields dropped by mongoose's `strict`, an `_id` assigned), without touching a database. Both
 * stores insert exactly this, so they accept and refuse the same documents.
 */
export async function castNewDocument(model: Model<unknown>, doc: Doc, where: string): Promise<Doc> {
  try {
    const built = new model(doc);
    await built.validate();
    return plainDocument(built);
  } catch (err) {
    throw asStoreValidationError(err, where);
  }
}
