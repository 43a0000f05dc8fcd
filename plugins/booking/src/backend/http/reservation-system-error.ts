import { BackendUnavailableError } from '../booking-backend';

/**
 * The reservation system gave no usable answer: retries used up on timeouts, network errors, 5xx,
 * 429 or malformed bodies, or a refusal that retrying cannot fix (401, 403, another 4xx). A
 * {@link BackendUnavailableError}, so flows treat it like any unavailable backend; the extra
 * fields are for logs, operators and tests.
 */
export class ReservationSystemError extends BackendUnavailableError {
  constructor(
    message: string,
    readonly details: {
      /** The last HTTP status received, if any answer came at all. */
      readonly status?: number;
      /** How many attempts were made. */
      readonly attempts: number;
      readonly outcomeUnknown?: boolean;
      readonly cause?: unknown;
    },
  ) {
    super(message, details.outcomeUnknown ?? false, details.cause);
    this.name = 'ReservationSystemError';
  }

  get status(): number | undefined {
    return this.details.status;
  }

  get attempts(): number {
    return this.details.attempts;
  }
}
