import { badRequest, HttpError, notFound, type PluginHttp } from '@hotello/core';
import { BackendUnavailableError, type BookingBackend } from '../backend/booking-backend';
import { todayIn } from '../domain/calendar';
import { parseBookingListQuery } from './booking-list-query';
import { toBookingListView } from './booking-view';

export interface BookingAdminRoutesOptions {
  /** The clock "today" (the default `from`) is read from; tests move it. */
  readonly now?: () => Date;
}

/**
 * `GET /admin/hotels/:hotel/bookings?from=YYYY-MM-DD&to=YYYY-MM-DD&status=held,confirmed&limit=100`
 * on the plugin's admin router (which has already checked the admin credentials and that
 * booking is on at the hotel). Answers `{ hotelId, query, bookings }` by check-in; 400 names
 * every bad parameter; 503 when the hotel's reservation system does not answer.
 */
export function registerBookingAdminRoutes(
  adminRouter: PluginHttp['adminRouter'],
  backendFor: (hotelId: string) => BookingBackend,
  options: BookingAdminRoutesOptions = {},
): void {
  const now = options.now ?? (() => new Date());
  adminRouter.get('/bookings', async (ctx) => {
    const hotel = ctx.state.hotel;
    if (!hotel) throw notFound('unknown hotel');
    const parsed = parseBookingListQuery(ctx.query, todayIn(hotel.timezone, now()));
    if (!parsed.ok) throw badRequest(parsed.problems.join('; '));
    try {
      const bookings = await backendFor(hotel.id).list(hotel.id, parsed.query);
      ctx.body = toBookingListView(hotel.id, parsed.query, bookings);
    } catch (err) {
      if (err instanceof BackendUnavailableError) {
        throw new HttpError(503, 'unavailable', 'the reservation system is not answering; try again shortly');
      }
      throw err;
    }
  });
}
