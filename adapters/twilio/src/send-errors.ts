import { ChannelSendError, type SendFailureKind } from '@hotello/core';

/**
 * Twilio error codes by what the outbox should do. https://www.twilio.com/docs/api/errors
 */
/** 63016: free-form message outside the 24-hour window — only a template can be sent. */
const OUTSIDE_WINDOW = new Set([63016]);
const THROTTLED = new Set([
  20429, // too many requests
  63018, // rate limit exceeded for the WhatsApp sender
  14107, // message rate limit exceeded
]);
const TEMPORARY = new Set([
  20500, // internal server error
  20503, // service unavailable
  30001, // queue overflow
]);

export function classifyTwilioError(httpStatus: number | undefined, code: number | undefined): SendFailureKind {
  if (code !== undefined) {
    if (OUTSIDE_WINDOW.has(code)) return 'outside_window';
    if (THROTTLED.has(code)) return 'throttled';
    if (TEMPORARY.has(code)) return 'retryable';
  }
  if (httpStatus === undefined || httpStatus === 429) return httpStatus === 429 ? 'throttled' : 'retryable';
  if (httpStatus >= 500) return 'retryable';
  // 21211 invalid To, 21610 unsubscribed, 63003 not on WhatsApp, 63024 invalid recipient,
  // 20003 bad credentials… none of these succeed when repeated.
  return 'permanent';
}

/** Turns what the twilio client threw into the error the outbox acts on. */
export function twilioSendError(err: unknown, retryAfterMs: number | undefined): ChannelSendError {
  const e = err as { status?: number; code?: number | string; message?: string; moreInfo?: string };
  // RestException carries the HTTP status; anything without one never got an answer (network, timeout).
  const status = typeof e.status === 'number' ? e.status : undefined;
  const code = typeof e.code === 'number' ? e.code : undefined;
  const kind = classifyTwilioError(status, code);
  const message =
    status === undefined
      ? `Twilio unreachable: ${e.message ?? String(err)}`
      : `Twilio ${status}${code !== undefined ? ` (${code})` : ''}: ${e.message ?? 'no error body'}${e.moreInfo ? ` — ${e.moreInfo}` : ''}`;
  return new ChannelSendError(
    kind,
    message,
    code !== undefined ? String(code) : status !== undefined ? `http_${status}` : undefined,
    retryAfterMs,
  );
}
