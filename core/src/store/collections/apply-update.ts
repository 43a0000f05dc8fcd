import { update as applyModifier, type Modifier } from 'mingo/updater';
import type { Doc } from './collection-driver';
import { copyDocument } from './copy-document';

/** Operators whose values mongoose's update validators check (`runValidators` on MongoDB). */
const VALIDATED_OPERATORS = ['$set', '$unset', '$push', '$addToSet', '$pull', '$pullAll'] as const;

export interface AppliedUpdate {
  readonly doc: Doc;
  /** The paths to validate: the ones MongoDB's `runValidators` would check for this update. */
  readonly validate: string[];
}

/**
 * Applies a checked update to a copy of `doc` with mingo. `$setOnInsert` becomes part of
 * `$set` when the update inserts (an upsert) and is ignored otherwise, as on MongoDB.
 */
export function applyUpdate(doc: Doc, update: Record<string, Record<string, unknown>>, inserting: boolean): AppliedUpdate {
  const { $setOnInsert, ...operators } = update;
  const modifier: Record<string, Record<string, unknown>> = { ...operators };
  if (inserting && $setOnInsert) modifier.$set = { ...modifier.$set, ...$setOnInsert };
  const working = copyDocument(doc);
  if (Object.keys(modifier).length > 0) applyModifier(working, modifier as Modifier<Doc>, undefined, undefined, { cloneMode: 'deep' });
  const validate = VALIDATED_OPERATORS.flatMap((op) => Object.keys(modifier[op] ?? {}));
  return { doc: working, validate };
}
