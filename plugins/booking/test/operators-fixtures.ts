import { definePlugin } from '@hotello/core';
import type { BookingBackend } from '../src/backend/booking-backend';
import type { Booking, BookingListQuery } from '../src/domain/booking';
import { bookingOptionsSchema } from '../src/options';

/** Stands in for the booking plugin where a test needs only its name and options planned. */
export const bookingOptionsOnly = definePlugin({ name: 'booking', options: bookingOptionsSchema, register() {} });

export const ROOMS = [{ id: 'double', name: { en: 'Double room' }, adults: 2, children: 1, rooms: 4, rate: 100 }];

/** Seaside (booking on, Lisbon time), City Lodge (booking off), in a config object. */
export function operatorsConfig(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    plugins: [{ use: 'booking' }],
    hotels: [
      { id: 'seaside', name: 'Seaside Hotel', timezone: 'Europe/Lisbon', plugins: { booking: { roomTypes: ROOMS } } },
      { id: 'citylodge', name: 'City Lodge', plugins: { booking: false } },
    ],
    ...extra,
  };
}

/** A held and a confirmed booking at Seaside. */
export const SAMPLE_BOOKINGS: readonly Booking[] = [
  {
    hotelId: 'seaside',
    reference: 'KMT4821',
    status: 'held',
    roomType: 'double',
    roomName: { en: 'Double room' },
    checkIn: '2030-03-10',
    checkOut: '2030-03-12',
    nights: 2,
    adults: 2,
    children: 1,
    guest: { phone: '+254700000001', name: 'Amina Njeri', channelId: 'cloud-api', language: 'en' },
    total: { amount: 240, currency: 'EUR' },
    nightly: [
      { date: '2030-03-10', amount: 120 },
      { date: '2030-03-11', amount: 120 },
    ],
    holdExpiresAt: new Date('2030-03-01T10:30:00Z'),
    createdAt: new Date('2030-03-01T10:00:00Z'),
    updatedAt: new Date('2030-03-01T10:00:00Z'),
  },
  {
    hotelId: 'seaside',
    reference: 'PLW1093',
    status: 'confirmed',
    roomType: 'suite',
    checkIn: '2030-03-11',
    checkOut: '2030-03-18',
    nights: 7,
    adults: 1,
    children: 0,
    guest: { phone: '+351912345678', name: 'João Silva' },
    total: { amount: 2030.5, currency: 'EUR' },
    nightly: [],
    createdAt: new Date('2030-02-20T08:15:00Z'),
    updatedAt: new Date('2030-02-21T09:00:00Z'),
  },
];

/** A backend that answers `list` from fixed bookings, filtered by status (or fails as told), and records each query. */
export class FakeBookingBackend implements BookingBackend {
  readonly kind = 'fake';
  readonly queries: { hotelId: string; query?: BookingListQuery }[] = [];
  failure?: Error;

  constructor(private readonly bookings: readonly Booking[] = SAMPLE_BOOKINGS) {}

  async list(hotelId: string, query?: BookingListQuery): Promise<readonly Booking[]> {
    this.queries.push({ hotelId, query });
    if (this.failure) throw this.failure;
    return this.bookings
      .filter((b) => b.hotelId === hotelId && (!query?.statuses || query.statuses.includes(b.status)))
      .slice(0, query?.limit);
  }

  roomTypes = unused;
  search = unused;
  create = unused;
  get = unused;
  listForGuest = unused;
  cancel = unused;
  confirm = unused;
}

async function unused(): Promise<never> {
  throw new Error('not used by operators');
}
