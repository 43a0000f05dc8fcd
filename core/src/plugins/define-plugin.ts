import type { Command } from 'commander';
import type { z } from 'zod';
import type { Kernel } from '../kernel/kernel';
import type { PluginContext } from './plugin-context';
import type { PluginLifecycle } from './plugin-lifecycle';
import type { ServiceToken } from './service-token';

/** A channel type an adapter plugin provides, with the schema of one hotel's channel entry. */
export interface ChannelTypeDefinition<S extends z.ZodType = z.ZodType> {
  /** The `type` operators write under `hotels[].channels[]`, e.g. `cloud-api`. */
  readonly type: string;
  /** Validates one channel entry (without `type`/`id`, which core checks). */
  readonly options: S;
}

/** What a plugin's {@link PluginDefinition.commands} receives besides the `hotello` program. */
export interface PluginCommandContext {
  /** The config file named on the command line (`--config`/`-c`), else `HOTELLO_CONFIG`, else `config/default.yaml`. */
  readonly configFile: string;
  /**
   * The bot built from {@link PluginCommandContext.configFile}: config and plugin options validated, nothing
   * registered, started or listening. The command opens what it needs (`await bot.store.open()`)
   * and closes it again. Every call returns the same bot.
   */
  loadBot(): Kernel;
}

/**
 * A Hotello plugin. Integrators write these with {@link definePlugin}; the kernel loads them
 * from the config in dependency order, validates their options with `options`, calls
 * `register` for all, then the `start` each returned, and each `stop` in reverse order on shutdown.
 */
export interface PluginDefinition<S extends z.ZodType = z.ZodType> {
  /** Unique name; hotels refer to the plugin by it (`hotels[].plugins.<name>`). */
  readonly name: string;
  readonly description?: string;
  /** Names of plugins that must register first and be enabled wherever this one is. */
  readonly dependsOn?: readonly string[];
  /** Schema of the plugin's options; per-hotel overrides are merged in and validated too. */
  readonly options?: S;
  /** Channel types this plugin provides (channel adapters only). */
  readonly channels?: readonly ChannelTypeDefinition[];
  /**
   * Services (tsyringe tokens, e.g. `InjectionToken<BookingService>`) this plugin provides with
   * `ctx.services.provide(token, value)` in `register`.
   */
  readonly provides?: readonly ServiceToken[];
  /**
   * Services of other plugins this plugin gets with `services.get(token)`. Each provider must be
   * in `dependsOn` and on wherever this plugin is on; the bot refuses to start otherwise.
   */
  readonly uses?: readonly ServiceToken[];
  /**
   * Declares everything the plugin contributes. Runs once, with the global options. What it
   * builds reaches the running bot through the returned `{ start?, stop? }` closures.
   */
  register(ctx: PluginContext<z.output<S>>, options: z.output<S>): void | PluginLifecycle | Promise<void | PluginLifecycle>;
  /**
   * Adds the plugin's subcommands to the `hotello` CLI (`program.command('bookings')…`). Runs
   * when the first argument is not one of core's commands, for every plugin in the config, before
   * the command line is parsed. Each new command that declares no `--config` gets
   * `-c, --config <file>`, the file {@link PluginCommandContext.loadBot} reads.
   */
  commands?(program: Command, ctx: PluginCommandContext): void;
}

/** Identity helper that gives a plugin literal full type inference for its options. */
export function definePlugin<S extends z.ZodType = z.ZodObject<Record<string, never>>>(
  definition: PluginDefinition<S>,
): PluginDefinition<S> {
  return definition;
}

export function isPluginDefinition(value: unknown): value is PluginDefinition {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Partial<PluginDefinition>;
  return typeof candidate.name === 'string' && candidate.name.length > 0 && typeof candidate.register === 'function';
}
