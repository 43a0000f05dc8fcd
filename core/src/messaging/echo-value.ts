import { cutText } from './cut-text';

/** How much of a provider's value a response body or a log line repeats. */
export const ECHO_MAX = 64;

/**
 * A value from a webhook as it may appear in a response body or a log line. Signed payloads are
 * still the provider's data, not ours: a 3 MB id echoed whole would fill logs and responses, so
 * strings are cut at `max` characters (and marked with "…"), and non-scalars are only named.
 */
export function echoValue(value: unknown, max: number = ECHO_MAX): string {
  if (typeof value === 'string') return capString(value, max);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return capString(String(value), max);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function capString(text: string, max: number): string {
  return text.length <= max ? text : `${cutText(text, max)}…`;
}
