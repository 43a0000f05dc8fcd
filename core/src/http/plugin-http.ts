import './koa-augmentation';
import { Router } from '@koa/router';
import type { Middleware } from 'koa';
import type { HotelDirectory } from '../kernel/hotel-directory';
import { notFound } from './http-error';

/** Where a plugin's admin routes live; `adminRouter.get('/bookings', …)` answers `/admin/hotels/:hotel/bookings`. */
export const PLUGIN_ADMIN_PREFIX = '/admin/hotels/:hotel';

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
   * the full path). Every route first requires admin credentials (`admin.apiKeys` or
   * `admin.jwt`: 401 otherwise), then answers 404 for an unknown hotel or one where the
   * plugin is off, and sets `ctx.state.hotel` and `ctx.state.admin`.
   */
  readonly adminRouter: Router;
}

/** @param adminAuth the admin check core's own admin routes use, so both accept the same credentials. */
export function createPluginHttp(plugin: string, hotels: HotelDirectory, adminAuth: Middleware): PluginHttp {
  const router = new Router();
  const hotelRouter = new Router();
  hotelRouter.param('hotel', async (id, ctx, next) => {
    const hotel = hotels.get(id);
    if (!hotel || !hotels.isEnabled(id, plugin)) throw notFound('unknown hotel');
    ctx.state.hotel = hotel;
    await next();
  });

  // Router-level middleware runs only for requests that match one of the plugin's routes, so
  // paths the plugin does not serve fall through to other routers untouched.
  const adminRouter = new Router({ prefix: PLUGIN_ADMIN_PREFIX });
  adminRouter.use(adminAuth);
  adminRouter.use(async (ctx, next) => {
    // Credentials are checked first: an unauthenticated caller cannot probe which hotels exist.
    const id = ctx.params.hotel ?? '';
    const hotel = hotels.get(id);
    if (!hotel || !hotels.isEnabled(id, plugin)) throw notFound('unknown hotel');
    ctx.state.hotel = hotel;
    await next();
  });
  return { router, hotelRouter, adminRouter };
}
