import type { Middleware } from 'koa';
import { HttpError } from '../http/http-error';
import { bearerToken, sameSecret } from '../http/secrets';

/** Bearer-key check for the admin API; keys are compared in constant time ({@link sameSecret}). */
export function adminAuth(apiKeys: readonly string[]): Middleware {
  return async (ctx, next) => {
    if (apiKeys.length === 0) throw new HttpError(401, 'unauthorized', 'the admin API is disabled: configure admin.apiKeys');
    const given = bearerToken(ctx.get('authorization'));
    if (given === undefined || !apiKeys.some((key) => sameSecret(given, key))) {
      throw new HttpError(401, 'unauthorized', 'missing or invalid admin API key');
    }
    await next();
  };
}
