import 'reflect-metadata';
import './http/koa-augmentation';

export { z } from 'zod';
export { ConfigError, type ConfigIssue } from './config/config-error';
export type { HotelConfig, HotelloConfig } from './config/config-schema';
export { EventBus, type EventListener, type EventMeta, type EventName, type HotelloEvents, type ListenOptions } from './events/event-bus';
export type { EmitOptions } from './events/emitted-event';
export type { DeadLetterView } from './events/dead-letters';
export { writeEvent, type WriteEvent } from './events/write-events';
export type {
  ConversationData,
  ConversationDataChanges,
  IntentSlots,
  IntentSlotValues,
  PluginData,
  TurnState,
} from './turns/typed-contracts';
export type { PluginLifecycle } from './plugins/plugin-lifecycle';
export { UndeclaredServiceError, type PluginServices } from './plugins/plugin-services';
export type { ServiceToken } from './plugins/service-token';
export { HttpError, badRequest, forbidden, notFound, unauthorized } from './http/http-error';
export type { PluginHttp } from './http/plugin-http';
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
export type { ReceiveResult } from './messaging/messaging-hub';
export type { ButtonOption, ListRow, ListSection, OutboundContent, OutboundKind, OutboundMessage } from './messaging/outbound';
export type { Catalog, TemplateVars } from './i18n/message-catalog';
export { INTENT_CLASSIFIER, type Classification, type ClassifyInput, type IntentClassifier } from './turns/intent-classifier';
export type { IntentCatalog, IntentDefinition, IntentOptions, IntentResult, SlotError, Utterances } from './turns/intent-types';
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
export { renderForChannel, truncate, type MenuOption, type RenderedContent } from './messaging/degrade';
export { resolveMenuReply, type MenuMatch } from './messaging/menu-reply';
export { e164Digits, toE164 } from './messaging/phone';
export { guestIdentity } from './messaging/guest-identity';
export { parseRetryAfter } from './messaging/retry-after';
export { cutText } from './messaging/cut-text';
export { echoValue } from './messaging/echo-value';
export { guestProfileName } from './messaging/profile-name';
export { timestampFromSeconds } from './messaging/provider-timestamp';
export { SkippedItems, type SkippedSummary } from './messaging/skipped-items';
export { issueOf, validItem, validItems, type ValidItem } from './messaging/valid-items';
export type { AdminRole } from './admin/admin-roles';
export { requireRole, type RoleRequirement } from './admin/require-role';
export { isAdminPath } from './admin/admin-path-gate';
export { bearerToken, sameSecret } from './http/secrets';
// Proactive messages (ctx.messaging.send) and guest consent (ctx.consent).
export {
  ChannelUnavailableError,
  GuestOptedOutError,
  InvalidProactiveRequestError,
  OutsideWindowError,
  ProactiveError,
  UnknownGuestError,
  UnknownHotelError,
  UnknownMessageError,
  type ProactiveErrorCode,
} from './proactive/errors';
export type { ConsentRecord, GuestConsent } from './proactive/consent';
export type { PluginMessaging } from './plugins/plugin-context';
export type { CatalogueMessage, ProactiveSendRequest, ProactiveSendResult, ProactiveTemplate } from './proactive/send-request';
// The LLM service (ctx.llm): config, errors, usage log.
export { LlmBudgetExceededError, LlmError, LlmOutputError, LlmRequestError, LlmTimeoutError, LlmUnavailableError } from './llm/llm-errors';
export type {
  HotelLlm,
  LlmBudgetExceeded,
  LlmCallKind,
  LlmCallOptions,
  LlmInput,
  LlmMessage,
  LlmOutcome,
  LlmUsageRecord,
  PluginLlm,
  StructuredCallOptions,
} from './llm/llm-types';
export {
  KNOWN_PRICES,
  LLM_DEFAULTS,
  LLM_PROVIDERS,
  llmConfigSchema,
  STRUCTURED_METHODS,
  type LlmConfig,
  type LlmProvider,
  type ModelPrice,
  type StructuredMethod,
} from './llm/llm-config';
export { LlmService, LLM_MODEL_FACTORY, type LlmHotel, type LlmServiceOptions } from './llm/llm-service';
export { StoredLlmUsage, LLM_USAGE_RETENTION_DAYS, type LlmUsageRepository, type LlmUsageSummary } from './llm/llm-usage-log';
export {
  LangChainModelFactory,
  type ChatModelLike,
  type ChatModelSpec,
  type EmbeddingsLike,
  type EmbeddingsSpec,
  type LlmModelFactory,
} from './llm/model-factory';
export { estimateCost, monthIn, roughTokens } from './llm/llm-cost';
// Jobs (ctx.jobs) and the bot's clock.
export * from './jobs/index';
export { systemClock, type Clock } from './kernel/clock';
import './events/core-events';
