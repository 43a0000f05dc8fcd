import type { Middleware } from 'koa';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import { StoreUnavailableError, StoreValidationError } from '../store/conversation-store';
import { HttpError } from './http-error';

/** Turns errors into JSON answers; only {@link HttpError} messages reach the caller. */
export function errorHandler(logger: Logger, metrics: Metrics): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        ctx.status = 404;
        ctx.body = { error: 'not_found', message: 'no such route' };
      }
    } catch (caught) {
      let err = caught;
      const requestId = ctx.state.requestId as string | undefined;
      if (err instanceof StoreValidationError) err = new HttpError(400, 'bad_request', err.message);
      else if (err instanceof StoreUnavailableError) err = new HttpError(503, 'unavailable', 'storage is unavailable; try again shortly');
      if (err instanceof HttpError) {
        ctx.status = err.status;
        ctx.body = { error: err.code, message: err.message, requestId };
        ((ctx.state.log as Logger | undefined) ?? logger).warn({ status: err.status, code: err.code }, err.message);
        return;
      }
      metrics.errors.inc({ kind: 'http' });
      ((ctx.state.log as Logger | undefined) ?? logger).error({ err }, 'request failed');
      ctx.status = 500;
      ctx.body = { error: 'internal', message: 'internal error', requestId };
    }
  };
}
