import type { HotelConfig } from '../config/config-schema';

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

/** Minutes since midnight at the hotel, in its own time zone. */
function localMinutes(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

/**
 * Whether `now` falls in the hotel's quiet hours, read on the hotel's own clock; a window may
 * cross midnight (22:00–07:00). Behind `Hotel.inQuietHours`, so core and plugins share one rule.
 */
export function inQuietHours(hotel: Pick<HotelConfig, 'quietHours' | 'timezone'>, now: Date): boolean {
  if (!hotel.quietHours) return false;
  const from = minutesOf(hotel.quietHours.from);
  const to = minutesOf(hotel.quietHours.to);
  const at = localMinutes(now, hotel.timezone);
  return from <= to ? at >= from && at < to : at >= from || at < to;
}
