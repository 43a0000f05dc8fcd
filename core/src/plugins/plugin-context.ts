import type { DependencyContainer } from 'tsyringe';
import type { HotelloConfig } from '../config/config-schema';
import type { EmitOptions } from '../events/emitted-event';
import type { EventListener, EventName, HotelloEvents, ListenOptions } from '../events/event-bus';
import type { PluginHttp } from '../http/plugin-http';
import type { ReadinessCheck } from '../http/readiness';
import type { HotelDirectory } from '../kernel/hotel-directory';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import type { ChannelAdapter } from '../messaging/channel-adapter';
import type { ChannelAddress, InboundEvent } from '../messaging/inbound';
import type { ReceiveResult } from '../messaging/messaging-hub';
import type { Catalog } from '../i18n/message-catalog';
import type { IntentCatalog } from '../turns/intent-types';
import type { FlowDefinition, IntentHandler, TurnMiddleware, TurnStage } from '../turns/turn-context';
import type { ConversationStore } from '../store/conversation-store';
import type { PluginStorage } from '../store/collections/collection-types';
import type { PluginJobs } from '../jobs/job-types';
import type { Clock } from '../kernel/clock';
import type { PluginLlm } from '../llm/llm-types';
import type { PlannedChannel } from './plugin-plan';
import type { PluginServices } from './plugin-services';
import type { GuestConsent } from '../proactive/consent';
import type { ProactiveSendRequest, ProactiveSendResult } from '../proactive/send-request';

/**
 * Events as a plugin sees them: durable, delivered at least once, in order per conversation.
 * Its listeners only hear about hotels where it is on; a listener that throws is retried with
 * backoff, then parked as a dead letter operators can replay. Listeners should be idempotent
 * on `meta.id`.
 */
export interface PluginEvents {
  on<K extends EventName>(event: K, listener: EventListener<K>, options?: ListenOptions): () => void;
  /**
   * Records the event for every listener of its hotel and resolves once it is stored; delivery
   * follows. Inside a turn use `ctx.emit`, which is stored with the turn's commit instead.
   */
  emit<K extends EventName>(event: K, payload: HotelloEvents[K], options?: EmitOptions): Promise<void>;
}

/**
 * What a plugin receives in `register`, `start` and `stop`: its slice of the running bot.
 * `O` is the type of the plugin's options.
 */
export interface PluginContext<O = unknown> {
  /** This plugin's name. */
  readonly name: string;
  /**
   * The bot's DI container, for host-level overrides a plugin documents (a replaceable
   * repository, a client factory in tests). Services between plugins go through `services`.
   */
  readonly container: DependencyContainer;
  /** Services this plugin `provides` (`services.provide`) and `uses` (`services.get`). */
  readonly services: PluginServices;
  /** A logger whose lines carry `plugin: <name>`. */
  readonly logger: Logger;
  readonly config: Readonly<HotelloConfig>;
  readonly hotels: HotelDirectory;
  readonly http: PluginHttp;
  readonly events: PluginEvents;
  readonly metrics: Metrics;
  /** The plugin's options for a hotel, or undefined where it is off. */
  optionsFor(hotelId: string): O | undefined;
  /** Whether the plugin is on for a hotel. */
  isEnabledFor(hotelId: string): boolean;
  /** Channels of the types this plugin provides (adapter plugins). */
  readonly channels: readonly PlannedChannel[];
  /** Channel adapters: register the sending half, hand parsed webhooks to the inbox. */
  readonly messaging: PluginMessaging;
  /** Intents with example utterances per language; the intent plugin learns them. */
  readonly intents: IntentCatalog;
  /** Message catalogues: `messages.add(namespace, { en: { key: 'text {{var}}' }, es: {…} })`. */
  readonly messages: {
    add(namespace: string, catalog: Catalog): void;
    /** Whether a namespace has a text for the key in any language. */
    has(namespace: string, key: string): boolean;
  };
  /** Multi-step dialogs; a flow named like an intent starts when that intent is recognised. */
  readonly flows: { add(name: string, flow: FlowDefinition<O>): void };
  /** One-shot handlers per intent. */
  readonly handlers: { on(intent: string, handler: IntentHandler<O>): void };
  /** Turn middleware at a stage (`guard`, `understand`, `route`); runs only for hotels where the plugin is on. */
  readonly turns: {
    use(stage: TurnStage, middleware: TurnMiddleware): void;
    /** Whether something on at the hotel answers the intent: a handler, or a flow of that name. */
    answers(intent: string, hotelId: string): boolean;
  };
  /** The conversation store all plugins share (every call is scoped by hotel id). */
  readonly store: ConversationStore;
  /**
   * This plugin's own collections, the same API on the memory and the MongoDB store:
   * `storage.define('bookings', schema, { indexes })` in `register`, then `.forHotel(id)`.
   */
  readonly storage: PluginStorage;
  /**
   * This plugin's jobs: `jobs.define(name, handler, { attempts, backoffMs })` in `register`, then
   * `schedule` (once, at a time or after a delay), `repeat` (cron in the hotel's time zone, or an
   * interval) and `cancel` by key. Each run happens on one instance and survives restarts; a run for
   * a hotel where the plugin is off is skipped. See core/README.md, "Jobs".
   */
  readonly jobs: PluginJobs;
  /** The bot's time (`createBot({ clock })`; a `FakeClock` in tests). Jobs are due by it; ask it for "now" in what jobs check. */
  readonly clock: Clock;
  /** Adds a dependency `/readyz` should check. */
  addReadinessCheck(name: string, check: ReadinessCheck): void;
  /**
   * The bot's LLM service, attributed to this plugin: `llm.forHotel(id)` gives `available`,
   * `chat`, `structured`, `embed` and `stream` with that hotel's model, inside its monthly budget
   * (every call is logged with this plugin's name). See core/README.md, "LLM service".
   */
  readonly llm: PluginLlm;
  /**
   * Whether guests accept proactive messages, per hotel: `optOut`, `optIn`, `allowsProactive`.
   * `messaging.send` already refuses an opted-out guest; replies within a turn are not affected.
   */
  readonly consent: GuestConsent;
}

/** The messaging surface of a plugin (channel adapters use it). */
export interface PluginMessaging {
  registerAdapter(adapter: ChannelAdapter): void;
  /**
   * Persists and schedules verified webhook events; resolves when they are stored, so the
   * webhook may then answer 2xx. Rejects when they could not be stored (answer 5xx: the
   * provider retries).
   */
  receive(events: readonly InboundEvent[]): Promise<ReceiveResult>;
  /**
   * The identity of a guest number on a channel, as turns see it in `TurnContext.identity` —
   * for work outside a turn (jobs, admin routes) that looks up a guest's data.
   */
  identityOf(address: ChannelAddress, guest: string): string;
  /**
   * Sends a message to a guest outside a turn (a reminder, a follow-up on an event), through
   * the outbox turn replies use: in order with them, retried, status-tracked. It goes on the
   * channel the guest last wrote on (or `channelId`), as a catalogue text in the guest's
   * language or as given content; waits out the hotel's quiet hours unless `urgent`; outside
   * WhatsApp's 24-hour window it sends `template` (or the hotel's `outsideWindowTemplate`).
   * Resolves once queued. Refusals queue nothing and reject with a `ProactiveError`:
   * `UnknownHotelError`, `UnknownGuestError`, `ChannelUnavailableError`, `OutsideWindowError`,
   * `GuestOptedOutError`, `UnknownMessageError`, `InvalidProactiveRequestError`. Available
   * from `start` on (not in `register`).
   */
  send(request: ProactiveSendRequest): Promise<ProactiveSendResult>;
}
