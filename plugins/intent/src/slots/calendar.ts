/**
 * Calendar dates without a time or zone ("2025-03-12"), which is what a hotel night is. All
 * arithmetic is done at UTC noon, so no daylight-saving change can move a date.
 */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtcNoon(d: CivilDate): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day, 12));
}

function fromUtc(date: Date): CivilDate {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: CivilDate, days: number): CivilDate {
  const t = toUtcNoon(d);
  t.setUTCDate(t.getUTCDate() + days);
  return fromUtc(t);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return Math.round((toUtcNoon(b).getTime() - toUtcNoon(a).getTime()) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: CivilDate): number {
  return toUtcNoon(d).getUTCDay();
}

export function toIso(d: CivilDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function fromIso(iso: string): CivilDate {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** The calendar date at `now` in `timeZone` (the hotel's "today"). */
export function todayIn(timeZone: string, now: Date): CivilDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** The zone's offset from UTC at `now`, in minutes (Nairobi: 180), as chrono's reference wants it. */
export function offsetMinutes(timeZone: string, now: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(now.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The year a day and month without a year most likely mean: this year, or next year when that
 * date has already passed (guests book ahead; "5 January" said in December is next January).
 */
export function upcomingYear(today: CivilDate, month: number, day: number): number {
  const thisYear = { year: today.year, month, day };
  return daysBetween(today, thisYear) >= 0 ? today.year : today.year + 1;
}
