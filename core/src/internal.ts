/**
 * @hotello/core/internal — core's own machinery, for core's tests, the CLI and tools that
 * assemble a bot by hand. Plugins and hosts use the public entry (`@hotello/core`); nothing here
 * is part of the plugin API, and it may change without notice.
 */
export * from './index';

export { createCli, runCli, type CliOptions, type Output } from './cli/program';
export { addPluginCommands, configFileFrom, PluginCommandsError } from './cli/plugin-commands';

export type { AdminConfig, ChannelEntry, PluginEntry } from './config/config-schema';
export type { AdminApiKey } from './config/admin-api-key-schema';
export { loadConfigFile, parseConfig } from './config/load-config';
export { EventBus } from './events/event-bus';
export { MessageCatalog } from './i18n/message-catalog';
export { MessagingHub, type InboundSink } from './messaging/messaging-hub';
export { MessagePipeline } from './pipeline/message-pipeline';
export { PLUGIN_ADMIN_PREFIX } from './http/plugin-http';
export { normalizeRequestPath } from './http/normalize-path';
export { ECHO_MAX } from './messaging/echo-value';
export { plausibleTimestamp } from './messaging/provider-timestamp';
export { MAX_IGNORED_ITEMS } from './messaging/valid-items';

export { AdminAuthenticator, adminAuth, type AdminAuthSettings, type AdminPrincipal } from './admin/admin-auth';
export { adminAccess, type AdminAccessRule } from './admin/admin-access';
export { mayAccessHotel, type HotelScope } from './admin/admin-principal';
export { ADMIN_ROLES, isAdminRole, roleAtLeast } from './admin/admin-roles';

export { createConversationStore, type CreateStoreOptions } from './store/create-store';
export { startExpirySweeper, type ExpirySweeperOptions } from './store/expiry-sweeper';
export { MemoryConversationStore, type MemoryStoreOptions } from './store/memory/memory-store';
export type { MongoStoreOptions } from './store/mongo/mongo-store';
export { pluginCollectionName } from './store/mongo/plugin-models';
export { STORE_LIMITS } from './store/validate-input';
export type { CollectionHost } from './store/collections/index';
