import './koa-augmentation';
import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';

const VALID_ID = /^[\w.:-]{1,128}$/;

/**
 * Gives each request a correlation id (the caller's `X-Request-Id` when it is sane), a child
 * logger carrying it, and records the request in the metrics.
 */
export function requestContext(logger: Logger, metrics: Metrics): Middleware {
  return async (ctx, next) => {
    const given = ctx.get('x-request-id');
    const requestId = VALID_ID.test(given) ? given : randomUUID();
    ctx.state.requestId = requestId;
    ctx.state.log = logger.child({ requestId });
    ctx.set('X-Request-Id', requestId);
    const stop = metrics.httpDuration.startTimer({ method: ctx.method });
    try {
      await next();
    } finally {
      const route = typeof ctx._matchedRoute === 'string' ? ctx._matchedRoute : 'unmatched';
      stop({ route });
      metrics.httpRequests.inc({ method: ctx.method, route, status: String(ctx.status) });
    }
  };
}
