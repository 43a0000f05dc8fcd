import type { Logger } from '@hotello/core';
import type { Booking, BookingListQuery, BookingRequest, Offer, RoomTypeInfo, StayQuery } from '../../domain/booking';
import type { BookingBackend, CancelChange } from '../booking-backend';
import { changeRefusalError, createRefusalError } from './answer-errors';
import { ReservationApiClient, type HttpBackendOptions } from './reservation-api-client';
import type { RetryBackoffOptions } from './retry-policy';
import { availabilityQuery, bookingListQuery, cancelBody, createBookingBody, hotelPath } from './wire-requests';
import { bookingResponse, bookingsResponse, offersResponse, roomTypesResponse } from './wire-schemas';

export interface HttpBookingBackendDeps {
  readonly logger: Logger;
  /** Waits between attempts; the defaults suit production, tests shorten them. */
  readonly backoff?: RetryBackoffOptions;
}

/**
 * Reservations kept by the hotel's own system, reached over the HTTP contract in
 * `docs/http-backend.md`. Holds expire on that side, so there is no `expireHolds` or `recover`
 * here.
 *
 * Failures: {@link RoomUnavailableError}, {@link BookingNotFoundError} and
 * {@link BookingStateError} when the system says so; {@link ReservationSystemError} (a
 * `BackendUnavailableError`) when it gives no usable answer after the retries, or refuses the
 * request itself (bad key, unknown hotel).
 */
export class HttpBookingBackend implements BookingBackend {
  readonly kind = 'http';
  private readonly api: ReservationApiClient;

  constructor(options: HttpBackendOptions, deps: HttpBookingBackendDeps) {
    this.api = new ReservationApiClient(options, deps);
  }

  async roomTypes(hotelId: string): Promise<readonly RoomTypeInfo[]> {
    return this.api.data({ method: 'GET', path: hotelPath(hotelId, 'room-types'), success: roomTypesResponse, changesState: false });
  }

  async search(hotelId: string, query: StayQuery): Promise<readonly Offer[]> {
    const offers = await this.api.data({
      method: 'GET',
      path: hotelPath(hotelId, 'availability'),
      query: availabilityQuery(query),
      success: offersResponse,
      changesState: false,
    });
    // The interface promises bookable offers, cheapest first, whatever order the system keeps.
    return offers.filter((offer) => offer.available > 0).sort((a, b) => a.total.amount - b.total.amount);
  }

  async create(hotelId: string, request: BookingRequest): Promise<Booking> {
    const path = hotelPath(hotelId, 'bookings');
    const answer = await this.api.call({
      method: 'POST',
      path,
      // The same key on every attempt is what makes retrying a create safe.
      headers: { 'idempotency-key': request.idempotencyKey },
      body: createBookingBody(request),
      success: bookingResponse(hotelId),
      answers: [409],
      changesState: true,
    });
    if (!answer.ok) throw createRefusalError(answer, `POST ${path}`, request.stay.roomType);
    return answer.data;
  }

  async get(hotelId: string, reference: string): Promise<Booking | undefined> {
    const answer = await this.api.call({
      method: 'GET',
      path: hotelPath(hotelId, 'bookings', reference),
      success: bookingResponse(hotelId),
      answers: [404],
      changesState: false,
    });
    return answer.ok ? answer.data : undefined;
  }

  async listForGuest(hotelId: string, identity: string, query?: BookingListQuery): Promise<readonly Booking[]> {
    return this.listBookings(hotelId, bookingListQuery(query, identity), query?.limit);
  }

  async list(hotelId: string, query?: BookingListQuery): Promise<readonly Booking[]> {
    return this.listBookings(hotelId, bookingListQuery(query), query?.limit);
  }

  async cancel(hotelId: string, reference: string, change: CancelChange): Promise<Booking> {
    return this.change(hotelId, reference, 'cancel', cancelBody(change));
  }

  async confirm(hotelId: string, reference: string): Promise<Booking> {
    return this.change(hotelId, reference, 'confirm', {});
  }

  private async listBookings(hotelId: string, query: URLSearchParams, limit: number | undefined): Promise<readonly Booking[]> {
    const bookings = await this.api.data({
      method: 'GET',
      path: hotelPath(hotelId, 'bookings'),
      query,
      success: bookingsResponse(hotelId),
      changesState: false,
    });
    // Soonest first, and no more than asked, even from a system that ignores `limit`.
    const sorted = bookings.sort((a, b) => (a.checkIn < b.checkIn ? -1 : a.checkIn > b.checkIn ? 1 : 0));
    return limit === undefined ? sorted : sorted.slice(0, limit);
  }

  /** Cancel and confirm: idempotent by reference, so they are retried like reads. */
  private async change(hotelId: string, reference: string, action: 'cancel' | 'confirm', body: unknown): Promise<Booking> {
    const path = hotelPath(hotelId, 'bookings', reference, action);
    const answer = await this.api.call({
      method: 'POST',
      path,
      body,
      success: bookingResponse(hotelId),
      answers: [404, 409],
      changesState: true,
    });
    if (!answer.ok) throw changeRefusalError(answer, `POST ${path}`, reference);
    return answer.data;
  }
}
