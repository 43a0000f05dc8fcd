import type { InjectionToken } from 'tsyringe';
import type { HotelloConfig } from '../config/config-schema';
import type { Logger } from '../logging/logger';
import type { PluginServices } from '../plugins/plugin-services';
import type { ConversationStore } from '../store/conversation-store';

/** DI tokens for values that have no class of their own. */
export const CONFIG: InjectionToken<HotelloConfig> = Symbol.for('hotello.config');
export const LOGGER: InjectionToken<Logger> = Symbol.for('hotello.logger');
export const STORE: InjectionToken<ConversationStore> = Symbol.for('hotello.store');

/** Each plugin's services view by plugin name; turns hand it to the plugin's handlers and steps. */
export const PLUGIN_SERVICES: InjectionToken<(plugin: string) => PluginServices> = Symbol.for('hotello.pluginServices');
