import type { InjectionToken } from 'tsyringe';
import type { PluginServices } from './plugin-services';

/**
 * Each plugin's services view by plugin name, in the bot's container: a turn hands its plugin's
 * view to handlers and steps without the pipeline knowing about plugins' declarations.
 */
export const PLUGIN_SERVICES: InjectionToken<(plugin: string) => PluginServices> = Symbol.for('hotello.pluginServices');
