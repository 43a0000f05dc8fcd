import { createHash, timingSafeEqual } from 'node:crypto';
import type { Middleware } from 'koa';
import { HttpError } from '../http/http-error';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Bearer-key check for the admin API. Keys are compared as SHA-256 digests in constant time,
 * so neither a key's content nor its length leaks through timing.
 */
export function adminAuth(apiKeys: readonly string[]): Middleware {
  const allowed = apiKeys.map(digest);
  return async (ctx, next) => {
    if (allowed.length === 0) throw new HttpError(401, 'unauthorized', 'the admin API is disabled: configure admin.apiKeys');
    const header = ctx.get('authorization');
    const match = /^Bearer\s+(.+)$/i.exec(header);
    const given = match ? digest(match[1]!.trim()) : undefined;
    if (!given || !allowed.some((key) => timingSafeEqual(key, given))) {
      throw new HttpError(401, 'unauthorized', 'missing or invalid admin API key');
    }
    await next();
  };
}
