import 'reflect-metadata';
import './http/koa-augmentation';

export { z } from 'zod';
export { ConfigError, type ConfigIssue } from './config/config-error';
export type { AdminConfig, ChannelEntry, HotelConfig, HotelloConfig, PluginEntry } from './config/config-schema';
export { loadConfigFile, parseConfig } from './config/load-config';
export { EventBus, type EventListener, type EventName, type HotelloEvents } from './events/event-bus';
export { HttpError, badRequest, forbidden, notFound, unauthorized } from './http/http-error';
export { PLUGIN_ADMIN_PREFIX, type PluginHttp } from './http/plugin-http';
export type { ReadinessCheck } from './http/readiness';
export { HotelDirectory, type Hotel } from './kernel/hotel-directory';
export { Kernel, createBot, type CreateBotOptions } from './kernel/kernel';
export { stopOnSignals } from './kernel/run-until-signal';
export { createLogger, type Logger } from './logging/logger';
export { maskPhone } from './logging/redact';
export { Metrics } from './metrics/metrics';
export { definePlugin, type ChannelTypeDefinition, type PluginCommandContext, type PluginDefinition } from './plugins/define-plugin';
/** The type of the `program` a plugin's `commands` hook receives (core owns the commander instance). */
export type { Command } from 'commander';
export type { PluginContext, PluginEvents } from './plugins/plugin-context';
export type { PlannedChannel } from './plugins/plugin-plan';
export {
  ChannelSendError,
  type ChannelAdapter,
  type ChannelCapabilities,
  type SendFailureKind,
  type SendResult,
} from './messaging/channel-adapter';
export type {
  ChannelAddress,
  DeliveryState,
  DeliveryStatus,
  InboundContent,
  InboundEvent,
  InboundMessage,
  MediaType,
} from './messaging/inbound';
export { MessagingHub, type InboundSink, type ReceiveResult } from './messaging/messaging-hub';
export type { ButtonOption, ListRow, ListSection, OutboundContent, OutboundKind, OutboundMessage } from './messaging/outbound';
export { MessageCatalog, type Catalog, type TemplateVars } from './i18n/message-catalog';
export { INTENT_CLASSIFIER, type Classification, type ClassifyInput, type IntentClassifier } from './turns/intent-classifier';
export type {
  IntentCatalog,
  IntentDefinition,
  IntentLayer,
  IntentOptions,
  IntentResult,
  SlotError,
  Utterances,
} from './turns/intent-types';
export type {
  FlowDefinition,
  FlowStep,
  FlowStepContext,
  HandlerContext,
  IntentHandler,
  Next,
  Say,
  StepOutcome,
  TurnContext,
  TurnMiddleware,
  TurnStage,
} from './turns/turn-context';
export { TurnRegistry } from './turns/turn-registry';
export * from './store/index';
export { renderForChannel, resolveMenuReply, truncate, type MenuOption, type RenderedContent } from './messaging/degrade';
export { e164Digits, toE164 } from './messaging/phone';
export { parseRetryAfter } from './messaging/retry-after';
export { CONFIG, LOGGER, STORE } from './kernel/tokens';
export { MessagePipeline } from './pipeline/message-pipeline';
export { adminAuth, type AdminAuthSettings, type AdminPrincipal } from './admin/admin-auth';
export { bearerToken, sameSecret } from './http/secrets';
import './events/core-events';
