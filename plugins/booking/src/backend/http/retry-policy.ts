import { DelegateBackoff, handleWhen, retry, type IRetryBackoffContext, type RetryPolicy } from 'cockatiel';
import { AttemptFailure } from './attempt-failure';

/** How long to wait between attempts. */
export interface RetryBackoffOptions {
  /** Base of the first wait; doubles with every attempt. Default 200 ms. */
  readonly initialDelayMs?: number;
  /** Cap of the exponential part. Default 2 000 ms. */
  readonly maxDelayMs?: number;
  /**
   * A `Retry-After` longer than this is not waited for: the call fails at once, since a guest is
   * waiting for the answer. Default 10 000 ms.
   */
  readonly maxRetryAfterMs?: number;
  /** Source of jitter (tests pin it). */
  readonly random?: () => number;
}

export interface CallRetries {
  readonly policy: RetryPolicy;
  /** Whether `err` may pass on another attempt, and its `Retry-After` (if any) is short enough to wait for. */
  retryable(err: unknown): boolean;
  /** Whether a failure of attempt `attempt` (0 for the first) is followed by another attempt. */
  willRetry(err: unknown, attempt: number): boolean;
}

/**
 * Retries {@link AttemptFailure}s up to `retries` times. The wait is exponential with jitter, so
 * many bots hitting one struggling system do not retry in lockstep, and never shorter than the
 * server's `Retry-After`.
 */
export function createCallRetries(retries: number, options: RetryBackoffOptions = {}): CallRetries {
  const initial = options.initialDelayMs ?? 200;
  const max = options.maxDelayMs ?? 2_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;
  const random = options.random ?? Math.random;
  const backoff = new DelegateBackoff((context: IRetryBackoffContext<unknown>) => {
    const exponential = Math.min(max, initial * 2 ** (context.attempt - 1));
    const jittered = exponential / 2 + random() * (exponential / 2);
    const failure = 'error' in context.result ? context.result.error : undefined;
    const retryAfterMs = failure instanceof AttemptFailure ? (failure.details.retryAfterMs ?? 0) : 0;
    return Math.round(Math.max(jittered, retryAfterMs));
  });
  const retryable = (err: unknown): boolean => err instanceof AttemptFailure && (err.details.retryAfterMs ?? 0) <= maxRetryAfterMs;
  return {
    policy: retry(handleWhen(retryable), { maxAttempts: retries, backoff }),
    retryable,
    willRetry: (err, attempt) => attempt < retries && retryable(err),
  };
}
