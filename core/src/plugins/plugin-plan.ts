import path from 'node:path';
import type { z } from 'zod';
import { ConfigError, joinPath, type ConfigIssue } from '../config/config-error';
import type { ChannelEntry, HotelloConfig } from '../config/config-schema';
import { zodIssuesToConfigIssues } from '../config/zod-issues';
import { deepMerge } from './deep-merge';
import type { ChannelTypeDefinition, PluginDefinition } from './define-plugin';
import { dependencyOrder } from './dependency-order';
import { PluginResolveError, resolvePlugin } from './resolve-plugin';
import { checkServices } from './service-plan';

/** A plugin ready to register: its definition, global options and each hotel's options. */
export interface PlannedPlugin {
  readonly definition: PluginDefinition;
  readonly path: string;
  readonly options: unknown;
  /** Options per hotel id where the plugin is enabled; hotels not in the map have it off. */
  readonly hotels: ReadonlyMap<string, unknown>;
}

/** A hotel's channel with options validated by the adapter plugin that provides the type. */
export interface PlannedChannel {
  readonly hotelId: string;
  readonly id: string;
  readonly type: string;
  readonly plugin: string;
  readonly options: unknown;
}

export interface PluginPlan {
  readonly plugins: readonly PlannedPlugin[];
  readonly channels: readonly PlannedChannel[];
}

function parseWith(schema: z.ZodType | undefined, input: Record<string, unknown>, at: string, issues: ConfigIssue[]): unknown {
  if (!schema) return input;
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  issues.push(...zodIssuesToConfigIssues(result.error, input, at));
  return undefined;
}

/**
 * Turns a validated config into the list of plugins to run, in dependency order, with every
 * plugin's options checked globally and per hotel, and every hotel channel checked against its
 * adapter. Collects all problems and throws one {@link ConfigError} listing them.
 */
export function planPlugins(
  config: HotelloConfig,
  baseDir: string,
  builtins: readonly PluginDefinition[] = [],
  source?: string,
): PluginPlan {
  const issues: ConfigIssue[] = [];
  const loaded: { definition: PluginDefinition; path: string; name: string; dependsOn?: readonly string[]; index: number }[] = [];

  const bound = new Set(config.plugins.map((e) => e.use));
  builtins
    .filter((definition) => !bound.has(definition.name))
    .forEach((definition) =>
      loaded.push({ definition, path: `(built-in ${definition.name})`, name: definition.name, dependsOn: definition.dependsOn, index: -1 }),
    );
  config.plugins.forEach((entry, index) => {
    const at = `plugins[${index}]`;
    // A host-provided plugin (testing kit, embedding app) can be configured by its name.
    const provided = builtins.find((d) => d.name === entry.use);
    if (provided) {
      loaded.push({ definition: provided, path: at, name: provided.name, dependsOn: provided.dependsOn, index });
      return;
    }
    try {
      const definition = resolvePlugin(entry.use, baseDir);
      const clash = loaded.find((p) => p.name === definition.name);
      if (clash) {
        issues.push({ path: `${at}.use`, message: `plugin name "${definition.name}" is already used by ${clash.path}` });
        return;
      }
      loaded.push({ definition, path: at, name: definition.name, dependsOn: definition.dependsOn, index });
    } catch (err) {
      if (!(err instanceof PluginResolveError)) throw err;
      issues.push({ path: `${at}.use`, message: err.message });
    }
  });

  const ordered = dependencyOrder(loaded, issues);
  const names = new Set(loaded.map((p) => p.name));

  config.hotels.forEach((hotel, h) => {
    for (const key of Object.keys(hotel.plugins)) {
      if (!names.has(key))
        issues.push({
          path: `hotels[${h}].plugins.${key}`,
          message: `unknown plugin "${key}"; loaded plugins: ${[...names].join(', ') || 'none'}`,
        });
    }
  });

  const planned: PlannedPlugin[] = ordered.map((p) => {
    const entry = p.index >= 0 ? config.plugins[p.index] : undefined;
    const rawGlobal = entry?.options ?? {};
    const options = parseWith(p.definition.options, rawGlobal, joinPath(p.path, 'options'), issues);
    const hotels = new Map<string, unknown>();
    config.hotels.forEach((hotel, h) => {
      const setting = hotel.plugins[p.name];
      const enabled = setting === undefined ? (entry?.enabled ?? true) : setting !== false;
      if (!enabled) return;
      if (setting && typeof setting === 'object') {
        const merged = deepMerge(rawGlobal, setting);
        hotels.set(hotel.id, parseWith(p.definition.options, merged, `hotels[${h}].plugins.${p.name}`, issues));
      } else hotels.set(hotel.id, options);
    });
    return { definition: p.definition, path: p.path, options, hotels };
  });

  const byName = new Map(planned.map((p) => [p.definition.name, p]));
  config.hotels.forEach((hotel, h) => {
    for (const plugin of planned) {
      if (!plugin.hotels.has(hotel.id)) continue;
      for (const dep of plugin.definition.dependsOn ?? []) {
        const target = byName.get(dep);
        if (target && !target.hotels.has(hotel.id)) {
          issues.push({
            path: `hotels[${h}].plugins`,
            message: `"${plugin.definition.name}" is on for hotel "${hotel.id}" but its dependency "${dep}" is off`,
          });
        }
      }
    }
  });

  checkServices(planned, config.hotels, issues);
  const channels = planChannels(config, planned, issues);
  if (issues.length > 0) throw new ConfigError(issues, source);
  return { plugins: planned, channels };
}

function planChannels(config: HotelloConfig, planned: readonly PlannedPlugin[], issues: ConfigIssue[]): PlannedChannel[] {
  const providers = new Map<string, { plugin: PlannedPlugin; channel: ChannelTypeDefinition }>();
  for (const plugin of planned) for (const channel of plugin.definition.channels ?? []) providers.set(channel.type, { plugin, channel });

  const out: PlannedChannel[] = [];
  config.hotels.forEach((hotel, h) => {
    const ids = new Set<string>();
    hotel.channels.forEach((entry: ChannelEntry, c) => {
      const at = `hotels[${h}].channels[${c}]`;
      const provider = providers.get(entry.type);
      if (!provider) {
        const known = [...providers.keys()];
        issues.push({
          path: `${at}.type`,
          message: `no loaded plugin provides channel type "${entry.type}"${known.length ? `; available: ${known.join(', ')}` : ''}`,
        });
        return;
      }
      if (!provider.plugin.hotels.has(hotel.id)) {
        issues.push({
          path: `${at}.type`,
          message: `channel "${entry.type}" needs plugin "${provider.plugin.definition.name}", which is off for hotel "${hotel.id}"`,
        });
        return;
      }
      const id = entry.id ?? entry.type;
      if (ids.has(id)) issues.push({ path: `${at}.id`, message: `duplicate channel id "${id}" at hotel "${hotel.id}"` });
      ids.add(id);
      const { type: _type, id: _id, ...rest } = entry;
      const options = parseWith(provider.channel.options, rest, at, issues);
      out.push({ hotelId: hotel.id, id, type: entry.type, plugin: provider.plugin.definition.name, options });
    });
  });
  return out;
}

export function configBaseDir(file: string | undefined): string {
  return file ? path.dirname(path.resolve(file)) : process.cwd();
}
