import type { Command } from 'commander';
import { createBot, type Kernel } from '../kernel/kernel';
import type { Logger } from '../logging/logger';
import type { PluginCommandContext } from '../plugins/define-plugin';

export const DEFAULT_CONFIG = 'config/default.yaml';

/**
 * The config file a command line names: the last `--config <file>`, `--config=<file>`,
 * `-c <file>` or `-c<file>` before a `--`; else `HOTELLO_CONFIG`; else `config/default.yaml`.
 * Commander parses the same option later; reading it here first is what lets the config decide
 * which commands exist.
 */
export function configFileFrom(args: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  let named: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if ((arg === '--config' || arg === '-c') && i + 1 < args.length) named = args[++i];
    else if (arg.startsWith('--config=')) named = arg.slice('--config='.length);
    else if (/^-c[^-]/.test(arg)) named = arg.slice(2);
  }
  return named || env.HOTELLO_CONFIG || DEFAULT_CONFIG;
}

/** A plugin's `commands` hook threw (for example, it added a command name that is taken). */
export class PluginCommandsError extends Error {
  constructor(
    readonly plugin: string,
    cause: unknown,
  ) {
    super(`plugin "${plugin}" could not add its commands: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'PluginCommandsError';
  }
}

function allCommands(root: Command): Command[] {
  return root.commands.flatMap((c) => [c, ...allCommands(c)]);
}

function hasConfigOption(command: Command): boolean {
  return command.options.some((o) => o.long === '--config');
}

export interface PluginCommandsOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** The bot's logger; CLI commands keep stdout for their own output. */
  readonly logger?: Logger;
}

/**
 * Builds the bot from `configFile` (throwing its ConfigError when the file is broken) and lets
 * every planned plugin add its commands to `program`. Returns the bot the commands will get.
 */
export function addPluginCommands(program: Command, configFile: string, options: PluginCommandsOptions = {}): Kernel {
  const bot = createBot({ config: configFile, env: options.env, logger: options.logger });
  const ctx: PluginCommandContext = { configFile, loadBot: () => bot };
  for (const planned of bot.plan.plugins) {
    const hook = planned.definition.commands;
    if (!hook) continue;
    const before = new Set(allCommands(program));
    try {
      hook.call(planned.definition, program, ctx);
    } catch (err) {
      throw new PluginCommandsError(planned.definition.name, err);
    }
    // Leaf commands must accept --config, or commander would refuse the option loadBot read.
    for (const command of allCommands(program)) {
      if (before.has(command) || command.commands.length > 0 || hasConfigOption(command)) continue;
      const flags = command.options.some((o) => o.short === '-c') ? '--config <file>' : '-c, --config <file>';
      command.option(flags, 'config file (else HOTELLO_CONFIG, else config/default.yaml)');
    }
  }
  return bot;
}
