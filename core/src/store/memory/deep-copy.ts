/**
 * Copies what the memory store holds: plain objects, arrays, Dates and primitives (inputs are
 * validated to contain nothing else). Not `structuredClone`: that builds objects in Node's own
 * realm, so under a VM context (jest) `instanceof Date` on the copies would be false.
 */
export function deepCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = deepCopy(item);
  return out as T;
}
