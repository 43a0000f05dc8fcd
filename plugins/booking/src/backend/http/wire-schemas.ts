import { z } from '@hotello/core';
import type { Booking, Offer, RoomTypeInfo } from '../../domain/booking';
import type { LocalizedText } from '../../domain/localized-text';

/*
 * The reservation system's answers, as documented in docs/http-backend.md. Everything that
 * crosses the wire is checked here, so a wrong answer fails with a message that names the field
 * instead of breaking a flow later. Optional fields may be absent or null: many serialisers
 * write null for "no value".
 */

const date = z.iso.date();
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const count = z.number().int().min(0);
const money = z.object({
  amount: z.number().finite(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as "EUR"'),
});
// A plain string is text in every language: localize() falls back to `en`.
const localized = z
  .union([z.string().min(1), z.record(z.string(), z.string())])
  .transform((text): LocalizedText => (typeof text === 'string' ? { en: text } : text));
const nightly = z.array(z.object({ date, amount: z.number().finite() }));
const capacity = z.object({ adults: z.number().int().min(1), children: count.default(0) });

/** `null` and absent both mean "no value", and both come out as undefined. */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined);
}

const roomTypeInfo = z.object({
  id: z.string().min(1),
  name: localized,
  description: optional(localized),
  capacity,
  rooms: count,
  minStay: z.number().int().min(1).default(1),
});

const offer = z.object({
  roomType: z.string().min(1),
  name: localized,
  description: optional(localized),
  available: count,
  total: money,
  nightly,
  capacity,
});

const bookingGuest = z.object({
  phone: z.string().min(1),
  /** As Hotello sent it on create; a booking without one belongs to its `phone`. */
  identity: optional(z.string().min(1)),
  name: z.string(),
  email: optional(z.string()),
  channelId: optional(z.string()),
  language: optional(z.string()),
});

const booking = z.object({
  /** Optional on the wire (the URL names the hotel); when present it must be the hotel asked about. */
  hotelId: optional(z.string()),
  reference: z.string().min(1),
  status: z.enum(['pending', 'held', 'confirmed', 'cancelled', 'expired', 'failed']),
  roomType: z.string().min(1),
  roomName: optional(localized),
  checkIn: date,
  checkOut: date,
  nights: z.number().int().min(1),
  adults: z.number().int().min(1),
  children: count,
  guest: bookingGuest,
  total: money,
  nightly,
  holdExpiresAt: optional(instant),
  cancellationFee: optional(money),
  cancelledBy: optional(z.enum(['guest', 'staff'])),
  createdAt: instant,
  updatedAt: instant,
});

type WireBooking = z.output<typeof booking>;

/** Drops keys whose value is undefined, so domain objects carry only what the system said. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function toBooking(wire: WireBooking, hotelId: string): Booking {
  return compact({ ...wire, hotelId, guest: compact(wire.guest) });
}

/** Rejects a booking of another hotel: tenants stay isolated even when the other side errs. */
function ofHotel(hotelId: string) {
  return booking.transform((wire, ctx): Booking => {
    if (wire.hotelId !== undefined && wire.hotelId !== hotelId) {
      ctx.addIssue({ code: 'custom', path: ['hotelId'], message: `expected "${hotelId}", the hotel in the URL`, input: wire.hotelId });
      return z.NEVER;
    }
    return toBooking(wire, hotelId);
  });
}

/** `GET …/room-types` → `{ roomTypes }`. */
export const roomTypesResponse = z
  .object({ roomTypes: z.array(roomTypeInfo) })
  .transform(({ roomTypes }): RoomTypeInfo[] => roomTypes.map(compact));

/** `GET …/availability` → `{ offers }`. */
export const offersResponse = z.object({ offers: z.array(offer) }).transform(({ offers }): Offer[] => offers.map(compact));

/** `{ booking }`: create, get, cancel and confirm. */
export function bookingResponse(hotelId: string) {
  return z.object({ booking: ofHotel(hotelId) }).transform(({ booking }) => booking);
}

/** `{ bookings }`: the guest's or the operator's list. */
export function bookingsResponse(hotelId: string) {
  return z.object({ bookings: z.array(ofHotel(hotelId)) }).transform(({ bookings }) => bookings);
}

/**
 * The body of a 4xx/5xx answer. `error` is a machine-readable code (`unavailable`, `state`,
 * `not_found`, …); `status` is the booking's status for `state`; `message` is for humans.
 */
export const errorBody = z.object({
  error: z.string(),
  status: z.string().optional(),
  message: z.string().optional(),
});

export type ErrorBody = z.output<typeof errorBody>;
