import type { Hotel } from '@hotello/core';

function minutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * Whether staff are off at `now` in the hotel's time zone. Core tells the guest when they are
 * back; the intent plugin only needs to know so it does not also promise a quick answer.
 */
export function inQuietHours(hotel: Pick<Hotel, 'quietHours' | 'timezone'>, now: Date): boolean {
  if (!hotel.quietHours) return false;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: hotel.timezone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const at = Number(parts.find((p) => p.type === 'hour')?.value) * 60 + Number(parts.find((p) => p.type === 'minute')?.value);
  const from = minutes(hotel.quietHours.from);
  const to = minutes(hotel.quietHours.to);
  return from <= to ? at >= from && at < to : at >= from || at < to;
}
