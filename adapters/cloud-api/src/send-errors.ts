import { ChannelSendError, parseRetryAfter, type SendFailureKind } from '@hotello/core';

/**
 * Cloud API error codes by what the outbox should do, keyed on `error.code` because Meta answers
 * most of them with HTTP 400 whatever their nature.
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
 */
const THROTTLED = new Set([
  4, // application request limit
  80007, // WhatsApp Business Account rate limit
  130429, // Cloud API throughput reached
  131048, // spam rate limit: too many recent messages were blocked or reported
  131056, // (business, consumer) pair rate limit: too many messages to one guest
]);
/** Re-engagement: more than 24 hours since the guest last wrote; only a template can reach them. */
const OUTSIDE_WINDOW = new Set([131047]);
/** Meta's own trouble: "API unknown", "API service", "something went wrong", "service unavailable". */
const TEMPORARY = new Set([1, 2, 131000, 131016, 133004]);

export function classifyGraphError(httpStatus: number, code: number | undefined): SendFailureKind {
  if (code !== undefined) {
    if (THROTTLED.has(code)) return 'throttled';
    if (OUTSIDE_WINDOW.has(code)) return 'outside_window';
    if (TEMPORARY.has(code)) return 'retryable';
  }
  if (httpStatus === 429) return 'throttled';
  if (httpStatus >= 500) return 'retryable';
  return 'permanent';
}

interface GraphErrorBody {
  error?: { message?: string; code?: number; error_data?: { details?: string } };
}

/** Builds the error the outbox acts on from a non-2xx Graph API answer. */
export function graphSendError(httpStatus: number, body: unknown, retryAfterHeader: string | null): ChannelSendError {
  const error = (body as GraphErrorBody | undefined)?.error;
  const code = typeof error?.code === 'number' ? error.code : undefined;
  const details = error?.error_data?.details;
  const message = `Cloud API ${httpStatus}${code !== undefined ? ` (#${code})` : ''}: ${error?.message ?? 'no error body'}${details ? ` — ${details}` : ''}`;
  return new ChannelSendError(
    classifyGraphError(httpStatus, code),
    message,
    code !== undefined ? String(code) : `http_${httpStatus}`,
    parseRetryAfter(retryAfterHeader),
  );
}
