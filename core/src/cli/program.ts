import { Command } from 'commander';
import { ConfigError } from '../config/config-error';
import { createBot } from '../kernel/kernel';
import { stopOnSignals } from '../kernel/run-until-signal';
import { createLogger } from '../logging/logger';
import { addEventCommands } from './event-commands';
import { addPluginCommands, configFileFrom, DEFAULT_CONFIG, PluginCommandsError } from './plugin-commands';

/** Where core's commands write: results to `out` (stdout), problems to `err` (stderr). */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const stdio: Output = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

export interface CliOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly output?: Output;
  /** The root command to fill; tests pass one with `exitOverride()` and captured output. */
  readonly program?: Command;
}

function addCoreCommands(program: Command, output: Output): void {
  program
    .command('validate')
    .description('check a config file and every plugin option in it; lists all problems')
    .argument('[file]', 'config file', DEFAULT_CONFIG)
    .action((file: string) => {
      try {
        const bot = createBot({ config: file });
        output.out(`${file}: OK (${bot.hotels.list().length} hotels, ${bot.plan.plugins.length} plugins)`);
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        output.err(err.message);
        process.exitCode = 1;
      }
    });

  program
    .command('start')
    .description('run a bot (PORT overrides the configured port)')
    .argument('[file]', 'config file', DEFAULT_CONFIG)
    .action(async (file: string) => {
      let bot;
      try {
        bot = createBot({ config: file });
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        output.err(err.message);
        process.exit(1);
      }
      stopOnSignals(bot);
      await bot.start();
      const port = await bot.listen();
      output.err(`Hotello is running on http://localhost:${port}`);
    });
}

/** Help without a command: plugin commands are listed when the config loads, and their absence explained when not. */
function isHelpRequest(first: string | undefined): boolean {
  return first === undefined || first === 'help' || first === '--help' || first === '-h';
}

/**
 * Builds the `hotello` program for a command line (`args` without `node` and the script):
 * core's commands, and, when the first argument is not one of them, the commands of every
 * plugin in the config the line names. Returns undefined when that config is broken or a
 * plugin's commands could not be added; the reason was printed and the exit code set to 1.
 */
export function createCli(args: readonly string[], options: CliOptions = {}): Command | undefined {
  const output = options.output ?? stdio;
  const env = options.env ?? process.env;
  const program = options.program ?? new Command('hotello');
  program.description('Hotello WhatsApp bot framework for hotels');
  addCoreCommands(program, output);
  // Logs go to stderr and only when something is wrong, so stdout carries the command's output.
  addEventCommands(program, output, env, createLogger({ level: 'warn', destination: process.stderr }));

  const first = args[0];
  const isCore =
    first !== undefined && (first.startsWith('-') || program.commands.some((c) => c.name() === first || c.aliases().includes(first)));
  if (isCore && !isHelpRequest(first)) return program;

  const configFile = configFileFrom(args, env);
  // Logs go to stderr and only when something is wrong, so stdout carries the command's output.
  const logger = createLogger({ level: 'warn', destination: process.stderr });
  try {
    addPluginCommands(program, configFile, { env, logger });
  } catch (err) {
    if (isHelpRequest(first)) {
      program.addHelpText(
        'after',
        `\nPlugin commands are not listed: ${configFile} could not be loaded (see "hotello validate ${configFile}").`,
      );
      return program;
    }
    if (!(err instanceof ConfigError) && !(err instanceof PluginCommandsError)) throw err;
    output.err(err.message);
    if (err instanceof ConfigError) output.err(`("${first}" is not a core command; plugin commands come from ${configFile})`);
    process.exitCode = 1;
    return undefined;
  }
  return program;
}

/** Runs the `hotello` command line; resolves when the command finished (or, for `start`, is listening). */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<void> {
  const program = createCli(args, options);
  if (!program) return;
  await program.parseAsync([...args], { from: 'user' });
}
