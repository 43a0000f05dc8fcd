import { DateTime } from 'luxon';

/** Calendar-date arithmetic on `YYYY-MM-DD` strings; time zones only matter for "today". */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parse(date: string): DateTime {
  const value = DATE.test(date) ? DateTime.fromISO(date, { zone: 'utc' }) : DateTime.invalid('not YYYY-MM-DD');
  if (!value.isValid) throw new RangeError(`invalid date "${date}"`);
  return value;
}

export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

export function addDays(date: string, days: number): string {
  return parse(date).plus({ days }).toISODate()!;
}

/** Nights between check-in and check-out (check-out − check-in, in days). */
export function nightsBetween(checkIn: string, checkOut: string): number {
  return Math.round(parse(checkOut).diff(parse(checkIn), 'days').days);
}

/** Every night of a stay: check-in up to the day before check-out. */
export function nightsOf(checkIn: string, checkOut: string): string[] {
  const count = nightsBetween(checkIn, checkOut);
  return Array.from({ length: Math.max(0, count) }, (_, i) => addDays(checkIn, i));
}

/** Today's date at the hotel. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now).setZone(timeZone).toISODate()!;
}

/** `mon`..`sun` of a date. */
export function weekdayOf(date: string): 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun' {
  return (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const)[parse(date).weekday - 1]!;
}

/** The instant a hotel-local date and time (`14:00`) happens. */
export function instantAt(date: string, time: string, timeZone: string): Date {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.fromISO(date, { zone: timeZone }).set({ hour, minute }).toJSDate();
}

/** A date as guests read it in their language, e.g. "Fri 12 Mar 2027". */
export function formatDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    parse(date).toJSDate(),
  );
}
