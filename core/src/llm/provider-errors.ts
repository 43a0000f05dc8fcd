import { parseRetryAfter } from '../messaging/retry-after';

/** The HTTP status a provider answered with, when the error carries one (the OpenAI SDK's `APIError` does). */
export function errorStatus(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function header(err: unknown, name: string): string | undefined {
  const headers = (err as { headers?: unknown } | null)?.headers;
  if (!headers || typeof headers !== 'object') return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * How long the provider asked to wait before the next attempt: OpenAI's `retry-after-ms`, else
 * the standard `Retry-After` (seconds or an HTTP date).
 */
export function retryAfterMs(err: unknown, now = Date.now()): number | undefined {
  const ms = Number(header(err, 'retry-after-ms'));
  if (Number.isFinite(ms) && ms >= 0 && header(err, 'retry-after-ms') !== undefined) return ms;
  return parseRetryAfter(header(err, 'retry-after'), now);
}

const CONNECTION_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET']);

/** A request that never got an answer (refused, reset): worth another attempt like a 503. */
export function isConnectionError(err: unknown): boolean {
  const e = err as { name?: unknown; code?: unknown; cause?: unknown } | null;
  if (!e) return false;
  if (e.name === 'APIConnectionError') return true;
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  return e.cause !== undefined && e.cause !== err && isConnectionError(e.cause);
}

/** 429, 5xx and dropped connections are retried; 4xx (bad key, bad request) never are. */
export function isRetryable(err: unknown): boolean {
  const status = errorStatus(err);
  if (status !== undefined) return status === 429 || status >= 500;
  return isConnectionError(err);
}
