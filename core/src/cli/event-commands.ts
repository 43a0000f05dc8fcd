import type { Command } from 'commander';
import { ConfigError } from '../config/config-error';
import { MAX_DEAD_LETTERS, type DeadLetterView } from '../events/dead-letters';
import { createBot, type Kernel } from '../kernel/kernel';
import type { Logger } from '../logging/logger';
import { configFileFrom } from './plugin-commands';

/** Where the commands write: results to `out` (stdout), problems to `err` (stderr). */
export interface EventCommandOutput {
  out(line: string): void;
  err(line: string): void;
}

interface CommonOptions {
  readonly hotel: string;
  readonly config?: string;
}

/** Opens the store the config names (no HTTP, no plugins started), runs `work`, closes it. */
async function withStore<T>(options: CommonOptions, env: NodeJS.ProcessEnv, logger: Logger, work: (bot: Kernel) => Promise<T>): Promise<T> {
  const bot = createBot({ config: options.config ?? configFileFrom([], env), env, logger });
  if (!bot.hotels.get(options.hotel))
    throw new EventCommandError(
      `unknown hotel "${options.hotel}" (known: ${bot.hotels
        .list()
        .map((h) => h.id)
        .join(', ')})`,
    );
  await bot.store.open();
  try {
    return await work(bot);
  } finally {
    await bot.store.close();
  }
}

/** A problem the operator can fix (a wrong hotel or id): printed without a stack trace. */
export class EventCommandError extends Error {}

function table(rows: readonly DeadLetterView[]): string[] {
  if (rows.length === 0) return ['no dead letters'];
  return rows.map((r) =>
    `${r.id}  ${r.parkedAt ?? r.emittedAt}  ${r.event}  → ${r.listener}  (${r.attempts} attempts)  ${r.lastError ?? ''}`.trimEnd(),
  );
}

/**
 * `hotello events dead --hotel <id> [--limit n] [--json]` and
 * `hotello events replay --hotel <id> (--id <dead letter id> | --all)`: the admin API's dead-letter
 * routes for operators at a shell. A running bot picks replayed events up on its next sweep.
 */
export function addEventCommands(program: Command, output: EventCommandOutput, env: NodeJS.ProcessEnv, logger: Logger): void {
  const events = program.command('events').description('events a plugin listener could not take: list and replay them');
  const run = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      if (!(err instanceof EventCommandError) && !(err instanceof ConfigError)) throw err;
      output.err(err.message);
      process.exitCode = 1;
    }
  };

  events
    .command('dead')
    .description("a hotel's dead letters, newest first")
    .requiredOption('--hotel <id>', 'hotel id')
    .option('--limit <n>', `at most this many (default 50, at most ${MAX_DEAD_LETTERS})`)
    .option('--json', 'print JSON, the same as GET /admin/hotels/:hotel/events/dead')
    .option('-c, --config <file>', 'config file (else HOTELLO_CONFIG, else config/default.yaml)')
    .action((opts: CommonOptions & { limit?: string; json?: boolean }) =>
      run(async () => {
        const limit = opts.limit === undefined ? 50 : Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > MAX_DEAD_LETTERS)
          throw new EventCommandError(`--limit: expected a whole number from 1 to ${MAX_DEAD_LETTERS}, got "${opts.limit}"`);
        const rows = await withStore(opts, env, logger, (bot) => bot.deadLetters.list(opts.hotel, limit));
        if (opts.json) output.out(JSON.stringify({ deadLetters: rows }, null, 2));
        else table(rows).forEach((line) => output.out(line));
      }),
    );

  events
    .command('replay')
    .description('put dead letters back in the queue: one by id, or all of a hotel')
    .requiredOption('--hotel <id>', 'hotel id')
    .option('--id <id>', 'the dead letter (as `events dead` prints it)')
    .option('--all', 'every dead letter of the hotel')
    .option('-c, --config <file>', 'config file (else HOTELLO_CONFIG, else config/default.yaml)')
    .action((opts: CommonOptions & { id?: string; all?: boolean }) =>
      run(async () => {
        if (!opts.id === !opts.all) throw new EventCommandError('give either --id <id> or --all');
        const replayed = await withStore(opts, env, logger, (bot) => bot.deadLetters.replay(opts.hotel, opts.id));
        if (opts.id && replayed === 0) throw new EventCommandError(`no dead letter "${opts.id}" at hotel ${opts.hotel}`);
        output.out(`${replayed} event${replayed === 1 ? '' : 's'} back in the queue`);
      }),
    );
}
