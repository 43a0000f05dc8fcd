import { maskPhone } from '@hotello/core';
import type { Booking } from '../domain/booking';
import type { Money } from '../domain/money';
import type { OperatorListQuery } from './booking-list-query';

/** A booking as operators get it, from the admin endpoint and `hotello bookings list --json` alike: JSON-ready, instants as ISO strings. */
export type BookingView = Omit<Booking, 'hotelId' | 'holdExpiresAt' | 'createdAt' | 'updatedAt'> & {
  readonly holdExpiresAt?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
};

/** One hotel's bookings as the endpoint answers and the CLI prints them with `--json`, with the filter that was applied. */
export interface BookingListView {
  readonly hotelId: string;
  readonly query: OperatorListQuery;
  readonly bookings: readonly BookingView[];
}

export function toBookingView(booking: Booking): BookingView {
  return {
    reference: booking.reference,
    status: booking.status,
    roomType: booking.roomType,
    ...(booking.roomName ? { roomName: booking.roomName } : {}),
    checkIn: booking.checkIn,
    checkOut: booking.checkOut,
    nights: booking.nights,
    adults: booking.adults,
    children: booking.children,
    guest: booking.guest,
    total: booking.total,
    nightly: booking.nightly,
    ...(booking.holdExpiresAt ? { holdExpiresAt: booking.holdExpiresAt.toISOString() } : {}),
    ...(booking.cancellationFee ? { cancellationFee: booking.cancellationFee } : {}),
    ...(booking.cancelledBy ? { cancelledBy: booking.cancelledBy } : {}),
    createdAt: booking.createdAt.toISOString(),
    updatedAt: booking.updatedAt.toISOString(),
  };
}

export function toBookingListView(hotelId: string, query: OperatorListQuery, bookings: readonly Booking[]): BookingListView {
  return { hotelId, query, bookings: bookings.map(toBookingView) };
}

/** An amount in its currency's minor units, e.g. `EUR 1,240.00` or `JPY 18,000`. */
export function formatMoney(money: Money): string {
  try {
    // Intl separates the code with a no-break space; a plain one keeps terminal columns simple.
    return new Intl.NumberFormat('en', { style: 'currency', currency: money.currency, currencyDisplay: 'code' })
      .format(money.amount)
      .replace(/\s/g, ' ');
  } catch {
    return `${money.currency} ${money.amount.toFixed(2)}`;
  }
}

function party(adults: number, children: number): string {
  const grown = `${adults} adult${adults === 1 ? '' : 's'}`;
  return children === 0 ? grown : `${grown}, ${children} child${children === 1 ? '' : 'ren'}`;
}

const COLUMNS = ['reference', 'status', 'room type', 'check-in', 'check-out', 'nights', 'guests', 'guest name', 'phone', 'total'] as const;
/** Columns read as numbers line up on the right. */
const RIGHT_ALIGNED = new Set<string>(['nights', 'total']);

/** One table row per booking; phone numbers masked (a terminal, unlike the JSON, is easily shoulder-read or pasted). */
export function bookingRow(view: BookingView): string[] {
  return [
    view.reference,
    view.status,
    view.roomType,
    view.checkIn,
    view.checkOut,
    String(view.nights),
    party(view.adults, view.children),
    view.guest.name,
    maskPhone(view.guest.phone),
    formatMoney(view.total),
  ];
}

/** The bookings as an aligned text table with a header line. */
export function formatBookingTable(views: readonly BookingView[]): string[] {
  const rows: string[][] = [[...COLUMNS], ...views.map(bookingRow)];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (RIGHT_ALIGNED.has(COLUMNS[i]!) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}
