/** Longest wait a provider's Retry-After is trusted for; beyond it the outbox's own backoff decides. */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Reads an HTTP `Retry-After` header — delay-seconds or an HTTP date (RFC 9110 §10.2.3) — as
 * milliseconds from `now`. Returns undefined when absent, unreadable or absurd, so a broken
 * header never parks a reply for days.
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  let ms: number;
  if (/^\d+(?:\.\d+)?$/.test(value)) ms = Math.ceil(Number(value) * 1000);
  else {
    // An HTTP date always names a weekday or month; without letters Date.parse guesses wildly ("-5" is a year).
    if (!/[a-z]/i.test(value)) return undefined;
    const at = Date.parse(value);
    if (Number.isNaN(at)) return undefined;
    ms = Math.max(0, at - now);
  }
  return ms <= MAX_RETRY_AFTER_MS ? ms : undefined;
}
