import { BOT_WIDE, CORE_OWNER, type JobService } from '../jobs/job-service';
import type { Logger } from '../logging/logger';
import type { ConversationStore } from './conversation-store';

export interface ExpirySweeperOptions {
  intervalMs: number;
  logger: Logger;
}

/** Core's bot-wide job that removes expired conversations and message-log rows. */
export const EXPIRY_SWEEP_JOB = 'store.expiry-sweep';
export const EXPIRY_SWEEP_INTERVAL_MS = 60_000;

/**
 * One sweep: removes expired conversations and message-log rows. Needed on every server:
 * FerretDB has no TTL indexes, and even MongoDB's TTL monitor runs only once a minute, while
 * `load` already treats an expired conversation as gone. A failure (database down) is logged;
 * the next sweep tries again.
 */
export async function sweepExpiredOnce(
  store: Pick<ConversationStore, 'sweepExpired'>,
  logger: Pick<Logger, 'info' | 'warn'>,
): Promise<void> {
  const started = Date.now();
  try {
    const removed = await store.sweepExpired();
    if (removed > 0) logger.info({ removed, ms: Date.now() - started }, 'expired conversations removed');
  } catch (err) {
    logger.warn({ err }, 'expiry sweep failed; retrying on the next tick');
  }
}

/**
 * The bot's expiry sweep as a core job: bot-wide (the store sweeps across hotels), every minute,
 * run by one instance however many there are; the stored schedule outlives restarts (the first
 * run of a new schedule is right away). Define it before the job service starts; call the
 * returned `schedule` once the store is open.
 */
export function defineExpirySweep(
  jobs: JobService,
  store: Pick<ConversationStore, 'sweepExpired'>,
  logger: Logger,
): { schedule(): Promise<void> } {
  const job = jobs.define(CORE_OWNER, EXPIRY_SWEEP_JOB, () => sweepExpiredOnce(store, logger), { attempts: 1 }, true);
  return {
    async schedule() {
      await job.repeat({ hotelId: BOT_WIDE, everyMs: EXPIRY_SWEEP_INTERVAL_MS });
    },
  };
}

/**
 * The same sweep on a timer of this process, every `intervalMs`, first right away — for tools
 * that open a store without a bot (the bot itself uses {@link defineExpirySweep}). Runs never
 * overlap. Returns `stop`, which resolves once a sweep in progress has finished.
 */
export function startExpirySweeper(store: Pick<ConversationStore, 'sweepExpired'>, options: ExpirySweeperOptions): () => Promise<void> {
  const { intervalMs, logger } = options;
  if (!Number.isInteger(intervalMs) || intervalMs < 1)
    throw new Error(`expiry sweeper: intervalMs must be a positive integer, got ${intervalMs}`);
  let stopped = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const tick = (): void => {
    running = sweepExpiredOnce(store, logger).finally(() => {
      running = undefined;
      if (!stopped) schedule();
    });
  };

  const schedule = (): void => {
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };

  tick();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
