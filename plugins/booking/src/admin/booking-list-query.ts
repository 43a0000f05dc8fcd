import type { BookingListQuery, BookingStatus } from '../domain/booking';
import { isCalendarDate } from '../domain/calendar';

/** Every status, so a filter can name any of them and a typo is caught. */
const STATUSES: Record<BookingStatus, true> = { pending: true, held: true, confirmed: true, cancelled: true, expired: true, failed: true };
const KNOWN_PARAMETERS = ['from', 'to', 'status', 'limit'] as const;

export const DEFAULT_LIST_LIMIT = 100;
export const MAX_LIST_LIMIT = 500;

/** The filter operators give, as text: query-string parameters or command-line options. */
export type BookingListParams = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A list query with its defaults filled in, echoed back so operators see what was applied. */
export interface OperatorListQuery extends BookingListQuery {
  readonly from: string;
  readonly limit: number;
}

export type ParsedBookingListQuery =
  { readonly ok: true; readonly query: OperatorListQuery } | { readonly ok: false; readonly problems: string[] };

/**
 * Reads `from`, `to` (`YYYY-MM-DD`), `status` (comma-separated) and `limit` the same way for
 * the admin endpoint and the CLI. `from` defaults to `today` at the hotel, so a bare list shows
 * stays not yet over rather than the oldest bookings on record. Every problem is reported,
 * not only the first.
 */
export function parseBookingListQuery(params: BookingListParams, today: string): ParsedBookingListQuery {
  const problems: string[] = [];
  const single = (name: string): string | undefined => {
    const value = params[name];
    if (typeof value === 'string' || value === undefined) return value;
    problems.push(`${name}: give it once, not ${value.length} times`);
    return undefined;
  };
  for (const name of Object.keys(params)) {
    if (params[name] !== undefined && !(KNOWN_PARAMETERS as readonly string[]).includes(name)) {
      problems.push(`unknown parameter "${name}" (expected ${KNOWN_PARAMETERS.join(', ')})`);
    }
  }

  const date = (name: 'from' | 'to'): string | undefined => {
    const value = single(name);
    if (value === undefined || isCalendarDate(value)) return value;
    problems.push(`${name}: expected a date as YYYY-MM-DD, got "${value}"`);
    return undefined;
  };
  const from = date('from') ?? today;
  const to = date('to');
  if (to !== undefined && from > to) problems.push(`from (${from}) is after to (${to})`);

  let statuses: BookingStatus[] | undefined;
  const status = single('status');
  if (status !== undefined) {
    const names = status
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = names.filter((s) => !Object.hasOwn(STATUSES, s));
    if (names.length === 0 || unknown.length > 0) {
      problems.push(`status: expected a comma-separated list of ${Object.keys(STATUSES).join(', ')}, got "${status}"`);
    } else statuses = [...new Set(names)] as BookingStatus[];
  }

  let limit = DEFAULT_LIST_LIMIT;
  const rawLimit = single('limit');
  if (rawLimit !== undefined) {
    limit = /^\d+$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(limit >= 1 && limit <= MAX_LIST_LIMIT))
      problems.push(`limit: expected a whole number from 1 to ${MAX_LIST_LIMIT}, got "${rawLimit}"`);
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, query: { from, ...(to !== undefined ? { to } : {}), ...(statuses ? { statuses } : {}), limit } };
}
