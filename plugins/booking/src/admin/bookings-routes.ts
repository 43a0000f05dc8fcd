import { badRequest, HttpError, notFound, requireRole, type AdminRole, type PluginHttp } from '@hotello/core';
import { BackendUnavailableError, type BookingBackend } from '../backend/booking-backend';
import { todayIn } from '../domain/calendar';
import { parseBookingListQuery } from './booking-list-query';
import { toBookingListView } from './booking-view';

/**
 * Listing bookings shows every guest's stay, contact and amount at once: a manager's report.
 * The front desk reaches one guest's booking through their conversation instead.
 */
export const BOOKINGS_LIST_ROLE: AdminRole = 'manager';

export interface BookingAdminRoutesOptions {
  /** The clock "today" (the default `from`) is read from; tests move it. */
  readonly now?: () => Date;
}

/**
 * `GET /admin/hotels/:hotel/bookings?from=YYYY-MM-DD&to=YYYY-MM-DD&status=held,confirmed&limit=100`
 * on the plugin's admin router, for role `manager` and above (the router's check has already
 * verified the admin credentials, that they cover the hotel and that booking is on there). Answers `{ hotelId, query, bookings }` by check-in; 400 names
 * every bad parameter; 503 when the hotel's reservation system does not answer.
 */
export function registerBookingAdminRoutes(
  adminRouter: PluginHttp['adminRouter'],
  backendFor: (hotelId: string) => BookingBackend,
  options: BookingAdminRoutesOptions = {},
): void {
  const now = options.now ?? (() => new Date());
  adminRouter.get('/bookings', requireRole(BOOKINGS_LIST_ROLE), async (ctx) => {
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
