import type { Middleware } from 'koa';
import { forbidden, unauthorized } from '../http/http-error';
import { roleAtLeast, type AdminRole } from './admin-roles';

const DECLARED_ROLE = Symbol('hotello.adminRole');

/** A middleware that also tells the admin router which role its route needs. */
export type RoleRequirement = Middleware & { readonly [DECLARED_ROLE]: AdminRole };

/**
 * Declares the least role a plugin admin route needs, as its first middleware:
 * `adminRouter.get('/bookings', requireRole('manager'), handler)`. The admin router reads the
 * declaration when the route is registered and enforces it in the check it puts in front of
 * the route (after the credentials and the hotel); the middleware checks it again when it runs,
 * so it is safe wherever it is placed.
 */
export function requireRole(role: AdminRole): RoleRequirement {
  const middleware: Middleware = async (ctx, next) => {
    const admin = ctx.state.admin;
    if (!admin) throw unauthorized('missing admin credentials');
    if (!roleAtLeast(admin.role, role)) throw forbidden(`this needs the ${role} role or higher`);
    await next();
  };
  return Object.assign(middleware, { [DECLARED_ROLE]: role });
}

/** The role a route's middleware declares with {@link requireRole}: the highest, if several do. */
export function declaredRole(middleware: readonly unknown[]): AdminRole | undefined {
  let highest: AdminRole | undefined;
  for (const fn of middleware) {
    const role = typeof fn === 'function' ? (fn as Partial<RoleRequirement>)[DECLARED_ROLE] : undefined;
    if (role && !roleAtLeast(highest, role)) highest = role;
  }
  return highest;
}
