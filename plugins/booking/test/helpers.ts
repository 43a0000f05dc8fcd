import { DateTime } from 'luxon';
import intentPlugin from '@hotello/plugin-intent';
import { createTestBot, type TestBot } from '@hotello/core/testing';
import bookingPlugin from '../src';

/** A date `days` from today at the hotel, as `YYYY-MM-DD`. */
export function inDays(days: number, zone = 'Europe/Lisbon'): string {
  return DateTime.now().setZone(zone).plus({ days }).toISODate()!;
}

/** The same date as a guest types it (day first). */
export function typed(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

export const ROOM_TYPES = [
  {
    id: 'double',
    name: { en: 'Double room', es: 'Habitación doble' },
    adults: 2,
    children: 1,
    rooms: 2,
    rate: 100,
    weekdayRates: { sat: 130 },
  },
  { id: 'family', name: { en: 'Family room', es: 'Habitación familiar' }, adults: 2, children: 2, rooms: 1, rate: 160 },
  { id: 'suite', name: 'Suite', adults: 3, children: 0, rooms: 1, rate: 300, minStay: 2 },
];

export function hotelsConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    plugins: [{ use: 'booking', options: { maxNights: 14, ...overrides } }],
    hotels: [
      { id: 'seaside', name: 'Seaside Hotel', timezone: 'Europe/Lisbon', plugins: { booking: { roomTypes: ROOM_TYPES } } },
      {
        id: 'citylodge',
        name: 'City Lodge',
        timezone: 'Africa/Nairobi',
        plugins: { booking: { roomTypes: [{ id: 'double', name: 'Double', adults: 2, rooms: 5, rate: 80, currency: 'KES' }] } },
      },
    ],
  };
}

export function bookingBot(config: Record<string, unknown> = hotelsConfig(), channel: 'full' | 'text-only' = 'full'): Promise<TestBot> {
  return createTestBot({ config, plugins: [intentPlugin, bookingPlugin], channel });
}
