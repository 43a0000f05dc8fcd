import type { Context, Middleware } from 'koa';
import { forbidden, notFound } from '../http/http-error';
import type { Hotel } from '../kernel/hotel-directory';
import type { AdminAuthenticator } from './admin-auth';
import { mayAccessHotel } from './admin-principal';
import { roleAtLeast, type AdminRole } from './admin-roles';

/** What one admin route demands of its caller. */
export interface AdminAccessRule {
  /** The least role that may use the route; undefined only for middleware shared by routes of several roles. */
  readonly role?: AdminRole;
  /**
   * The hotel the route serves (from its `:hotel` parameter), or undefined when there is no such
   * hotel, or none this route serves. Omit for a route that is not about one hotel.
   */
  readonly hotel?: (ctx: Context) => Hotel | undefined;
}

/**
 * Route-level admin check, attached to every admin route itself so that no path spelling can
 * reach a handler around it: authenticate (401), then the hotel (404), then the role (403).
 * A hotel outside the caller's scope gets exactly the answer an unknown hotel gets, so a key
 * for one hotel cannot learn which other hotels exist; and the hotel is checked before the
 * role for the same reason. Sets `ctx.state.admin` and, for hotel routes, `ctx.state.hotel`.
 */
export function adminAccess(authenticator: AdminAuthenticator, rule: AdminAccessRule): Middleware {
  return async (ctx, next) => {
    const principal = await authenticator.authenticate(ctx);
    if (rule.hotel) {
      const hotel = rule.hotel(ctx);
      if (!hotel || !mayAccessHotel(principal, hotel.id)) throw notFound('unknown hotel');
      ctx.state.hotel = hotel;
    }
    if (rule.role && !roleAtLeast(principal.role, rule.role)) throw forbidden(`this needs the ${rule.role} role or higher`);
    ctx.state.admin = principal;
    await next();
  };
}
