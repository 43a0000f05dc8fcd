import { setValue } from 'mingo/util';
import { isPlainObject } from '../validate-input';
import type { Doc } from './collection-driver';

/**
 * The document an upsert starts from when nothing matched, as MongoDB builds it: the filter's
 * equality conditions (`field: value`, `field: { $eq: value }`, also inside `$and`), dotted
 * paths expanded. Ranges, `$ne`, `$in` and regular expressions say nothing about the new
 * document and are left out.
 */
export function upsertSeed(filter: Doc): Doc {
  const seed: Doc = {};
  collect(filter, seed);
  return seed;
}

function collect(filter: Doc, seed: Doc): void {
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and') for (const sub of condition as Doc[]) collect(sub, seed);
    if (key.startsWith('$') || condition instanceof RegExp) continue;
    if (isPlainObject(condition) && Object.keys(condition).some((k) => k.startsWith('$'))) {
      if ('$eq' in condition) setValue(seed, key, condition.$eq);
      continue;
    }
    setValue(seed, key, condition);
  }
}
