/** A job defined wrongly: a bad name or options, the same name twice, or `define` after the bot started. */
export class JobDefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobDefinitionError';
  }
}

/**
 * A `schedule`, `repeat` or `cancel` that cannot be done as asked: a job never defined, an unknown
 * hotel or one where the plugin is off, a bad time, cron expression or key, data that is not JSON.
 */
export class JobScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobScheduleError';
  }
}

/** A run whose handler threw on its last attempt: recorded failed (logged, counted, kept by the backend). */
export class JobHandlerError extends Error {
  constructor(
    readonly job: string,
    readonly hotelId: string,
    readonly key: string,
    readonly attempts: number,
    cause: unknown,
  ) {
    super(`job "${job}" for hotel "${hotelId}" (key "${key}") failed after ${attempts} attempt(s): ${messageOf(cause)}`, { cause });
    this.name = 'JobHandlerError';
  }
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
