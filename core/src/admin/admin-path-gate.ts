import type { Middleware } from 'koa';
import { normalizeRequestPath } from '../http/normalize-path';
import type { AdminAuthenticator } from './admin-auth';

/** Whether a request path, however spelled, means `/admin` or something below it. */
export function isAdminPath(path: string): boolean {
  const normalized = normalizeRequestPath(path);
  return normalized === '/admin' || normalized.startsWith('/admin/');
}

/**
 * Defence in depth, mounted before every router: any request whose path normalises to `/admin`
 * or below must carry valid admin credentials (401 otherwise), whether or not a route matches
 * it. Each admin route still checks the caller itself (hotels, role); this gate only makes sure
 * that a router that matches paths more loosely than expected, or a future route registered
 * without its check, cannot answer an anonymous caller.
 */
export function adminPathGate(authenticator: AdminAuthenticator): Middleware {
  return async (ctx, next) => {
    // ctx.path is what routers match; the raw target is checked too in case a parser read it differently.
    if (isAdminPath(ctx.path) || isAdminPath(ctx.url.split('?')[0] ?? '')) await authenticator.authenticate(ctx);
    await next();
  };
}
