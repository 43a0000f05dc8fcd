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
export { guestIdentity } from './messaging/guest-identity';
export { parseRetryAfter } from './messaging/retry-after';
export { ECHO_MAX, echoValue } from './messaging/echo-value';
export { guestProfileName } from './messaging/profile-name';
export { plausibleTimestamp, timestampFromSeconds } from './messaging/provider-timestamp';
export { SkippedItems, type SkippedSummary } from './messaging/skipped-items';
export { MAX_IGNORED_ITEMS, issueOf, validItem, validItems, type ValidItem } from './messaging/valid-items';
export { CONFIG, LOGGER, STORE } from './kernel/tokens';
export { MessagePipeline } from './pipeline/message-pipeline';
export { AdminAuthenticator, adminAuth, type AdminAuthSettings, type AdminPrincipal } from './admin/admin-auth';
export { adminAccess, type AdminAccessRule } from './admin/admin-access';
export { mayAccessHotel, type HotelScope } from './admin/admin-principal';
export { ADMIN_ROLES, isAdminRole, roleAtLeast, type AdminRole } from './admin/admin-roles';
export { requireRole, type RoleRequirement } from './admin/require-role';
export { isAdminPath } from './admin/admin-path-gate';
export { normalizeRequestPath } from './http/normalize-path';
export type { AdminApiKey } from './config/admin-api-key-schema';
export { bearerToken, sameSecret } from './http/secrets';
import './events/core-events';
