import { DelegateBackoff, handleWhen, retry, timeout, TimeoutStrategy, TaskCancelledError, wrap } from 'cockatiel';
import { isRetryable, retryAfterMs } from './provider-errors';

export interface CallPolicyOptions {
  /** Per attempt. */
  readonly timeoutMs: number;
  readonly retries: number;
  /** A longer Retry-After is not waited for: the error is returned at once. */
  readonly maxRetryAfterMs: number;
  /** The caller's own abort. */
  readonly signal?: AbortSignal;
  /**
   * Leave the attempt's signal live after it returns: a stream is read after its first piece
   * arrived, and aborting its signal then would cut it off.
   */
  readonly keepSignal?: boolean;
}

/** How a policy-run call ended: its value, or its last error, and how many attempts it took. */
export type PolicyResult<T> =
  | { readonly ok: true; readonly value: T; readonly attempts: number }
  | { readonly ok: false; readonly error: unknown; readonly timedOut: boolean; readonly attempts: number };

/** Exponential backoff with jitter where the provider gave no Retry-After: 0.5 s, 1 s, 2 s… up to 8 s. */
function backoffMs(attempt: number): number {
  const base = Math.min(8_000, 500 * 2 ** (attempt - 1));
  return Math.round(base / 2 + Math.random() * (base / 2));
}

/**
 * Runs one provider call under cockatiel: a timeout per attempt (aggressive: the attempt's signal
 * is aborted and the wait ends even if the client ignores the signal), and retries of 429, 5xx and
 * dropped connections after the provider's Retry-After (or a backoff). A timed-out attempt is not
 * retried: a model that is slow now is usually slow a second later, and callers pay for the wait.
 */
export async function runWithPolicy<T>(fn: (signal: AbortSignal) => Promise<T>, options: CallPolicyOptions): Promise<PolicyResult<T>> {
  let attempts = 0;
  const retryable = (err: Error) => {
    if (err instanceof TaskCancelledError || !isRetryable(err)) return false;
    const wait = retryAfterMs(err);
    return wait === undefined || wait <= options.maxRetryAfterMs;
  };
  const policy = wrap(
    retry(handleWhen(retryable), {
      maxAttempts: options.retries,
      backoff: new DelegateBackoff((ctx) => {
        const error = 'error' in ctx.result ? ctx.result.error : undefined;
        return retryAfterMs(error) ?? backoffMs(ctx.attempt);
      }),
    }),
    timeout(options.timeoutMs, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: !options.keepSignal }),
  );
  try {
    const value = await policy.execute(({ signal }) => {
      attempts += 1;
      return fn(signal);
    }, options.signal);
    return { ok: true, value, attempts };
  } catch (error) {
    const timedOut = error instanceof TaskCancelledError && !options.signal?.aborted;
    return { ok: false, error, timedOut, attempts };
  }
}
