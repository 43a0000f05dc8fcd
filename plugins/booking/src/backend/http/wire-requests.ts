import type { BookingListQuery, BookingRequest, StayQuery } from '../../domain/booking';
import type { CancelChange } from '../booking-backend';

/**
 * `/hotels/{hotelId}/…` with every segment percent-encoded: ids and references come from
 * config and guests, and must never add path segments or a query of their own.
 */
export function hotelPath(hotelId: string, ...segments: string[]): string {
  return ['hotels', hotelId, ...segments].map((segment) => `/${encodeURIComponent(segment)}`).join('');
}

/** `checkIn&checkOut&adults&children[&roomType]` of `GET …/availability`. */
export function availabilityQuery(query: StayQuery): URLSearchParams {
  const params = new URLSearchParams({
    checkIn: query.checkIn,
    checkOut: query.checkOut,
    adults: String(query.adults),
    children: String(query.children),
  });
  if (query.roomType !== undefined) params.set('roomType', query.roomType);
  return params;
}

/** `[guest&][from&][to&][status=a,b&][limit]` of `GET …/bookings`; `guest` is the owner identity. */
export function bookingListQuery(query: BookingListQuery = {}, guest?: string): URLSearchParams {
  const params = new URLSearchParams();
  if (guest !== undefined) params.set('guest', guest);
  if (query.from !== undefined) params.set('from', query.from);
  if (query.to !== undefined) params.set('to', query.to);
  if (query.statuses?.length) params.set('status', query.statuses.join(','));
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  return params;
}

/** The body of `POST …/bookings`; the idempotency key travels in its header, not here. */
export function createBookingBody(request: BookingRequest): Record<string, unknown> {
  const { stay, guest } = request;
  return {
    roomType: stay.roomType,
    checkIn: stay.checkIn,
    checkOut: stay.checkOut,
    adults: stay.adults,
    children: stay.children,
    guest: {
      phone: guest.phone,
      ...(guest.identity !== undefined && { identity: guest.identity }),
      name: guest.name,
      ...(guest.email !== undefined && { email: guest.email }),
      ...(guest.language !== undefined && { language: guest.language }),
      ...(guest.channelId !== undefined && { channelId: guest.channelId }),
    },
    ...(request.holdUntil !== undefined && { holdUntil: request.holdUntil.toISOString() }),
  };
}

/** The body of `POST …/bookings/{reference}/cancel`. */
export function cancelBody(change: CancelChange): Record<string, unknown> {
  return { by: change.by, ...(change.fee !== undefined && { fee: change.fee }) };
}
