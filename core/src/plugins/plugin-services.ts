import type { DependencyContainer, InjectionToken } from 'tsyringe';
import { serviceName, type ServiceToken } from './service-token';

/**
 * A plugin's window on the services plugins share: it provides what it declared in `provides`
 * and gets what it declared in `uses`. Each check names the declaration to add, so a plugin
 * never depends on another by accident (and the kernel can check `dependsOn` before start).
 */
export interface PluginServices {
  /** The service behind `token`; the token must be in this plugin's `uses` (or `provides`). */
  get<T>(token: InjectionToken<T>): T;
  /** Makes `value` the service behind `token`, in `register`; the token must be in `provides`. */
  provide<T>(token: InjectionToken<T>, value: NoInfer<T>): void;
}

interface ServiceDeclarations {
  readonly name: string;
  readonly provides?: readonly ServiceToken[];
  readonly uses?: readonly ServiceToken[];
}

/** Thrown when a plugin gets or provides a service it did not declare. */
export class UndeclaredServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndeclaredServiceError';
  }
}

/**
 * Services live in the bot's tsyringe container (one per bot, so two bots in one process never
 * share one); this view only adds the declaration checks.
 */
export function pluginServices(container: DependencyContainer, plugin: ServiceDeclarations): PluginServices {
  const provides = new Set(plugin.provides ?? []);
  const visible = new Set([...provides, ...(plugin.uses ?? [])]);
  return {
    get<T>(token: InjectionToken<T>): T {
      if (!visible.has(token))
        throw new UndeclaredServiceError(
          `plugin "${plugin.name}" gets service "${serviceName(token)}" without declaring it: add it to the plugin's \`uses\` (and its provider to \`dependsOn\`)`,
        );
      if (!container.isRegistered(token, true))
        throw new UndeclaredServiceError(
          `service "${serviceName(token)}" is not provided yet: its plugin provides it in \`register\`, which runs before "${plugin.name}"'s only when it is in "${plugin.name}"'s \`dependsOn\``,
        );
      return container.resolve(token);
    },
    provide<T>(token: InjectionToken<T>, value: NoInfer<T>): void {
      if (!provides.has(token))
        throw new UndeclaredServiceError(
          `plugin "${plugin.name}" provides service "${serviceName(token)}" without declaring it: add it to the plugin's \`provides\``,
        );
      container.registerInstance(token, value);
    },
  };
}
