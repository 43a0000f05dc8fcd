import { isDate, isPlainObject } from '../validate-input';

/**
 * A deep copy of a stored document, so callers never hold the memory store's own objects.
 * Plain objects, arrays and Dates are copied; anything else a cast document can hold
 * (ObjectId, Decimal128, Buffer-like BSON values) is immutable in practice and shared.
 */
export function copyDocument<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyDocument) as T;
  if (isDate(value)) return new Date(value.getTime()) as T;
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = copyDocument(item);
  return out as T;
}
