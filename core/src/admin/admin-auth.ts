import type { Context, Middleware } from 'koa';
import type { JWTPayload } from 'jose' with { 'resolution-mode': 'import' };
import type { AdminConfig } from '../config/config-schema';
import { HttpError } from '../http/http-error';
import { bearerToken, sameSecret } from '../http/secrets';
import { AdminJwtVerifier } from './admin-jwt-verifier';

/** What opens the admin API: `admin` from the config. */
export type AdminAuthSettings = Pick<AdminConfig, 'apiKeys' | 'jwt'>;

/** Who passed the admin check, in `ctx.state.admin`: an API key, or a token and its claims. */
export type AdminPrincipal = { readonly via: 'api-key' } | { readonly via: 'jwt'; readonly subject?: string; readonly claims: JWTPayload };

const REALM = 'Bearer realm="hotello-admin"';

function deny(ctx: Context, message: string, error?: 'invalid_token'): HttpError {
  ctx.set('WWW-Authenticate', error ? `${REALM}, error="${error}"` : REALM);
  return new HttpError(401, 'unauthorized', message);
}

/**
 * The admin API's gate: `Authorization: Bearer <token>` where the token is one of
 * `admin.apiKeys` (compared in constant time, {@link sameSecret}) or a JWT valid under
 * `admin.jwt`. With neither configured the admin API is off and every request gets 401.
 * A refused token is only ever described as expired or invalid, never why it was invalid.
 */
export function adminAuth(settings: AdminAuthSettings): Middleware {
  const verifier = settings.jwt ? new AdminJwtVerifier(settings.jwt) : undefined;
  const accepted = [settings.apiKeys.length > 0 ? 'API key' : undefined, verifier ? 'token' : undefined].filter(Boolean).join(' or ');
  return async (ctx, next) => {
    if (!accepted) throw deny(ctx, 'the admin API is disabled: configure admin.apiKeys or admin.jwt');
    const given = bearerToken(ctx.get('authorization'));
    if (given === undefined) throw deny(ctx, `missing admin credentials: send "Authorization: Bearer <${accepted}>"`);
    if (settings.apiKeys.some((key) => sameSecret(given, key))) {
      ctx.state.admin = { via: 'api-key' };
      return next();
    }
    const check = await verifier?.verify(given);
    if (check?.ok) {
      ctx.state.admin = { via: 'jwt', claims: check.claims, ...(check.claims.sub !== undefined ? { subject: check.claims.sub } : {}) };
      return next();
    }
    if (check?.reason === 'expired') throw deny(ctx, 'the admin token has expired', 'invalid_token');
    throw deny(ctx, `invalid admin ${accepted}`, 'invalid_token');
  };
}
