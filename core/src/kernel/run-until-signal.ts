import type { Kernel } from './kernel';

/**
 * Stops the bot gracefully on SIGTERM or SIGINT and exits 0; a second signal during the
 * shutdown exits at once (an operator pressing Ctrl-C twice means it).
 */
export function stopOnSignals(bot: Kernel, exit: (code: number) => void = (code) => process.exit(code)): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      bot.logger.warn({ signal }, 'second signal: exiting now');
      exit(1);
      return;
    }
    stopping = true;
    bot
      .stop(`received ${signal}`)
      .then(() => exit(0))
      .catch((err: unknown) => {
        bot.logger.error({ err }, 'shutdown failed');
        exit(1);
      });
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
