import './koa-augmentation';
import type { Middleware } from 'koa';
import getRawBody from 'raw-body';
import { HttpError } from './http-error';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads the body once, keeps the raw bytes, and parses JSON and form bodies.
 * Too large → 413, malformed or absurdly nested → 400, before any handler runs, so nothing is stored.
 */
export function bodyParser(limit: number | string): Middleware {
  return async (ctx, next) => {
    if (!METHODS_WITH_BODY.has(ctx.method)) return next();
    let raw: Buffer;
    try {
      raw = await getRawBody(ctx.req, { limit, length: ctx.request.length });
    } catch (err) {
      const e = err as { type?: string; status?: number };
      if (e.type === 'entity.too.large') throw new HttpError(413, 'payload_too_large', `request body exceeds ${limit}`);
      if (e.type === 'request.aborted') throw new HttpError(400, 'bad_request', 'request aborted');
      throw new HttpError(400, 'bad_request', 'cannot read request body');
    }
    ctx.request.rawBody = raw;
    if (raw.length > 0) {
      if (ctx.request.is('application/json', '+json')) {
        const text = raw.toString('utf8');
        if (nestsDeeperThan(text)) throw new HttpError(400, 'bad_request', `JSON body nested deeper than ${MAX_JSON_DEPTH} levels`);
        try {
          ctx.request.body = JSON.parse(text);
        } catch {
          throw new HttpError(400, 'bad_request', 'malformed JSON body');
        }
      } else if (ctx.request.is('application/x-www-form-urlencoded')) {
        const text = raw.toString('utf8');
        if (!/^[\x20-\x7e]*$/.test(text)) throw new HttpError(400, 'bad_request', 'malformed form body');
        try {
          ctx.request.body = Object.fromEntries(new URLSearchParams(text));
        } catch {
          throw new HttpError(400, 'bad_request', 'malformed form body');
        }
      }
    }
    await next();
  };
}
