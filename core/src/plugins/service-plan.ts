import type { ConfigIssue } from '../config/config-error';
import type { PlannedPlugin } from './plugin-plan';
import { serviceName, type ServiceToken } from './service-token';

interface HotelRef {
  readonly id: string;
}

/**
 * Checks every plugin's `uses` against the plugins that `provides` each service: the provider
 * is loaded, is in the consumer's `dependsOn` (so it registers first), and is on at every hotel
 * where the consumer is on. Each gap becomes one config issue naming what to change.
 */
export function checkServices(plugins: readonly PlannedPlugin[], hotels: readonly HotelRef[], issues: ConfigIssue[]): void {
  const providers = new Map<ServiceToken, PlannedPlugin>();
  for (const plugin of plugins) {
    for (const token of plugin.definition.provides ?? []) {
      const other = providers.get(token);
      if (other)
        issues.push({
          path: plugin.path,
          message: `service "${serviceName(token)}" is provided by both "${other.definition.name}" and "${plugin.definition.name}"`,
        });
      else providers.set(token, plugin);
    }
  }
  for (const consumer of plugins) {
    const name = consumer.definition.name;
    for (const token of consumer.definition.uses ?? []) {
      const provider = providers.get(token);
      const service = serviceName(token);
      if (!provider) {
        issues.push({ path: consumer.path, message: `plugin "${name}" uses service "${service}", which no loaded plugin provides` });
        continue;
      }
      const by = provider.definition.name;
      if (by === name) continue;
      // With the provider in dependsOn, planPlugins already reports every hotel where it is off.
      if ((consumer.definition.dependsOn ?? []).includes(by)) continue;
      issues.push({
        path: consumer.path,
        message: `plugin "${name}" uses service "${service}" of plugin "${by}" but does not depend on it: add "${by}" to its dependsOn`,
      });
      hotels.forEach((hotel, h) => {
        if (consumer.hotels.has(hotel.id) && !provider.hotels.has(hotel.id))
          issues.push({
            path: `hotels[${h}].plugins`,
            message: `"${name}" is on for hotel "${hotel.id}" and uses service "${service}", but its provider "${by}" is off there`,
          });
      });
    }
  }
}
