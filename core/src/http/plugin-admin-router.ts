import { Router } from '@koa/router';
import type { Middleware } from 'koa';
import type { AdminRole } from '../admin/admin-roles';
import { declaredRole } from '../admin/require-role';

/** Where a plugin's admin routes live; `adminRouter.get('/bookings', …)` answers `/admin/hotels/:hotel/bookings`. */
export const PLUGIN_ADMIN_PREFIX = '/admin/hotels/:hotel';

/** The role a plugin admin route needs when it declares none: forgetting to declare one must not open it wider. */
export const DEFAULT_PLUGIN_ADMIN_ROLE: AdminRole = 'admin';

/**
 * Builds the admin check put in front of one route: with the route's role, or with no role for
 * `use()` middleware, which runs for routes of every role.
 */
export type AdminGuardFactory = (role: AdminRole | undefined) => Middleware;

type Register = Router['register'];
type RouterMiddlewareList = Parameters<Register>[2];

/**
 * A plugin's admin router. Every route registered on it, however (`get`, `post`, `all`,
 * `register`, `use`), gets the admin check as its own first middleware, so the check cannot be
 * bypassed by a path that matches the route but not some prefix. Matching is case-sensitive and
 * strict: `/admin/hotels/x/Bookings` and `/admin/hotels/x/bookings/` are not the route.
 */
export class PluginAdminRouter extends Router {
  constructor(private readonly guard: AdminGuardFactory) {
    super({ prefix: PLUGIN_ADMIN_PREFIX, sensitive: true, strict: true });
  }

  override register(...[path, methods, middleware, options]: Parameters<Register>): ReturnType<Register> {
    // A list of paths comes back here once per path; guarding it now would guard it twice.
    if (Array.isArray(path)) return super.register(path, methods, middleware, options);
    const list = Array.isArray(middleware) ? middleware : [middleware];
    const role = methods.length === 0 ? undefined : (declaredRole(list) ?? DEFAULT_PLUGIN_ADMIN_ROLE);
    return super.register(path, methods, [this.guard(role), ...list] as RouterMiddlewareList, options);
  }

  /** Nested routers are copied in without passing through {@link register}, so they are refused. */
  override use(...middleware: unknown[]): ReturnType<Router['use']> {
    if (middleware.some((m) => typeof m === 'function' && 'router' in m && m.router !== undefined)) {
      throw new Error('adminRouter cannot mount another router: declare each admin route on adminRouter itself');
    }
    return Reflect.apply(super.use, this, middleware) as ReturnType<Router['use']>;
  }

  /** Parameter middleware runs before a route's own middleware, so it gets the admin check too. */
  override param(...[name, handler]: Parameters<Router['param']>): ReturnType<Router['param']> {
    const guard = this.guard(undefined);
    return super.param(name, (value, ctx, next) =>
      guard(ctx, async () => {
        await handler(value, ctx, next);
      }),
    );
  }
}
