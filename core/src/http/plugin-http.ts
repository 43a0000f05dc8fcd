import './koa-augmentation';
import { Router } from '@koa/router';
import { adminAccess } from '../admin/admin-access';
import type { AdminAuthenticator } from '../admin/admin-auth';
import type { HotelDirectory } from '../kernel/hotel-directory';
import { notFound } from './http-error';
import { PluginAdminRouter } from './plugin-admin-router';

export { PLUGIN_ADMIN_PREFIX } from './plugin-admin-router';

/** The HTTP surface a plugin gets: global routes, hotel routes guarded per hotel, and admin routes. */
export interface PluginHttp {
  /** Routes the plugin fully owns (e.g. one webhook that finds the hotel from the payload). */
  readonly router: Router;
  /**
   * Routes with a `:hotel` parameter. They answer 404 — the same as an unknown hotel — for a
   * hotel where the plugin is off, and set `ctx.state.hotel` otherwise.
   */
  readonly hotelRouter: Router;
  /**
   * Staff routes of one hotel, mounted under `/admin/hotels/:hotel` (declare `'/bookings'`, not
   * the full path). Every route gets the admin check as its own first middleware: admin
   * credentials (`admin.apiKeys` or `admin.jwt`: 401 otherwise), then 404 — the same as an
   * unknown hotel — for a hotel the caller's key or token does not cover or where the plugin is
   * off, then 403 when the caller's role is below the route's. A route declares its role with
   * `requireRole('manager')` as its first middleware; without one it needs `admin`. Sets
   * `ctx.state.hotel` and `ctx.state.admin`. Paths match case-sensitively and strictly.
   */
  readonly adminRouter: Router;
}

/** @param authenticator the admin check core's own admin routes use, so both accept the same credentials. */
export function createPluginHttp(plugin: string, hotels: HotelDirectory, authenticator: AdminAuthenticator): PluginHttp {
  const router = new Router();
  const hotelRouter = new Router();
  hotelRouter.param('hotel', async (id, ctx, next) => {
    const hotel = hotels.get(id);
    if (!hotel || !hotels.isEnabled(id, plugin)) throw notFound('unknown hotel');
    ctx.state.hotel = hotel;
    await next();
  });

  const servedHotel = (id: string | undefined) => {
    const hotel = id === undefined ? undefined : hotels.get(id);
    return hotel && hotels.isEnabled(hotel.id, plugin) ? hotel : undefined;
  };
  const adminRouter = new PluginAdminRouter((role) =>
    adminAccess(authenticator, { ...(role ? { role } : {}), hotel: (ctx) => servedHotel(ctx.params?.hotel) }),
  );
  return { router, hotelRouter, adminRouter };
}
