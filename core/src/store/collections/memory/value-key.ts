import { Types } from 'mongoose';
import { isDate, isPlainObject } from '../../validate-input';

/**
 * A string that is equal for two values exactly when MongoDB would call them equal: type-tagged
 * (so `1` and `"1"`, or a Date and its ISO string, differ), field order kept (as in BSON
 * documents). Used for unique keys and to tell whether an update changed a document.
 */
export function valueKey(value: unknown): string {
  if (value === undefined || value === null) return 'z';
  if (typeof value === 'number') return `n${value}`;
  if (typeof value === 'string') return `s${JSON.stringify(value)}`;
  if (typeof value === 'boolean') return value ? 'bt' : 'bf';
  if (isDate(value)) return `d${value.getTime()}`;
  if (value instanceof Types.ObjectId) return `o${value.toHexString()}`;
  if (Array.isArray(value)) return `[${value.map(valueKey).join(',')}]`;
  if (isPlainObject(value))
    return `{${Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => `${JSON.stringify(key)}:${valueKey(item)}`)
      .join(',')}}`;
  return `x${String(value)}`;
}
