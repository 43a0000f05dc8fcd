import type { Hotel } from '../kernel/hotel-directory';

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes since midnight on the hotel's clock. */
function localMinutes(at: Date, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

/**
 * When the hotel's quiet hours that contain `now` end (the first instant `hotel.inQuietHours`
 * is false), or undefined when `now` is not quiet. Computed on the hotel's clock, then checked
 * with `inQuietHours` itself — so the answer agrees with core's one rule, also across a DST
 * change (which moves the local end by up to an hour: at most 60 steps of a minute).
 */
export function quietHoursEnd(hotel: Hotel, now: Date): Date | undefined {
  if (!hotel.quietHours || !hotel.inQuietHours(now)) return undefined;
  const to = minutesOf(hotel.quietHours.to);
  const minuteStart = Math.floor(now.getTime() / MINUTE) * MINUTE;
  const ahead = (to - localMinutes(now, hotel.timezone) + DAY_MINUTES) % DAY_MINUTES || DAY_MINUTES;
  let end = minuteStart + ahead * MINUTE;
  for (let i = 0; i < 60 && hotel.inQuietHours(new Date(end)); i++) end += MINUTE;
  for (let i = 0; i < 60 && end - MINUTE > now.getTime() && !hotel.inQuietHours(new Date(end - MINUTE)); i++) end -= MINUTE;
  return new Date(end);
}
