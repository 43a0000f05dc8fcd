// Loads core's declarations before this augmentation (see the intent plugin's events.ts), and the
// intent plugin's slot types (`IntentSlots`), which booking's flows read.
import type {} from '@hotello/core';
import type {} from '@hotello/plugin-intent';
import type { Booking } from './domain/booking';
import type { Money } from './domain/money';

/**
 * Events the booking plugin emits. Delivery is at least once (a retried turn may publish
 * again), so listeners should be idempotent on `booking.reference`.
 */
declare module '@hotello/core' {
  interface HotelloEvents {
    /** Rooms are held pending payment until `expiresAt` (a payments plugin was on). */
    'booking.held': { hotelId: string; booking: Booking; expiresAt: Date };
    'booking.confirmed': { hotelId: string; booking: Booking };
    'booking.cancelled': { hotelId: string; booking: Booking; by: 'guest' | 'staff'; fee?: Money };
    /** A hold ran out unpaid; its rooms are free again. */
    'booking.expired': { hotelId: string; booking: Booking };
  }
}

export {};
