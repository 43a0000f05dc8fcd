import path from 'node:path';
import { isPluginDefinition, type PluginDefinition } from './define-plugin';

export class PluginResolveError extends Error {}

function isLocalPath(spec: string): boolean {
  return spec.startsWith('.') || path.isAbsolute(spec);
}

/**
 * Loads a plugin named in the config: a package name is resolved like any import (from the
 * config's folder first, then from Hotello's own install), a path relative to the config file.
 * Accepts a default export, a `plugin` export, or the module itself.
 */
export function resolvePlugin(spec: string, baseDir: string): PluginDefinition {
  let target: string;
  try {
    target = isLocalPath(spec)
      ? require.resolve(path.resolve(baseDir, spec))
      : require.resolve(spec, { paths: [baseDir, process.cwd(), __dirname] });
  } catch {
    throw new PluginResolveError(
      isLocalPath(spec)
        ? `cannot find plugin file ${path.resolve(baseDir, spec)}`
        : `cannot find plugin package "${spec}" (is it installed?)`,
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- plugins are named at run time
  const mod = require(target) as Record<string, unknown>;
  const candidate = mod.default ?? mod.plugin ?? mod;
  if (!isPluginDefinition(candidate)) {
    throw new PluginResolveError(`"${spec}" does not export a plugin (expected definePlugin({ name, register }))`);
  }
  return candidate;
}
