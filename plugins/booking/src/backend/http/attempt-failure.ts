/**
 * Why one attempt got no usable answer. All of these are worth another attempt (the request is
 * safe to repeat); they differ in whether the first one may have taken effect.
 */
export type AttemptFailureKind = 'timeout' | 'network' | 'server-error' | 'throttled' | 'malformed';

/**
 * One attempt at a call failed in a way that may pass: no answer in time, no connection, a 5xx,
 * a 429, or a 2xx whose body breaks the contract. Internal to the HTTP backend: callers see
 * {@link ReservationSystemError} once the retries are used up.
 */
export class AttemptFailure extends Error {
  constructor(
    readonly kind: AttemptFailureKind,
    message: string,
    readonly details: {
      readonly status?: number;
      /** What the server asked for in `Retry-After`. */
      readonly retryAfterMs?: number;
      /** False only when the request certainly never reached the server's logic. */
      readonly mayHaveTakenEffect: boolean;
    },
  ) {
    super(message);
    this.name = 'AttemptFailure';
  }
}

/** Connection errors that happen before a single byte of the request was sent. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** Classifies what `fetch` (or reading its body) threw. */
export function failureFromFetchError(err: unknown, timeoutMs: number): AttemptFailure {
  // Compared by name: the abort error may come from another realm, where instanceof fails.
  const error = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (error.name === 'TimeoutError') {
    return new AttemptFailure('timeout', `no answer within ${timeoutMs} ms`, { mayHaveTakenEffect: true });
  }
  const code = error.cause?.code;
  const reason = error.cause?.message ?? error.message ?? String(err);
  return new AttemptFailure('network', `network error: ${reason}`, { mayHaveTakenEffect: !(code && NOT_SENT_CODES.has(code)) });
}
