import 'reflect-metadata';

export { z } from 'zod';
export { ConfigError, type ConfigIssue } from './config/config-error';
export type { ChannelEntry, HotelConfig, HotelloConfig, PluginEntry } from './config/config-schema';
export { loadConfigFile, parseConfig } from './config/load-config';
export { EventBus, type EventListener, type EventName, type HotelloEvents } from './events/event-bus';
export { HttpError, badRequest, forbidden, notFound, unauthorized } from './http/http-error';
export type { PluginHttp } from './http/plugin-http';
export type { ReadinessCheck } from './http/readiness';
export { HotelDirectory, type Hotel } from './kernel/hotel-directory';
export { Kernel, createBot, type CreateBotOptions } from './kernel/kernel';
export { stopOnSignals } from './kernel/run-until-signal';
export { CONFIG, LOGGER } from './kernel/tokens';
export { createLogger, type Logger } from './logging/logger';
export { Metrics } from './metrics/metrics';
export { definePlugin, type ChannelTypeDefinition, type PluginDefinition } from './plugins/define-plugin';
export type { PluginContext, PluginEvents } from './plugins/plugin-context';
export type { PlannedChannel } from './plugins/plugin-plan';
