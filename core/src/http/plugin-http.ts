import './koa-augmentation';
import { Router } from '@koa/router';
import type { HotelDirectory } from '../kernel/hotel-directory';
import { notFound } from './http-error';

/** The HTTP surface a plugin gets: global routes, and hotel routes guarded per hotel. */
export interface PluginHttp {
  /** Routes the plugin fully owns (e.g. one webhook that finds the hotel from the payload). */
  readonly router: Router;
  /**
   * Routes with a `:hotel` parameter. They answer 404 — the same as an unknown hotel — for a
   * hotel where the plugin is off, and set `ctx.state.hotel` otherwise.
   */
  readonly hotelRouter: Router;
}

export function createPluginHttp(plugin: string, hotels: HotelDirectory): PluginHttp {
  const router = new Router();
  const hotelRouter = new Router();
  hotelRouter.param('hotel', async (id, ctx, next) => {
    const hotel = hotels.get(id);
    if (!hotel || !hotels.isEnabled(id, plugin)) throw notFound('unknown hotel');
    ctx.state.hotel = hotel;
    await next();
  });
  return { router, hotelRouter };
}
