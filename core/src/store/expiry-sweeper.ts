import type { Logger } from '../logging/logger';
import type { ConversationStore } from './conversation-store';

export interface ExpirySweeperOptions {
  intervalMs: number;
  logger: Logger;
}

/**
 * Removes expired conversations and message-log rows every `intervalMs`, first right away.
 * Needed on every server: FerretDB has no TTL indexes, and even MongoDB's TTL monitor runs
 * only once a minute, while `load` already treats an expired conversation as gone. Runs never
 * overlap, and a failure (database down) is logged and retried on the next tick.
 *
 * Returns `stop`, which resolves once a sweep in progress has finished.
 */
export function startExpirySweeper(store: Pick<ConversationStore, 'sweepExpired'>, options: ExpirySweeperOptions): () => Promise<void> {
  const { intervalMs, logger } = options;
  if (!Number.isInteger(intervalMs) || intervalMs < 1)
    throw new Error(`expiry sweeper: intervalMs must be a positive integer, got ${intervalMs}`);
  let stopped = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const sweep = async (): Promise<void> => {
    const started = Date.now();
    try {
      const removed = await store.sweepExpired();
      if (removed > 0) logger.info({ removed, ms: Date.now() - started }, 'expired conversations removed');
    } catch (err) {
      logger.warn({ err }, 'expiry sweep failed; retrying on the next tick');
    }
  };

  const tick = (): void => {
    running = sweep().finally(() => {
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
