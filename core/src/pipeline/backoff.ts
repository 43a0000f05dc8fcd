/**
 * Delay before send attempt `attempt + 1`: exponential with full jitter (so many failing
 * senders do not retry in lockstep), at least what the provider asked for in Retry-After.
 */
export function backoffDelay(attempt: number, retryAfterMs?: number, random: () => number = Math.random): number {
  const base = 500;
  const cap = 5 * 60_000;
  const exponential = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(exponential / 2 + random() * (exponential / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}
