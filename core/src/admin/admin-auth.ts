import type { Context, Middleware } from 'koa';
import type { AdminConfig } from '../config/config-schema';
import type { AdminApiKey } from '../config/admin-api-key-schema';
import { HttpError } from '../http/http-error';
import { bearerToken, sameSecret } from '../http/secrets';
import { AdminJwtVerifier } from './admin-jwt-verifier';
import type { AdminPrincipal } from './admin-principal';
import { jwtPrincipal } from './jwt-principal';

export type { AdminPrincipal } from './admin-principal';

/**
 * What opens the admin API: `admin` from the config. Keys may also be given as plain strings,
 * which mean what they mean in the config: every hotel, role `admin`.
 */
export interface AdminAuthSettings {
  readonly apiKeys: readonly (string | AdminApiKey)[];
  readonly jwt?: AdminConfig['jwt'];
}

const REALM = 'Bearer realm="hotello-admin"';

function deny(ctx: Context, message: string, error?: 'invalid_token'): HttpError {
  ctx.set('WWW-Authenticate', error ? `${REALM}, error="${error}"` : REALM);
  return new HttpError(401, 'unauthorized', message);
}

const fullAccess = (key: string): AdminApiKey => ({ key, hotels: '*', role: 'admin' });

/**
 * Finds who is calling: `Authorization: Bearer <token>` where the token is one of
 * `admin.apiKeys` (compared in constant time, {@link sameSecret}) or a JWT valid under
 * `admin.jwt`. With neither configured the admin API is off and every request gets 401.
 * A refused token is only ever described as expired or invalid, never why it was invalid.
 *
 * Authentication answers only "who"; which hotels and routes they may use is decided per route
 * (`adminAccess`). The answer is remembered per request, so the app-level path gate and the
 * route's own check verify a token once.
 */
export class AdminAuthenticator {
  private readonly keys: readonly AdminApiKey[];
  private readonly verifier?: AdminJwtVerifier;
  private readonly accepted: string;
  private readonly settled = new WeakMap<Context, Promise<AdminPrincipal>>();

  constructor(private readonly settings: AdminAuthSettings) {
    this.keys = settings.apiKeys.map((entry) => (typeof entry === 'string' ? fullAccess(entry) : entry));
    this.verifier = settings.jwt ? new AdminJwtVerifier(settings.jwt) : undefined;
    this.accepted = [this.keys.length > 0 ? 'API key' : undefined, this.verifier ? 'token' : undefined].filter(Boolean).join(' or ');
  }

  /** The caller, or a 401 {@link HttpError} (with its `WWW-Authenticate` challenge set). */
  authenticate(ctx: Context): Promise<AdminPrincipal> {
    let result = this.settled.get(ctx);
    if (!result) {
      result = this.identify(ctx);
      this.settled.set(ctx, result);
    }
    return result;
  }

  private async identify(ctx: Context): Promise<AdminPrincipal> {
    if (!this.accepted) throw deny(ctx, 'the admin API is disabled: configure admin.apiKeys or admin.jwt');
    const given = bearerToken(ctx.get('authorization'));
    if (given === undefined) throw deny(ctx, `missing admin credentials: send "Authorization: Bearer <${this.accepted}>"`);
    // Every key is compared, so the time taken does not tell which entry (if any) matched.
    let match: AdminApiKey | undefined;
    for (const entry of this.keys) if (sameSecret(given, entry.key) && !match) match = entry;
    if (match) return { via: 'api-key', hotels: match.hotels, role: match.role, ...(match.name !== undefined ? { name: match.name } : {}) };
    const check = await this.verifier?.verify(given);
    if (check?.ok) return jwtPrincipal(check.claims, this.settings.jwt!.claims);
    if (check?.reason === 'expired') throw deny(ctx, 'the admin token has expired', 'invalid_token');
    throw deny(ctx, `invalid admin ${this.accepted}`, 'invalid_token');
  }
}

/**
 * Middleware that only authenticates, setting `ctx.state.admin`; it grants nothing by itself.
 * Admin routes use `adminAccess`, which also checks the caller's hotels and role.
 */
export function adminAuth(settings: AdminAuthSettings | AdminAuthenticator): Middleware {
  const authenticator = settings instanceof AdminAuthenticator ? settings : new AdminAuthenticator(settings);
  return async (ctx, next) => {
    ctx.state.admin = await authenticator.authenticate(ctx);
    await next();
  };
}
