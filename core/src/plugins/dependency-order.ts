import type { ConfigIssue } from '../config/config-error';

export interface OrderablePlugin {
  readonly name: string;
  readonly dependsOn?: readonly string[];
  /** Where the plugin is named in the config, for error paths. */
  readonly path: string;
}

/**
 * Orders plugins so each comes after its dependencies, keeping config order otherwise.
 * Reports every missing dependency and every cycle (with the cycle spelled out).
 */
export function dependencyOrder<T extends OrderablePlugin>(plugins: readonly T[], issues: ConfigIssue[]): T[] {
  const byName = new Map(plugins.map((p) => [p.name, p]));
  for (const plugin of plugins) {
    for (const dep of plugin.dependsOn ?? []) {
      if (!byName.has(dep)) {
        issues.push({ path: plugin.path, message: `plugin "${plugin.name}" depends on "${dep}", which is not in the config` });
      }
    }
  }

  const ordered: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const reportedCycles = new Set<string>();

  const visit = (plugin: T, trail: string[]): void => {
    const seen = state.get(plugin.name);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(plugin.name)), plugin.name];
      const key = [...cycle].slice(0, -1).sort().join(',');
      if (!reportedCycles.has(key)) {
        reportedCycles.add(key);
        issues.push({ path: plugin.path, message: `plugin dependency cycle: ${cycle.join(' → ')}` });
      }
      return;
    }
    state.set(plugin.name, 'visiting');
    for (const dep of plugin.dependsOn ?? []) {
      const target = byName.get(dep);
      if (target) visit(target, [...trail, plugin.name]);
    }
    state.set(plugin.name, 'done');
    ordered.push(plugin);
  };

  for (const plugin of plugins) visit(plugin, []);
  return ordered;
}
