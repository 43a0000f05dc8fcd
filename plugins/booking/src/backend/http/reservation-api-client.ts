import { parseRetryAfter, type Logger, type z } from '@hotello/core';
import type { BackendOptions } from '../../options';
import { AttemptFailure, failureFromFetchError } from './attempt-failure';
import { ReservationSystemError } from './reservation-system-error';
import { createCallRetries, type CallRetries, type RetryBackoffOptions } from './retry-policy';
import { errorBody, type ErrorBody } from './wire-schemas';

/** The `http` variant of the `backend` option. */
export type HttpBackendOptions = Extract<BackendOptions, { type: 'http' }>;

/** One call of the wire contract. */
export interface ApiRequest<T> {
  readonly method: 'GET' | 'POST';
  /** Below `baseUrl`, segments already encoded (see `hotelPath`). */
  readonly path: string;
  readonly query?: URLSearchParams;
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Validates a 2xx body and turns it into domain values. */
  readonly success: z.ZodType<T>;
  /** Non-2xx statuses that are answers for the caller to interpret (404, 409), not failures. */
  readonly answers?: readonly number[];
  /** The call changes state, so an attempt that got no clear answer leaves the outcome unknown. */
  readonly changesState: boolean;
}

/** A 2xx with its validated body, or one of the statuses the request listed in `answers`. */
export type ApiAnswer<T> =
  | { readonly ok: true; readonly status: number; readonly data: T }
  | { readonly ok: false; readonly status: number; readonly error?: ErrorBody; readonly attempts: number };

/** What one attempt came back with, before the call knows how many attempts it took. */
type AttemptAnswer<T> = Extract<ApiAnswer<T>, { ok: true }> | Omit<Extract<ApiAnswer<T>, { ok: false }>, 'attempts'>;

export interface ReservationApiClientDeps {
  readonly logger: Logger;
  readonly backoff?: RetryBackoffOptions;
}

/**
 * JSON over HTTP to the reservation system: bearer auth, a timeout per attempt, retries with
 * backoff, validation of every answer.
 *
 * Every call of the contract may be retried, which is why retries are not a per-call choice:
 * reads are harmless, a create sends the same `Idempotency-Key` on every attempt, and cancel and
 * confirm are idempotent by reference. A call that is not safe to repeat must not be added here
 * as is.
 */
export class ReservationApiClient {
  private readonly baseUrl: string;
  private readonly retries: CallRetries;
  private readonly logger: Logger;

  constructor(
    private readonly options: HttpBackendOptions,
    deps: ReservationApiClientDeps,
  ) {
    const url = new URL(options.baseUrl);
    // fetch refuses such URLs on every call; better to say so once, at startup.
    if (url.username || url.password) throw new Error('booking backend baseUrl must not contain credentials: use apiKey');
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.retries = createCallRetries(options.retries, deps.backoff);
    this.logger = deps.logger.child({ component: 'booking-http-backend' });
  }

  /**
   * Makes the call, retrying what may pass. Returns a 2xx (validated) or a listed status; throws
   * {@link ReservationSystemError} for anything else.
   */
  async call<T>(request: ApiRequest<T>): Promise<ApiAnswer<T>> {
    let attempts = 0;
    let mayHaveTakenEffect = false;
    let answer: AttemptAnswer<T>;
    try {
      answer = await this.retries.policy.execute(async ({ attempt }) => {
        attempts = attempt + 1;
        try {
          return await this.attempt(request);
        } catch (err) {
          if (err instanceof AttemptFailure) {
            // Any attempt counts, not only the last: each one carried the same key or reference.
            mayHaveTakenEffect ||= err.details.mayHaveTakenEffect;
            this.logFailure(request, attempt, err.message, { status: err.details.status, willRetry: this.retries.willRetry(err, attempt) });
          }
          throw err;
        }
      });
    } catch (err) {
      throw this.gaveUp(request, err, attempts, request.changesState && mayHaveTakenEffect);
    }
    if (answer.ok) return answer;
    if (!request.answers?.includes(answer.status)) {
      throw this.refused(request, answer, attempts, request.changesState && mayHaveTakenEffect);
    }
    return { ...answer, attempts };
  }

  /** Like {@link call} for requests whose only acceptable answer is a 2xx. */
  async data<T>(request: Omit<ApiRequest<T>, 'answers'>): Promise<T> {
    const answer = await this.call(request);
    if (!answer.ok) throw new Error(`unreachable: ${answer.status} was not an expected answer`);
    return answer.data;
  }

  private async attempt<T>(request: ApiRequest<T>): Promise<AttemptAnswer<T>> {
    const query = request.query?.toString();
    const url = `${this.baseUrl}${request.path}${query ? `?${query}` : ''}`;
    let response: Response;
    let text: string;
    try {
      // One signal for the whole exchange: a server that sends headers and then stalls the body
      // times out too.
      response = await fetch(url, {
        method: request.method,
        headers: this.headersFor(request),
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      text = await response.text();
    } catch (err) {
      throw failureFromFetchError(err, this.options.timeoutMs);
    }

    const status = response.status;
    if (status >= 200 && status < 300) return { ok: true, status, data: parseSuccess(request, status, text) };
    const error = parseErrorBody(text);
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    if (status === 429) {
      // Throttled requests are refused before any work, so they never leave an outcome unknown.
      throw new AttemptFailure('throttled', `429 too many requests${retryAfterText(retryAfterMs)}`, {
        status,
        retryAfterMs,
        mayHaveTakenEffect: false,
      });
    }
    if (status >= 500) {
      throw new AttemptFailure('server-error', `${status}${describeError(error)}`, { status, retryAfterMs, mayHaveTakenEffect: true });
    }
    return { ok: false, status, error };
  }

  private headersFor(request: ApiRequest<unknown>): Record<string, string> {
    return {
      accept: 'application/json',
      ...(request.body !== undefined && { 'content-type': 'application/json' }),
      ...(this.options.apiKey !== undefined && { authorization: `Bearer ${this.options.apiKey}` }),
      ...request.headers,
    };
  }

  private gaveUp(request: ApiRequest<unknown>, err: unknown, attempts: number, outcomeUnknown: boolean): Error {
    if (!(err instanceof AttemptFailure)) return err instanceof Error ? err : new Error(String(err));
    const tooLong = err.details.retryAfterMs !== undefined && !this.retries.retryable(err);
    const last = `${err.message}${tooLong ? ', longer than a guest can wait' : ''}`;
    const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
    const unknown = outcomeUnknown ? '; the change may or may not have been made' : '';
    return new ReservationSystemError(
      `reservation system unavailable: ${request.method} ${request.path} failed after ${tries} (last: ${last})${unknown}`,
      { status: err.details.status, attempts, outcomeUnknown, cause: err },
    );
  }

  private refused(
    request: ApiRequest<unknown>,
    answer: { status: number; error?: ErrorBody },
    attempts: number,
    outcomeUnknown: boolean,
  ): ReservationSystemError {
    const call = `${request.method} ${request.path}`;
    let message: string;
    if (answer.status === 401 || answer.status === 403) {
      const hint = this.options.apiKey === undefined ? 'no apiKey is configured' : 'check apiKey';
      message = `reservation system refused our credentials (${answer.status}) for ${call}: ${hint} in the hotel's booking backend options`;
    } else if (answer.status === 404) {
      message = `reservation system answered 404 for ${call}: check baseUrl, and that it knows this hotel id${describeError(answer.error)}`;
    } else {
      message = `reservation system rejected ${call} with ${answer.status}${describeError(answer.error)}`;
    }
    this.logFailure(request, attempts - 1, message, { status: answer.status, willRetry: false });
    // This answer changed nothing, but an earlier attempt of the same call may have.
    return new ReservationSystemError(message, { status: answer.status, attempts, outcomeUnknown });
  }

  private logFailure(request: ApiRequest<unknown>, attempt: number, reason: string, fields: { status?: number; willRetry: boolean }): void {
    // The path names the hotel and the booking; the query (a guest's phone) and headers (the key) stay out.
    this.logger.warn(
      { call: `${request.method} ${request.path}`, attempt: attempt + 1, of: this.options.retries + 1, ...fields },
      `reservation system call failed: ${reason}`,
    );
  }
}

function parseSuccess<T>(request: ApiRequest<T>, status: number, text: string): T {
  const prefix = `${request.method} ${request.path} answered ${status} with a body that`;
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    throw new AttemptFailure('malformed', `${prefix} is not JSON`, { status, mayHaveTakenEffect: true });
  }
  const parsed = request.success.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`)
    .join('; ');
  // A 2xx says the work was done even though we cannot read what came of it.
  throw new AttemptFailure('malformed', `${prefix} breaks the contract (${issues})`, { status, mayHaveTakenEffect: true });
}

function parseErrorBody(text: string): ErrorBody | undefined {
  try {
    const parsed = errorBody.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function describeError(error: ErrorBody | undefined): string {
  if (!error) return '';
  return ` (${error.error}${error.message ? `: ${error.message}` : ''})`;
}

function retryAfterText(ms: number | undefined): string {
  return ms === undefined ? '' : `, retry after ${Math.ceil(ms / 1000)} s`;
}
