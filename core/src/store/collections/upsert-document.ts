import type { Model } from 'mongoose';
import { applyUpdate } from './apply-update';
import type { Doc } from './collection-driver';
import { castNewDocument } from './schema-documents';
import { upsertSeed } from './upsert-seed';

/**
 * The document an upsert would insert — the filter's equalities, then `$setOnInsert` and the
 * other operators — cast and validated in full, like an insert. Both stores check it before an
 * upsert runs, whether it then inserts or updates: so an upsert never inserts what `insertOne`
 * would refuse (MongoDB's `runValidators` alone would let a missing required field through),
 * and whether it is accepted does not depend on the document existing already.
 */
export function upsertDocument(
  model: Model<unknown>,
  filter: Doc,
  update: Record<string, Record<string, unknown>>,
  where: string,
): Promise<Doc> {
  const seed = upsertSeed(model.find(filter).cast() as Doc);
  return castNewDocument(model, applyUpdate(seed, update, true).doc, `${where} (as the document an upsert would insert)`);
}
