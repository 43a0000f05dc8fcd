import type { EventName, HotelloEvents } from '../events/event-bus';
import type { TemplateVars } from '../i18n/message-catalog';
import type { Hotel } from '../kernel/hotel-directory';
import type { Logger } from '../logging/logger';
import type { PluginServices } from '../plugins/plugin-services';
import type { InboundMessage } from '../messaging/inbound';
import type { ButtonOption, ListSection, OutboundContent } from '../messaging/outbound';
import type { Conversation, ConversationChanges } from '../store/conversation';
import type { IntentResult } from './intent-types';
import type { PluginData, TurnState } from './typed-contracts';

/** What a step or handler decided about the active flow. */
export interface StepOutcome {
  /** Continue at `step` on the guest's next message. */
  next(step: string): StepOutcome;
  /** Finish the flow (its slots are cleared). */
  end(): StepOutcome;
  /** What was decided; read by the router. */
  readonly transition?: { readonly kind: 'step'; readonly step: string } | { readonly kind: 'end' };
}

/**
 * Replies in the guest's language from the plugin's message catalogue. Each call queues a
 * reply and returns a {@link StepOutcome} so flow steps read `say('offer').next('answer')`.
 */
export interface Say {
  (key: string, vars?: TemplateVars): StepOutcome;
  /** A literal text (already localised, e.g. from an LLM or a database). */
  text(text: string): StepOutcome;
  /** Text with reply buttons; a string option is a message key used as both id and title key. */
  buttons(key: string, options: readonly (string | ButtonOption)[], vars?: TemplateVars): StepOutcome;
  /** Text with a list; `buttonLabel` is a message key. */
  list(key: string, buttonLabel: string, sections: readonly ListSection[], vars?: TemplateVars): StepOutcome;
  /** Any outbound content as it is. */
  content(content: OutboundContent): StepOutcome;
  /** No message; ends the flow. */
  end(): StepOutcome;
}

/**
 * One turn: a guest message, its conversation, and what the turn decided. Middleware and
 * handlers record actions (replies, changes, events); the pipeline applies them after the
 * turn succeeds, so a failed turn changes nothing and can be retried.
 */
export interface TurnContext {
  readonly turnId: string;
  readonly hotel: Hotel;
  readonly message: InboundMessage;
  /** The conversation as loaded at the start of the turn. */
  readonly conversation: Conversation;
  /**
   * Who the guest is, for data kept per guest (bookings, payments): key it by this, not by
   * `conversation.guest`. The E.164 number on channels that verify the sender (shared by the
   * hotel's real channels), a channel-scoped key on channels that do not (the simulator).
   */
  readonly identity: string;
  /** Text of the message: the text, the tapped option's title, or a media caption. */
  readonly text?: string;
  /**
   * The option the guest picked: a tapped button/list row, or a typed "2" / option title
   * resolved against the last menu shown (expired menus are ignored).
   */
  choice?: ButtonOption;
  /** The guest's language for this turn (set by language detection; defaults to the hotel's). */
  language: string;
  /** Set by the intent plugin. */
  intent?: IntentResult;
  readonly logger: Logger;
  /** Values middleware hands on within this turn, by plugin name, typed by {@link TurnState} declarations. */
  readonly state: Partial<TurnState>;

  /** The conversation's slots with this turn's pending changes applied. */
  readonly slots: Readonly<Record<string, unknown>>;
  reply(content: OutboundContent): void;
  /** Translates a key from `namespace` (default `core`) in the turn's language. */
  t(key: string, vars?: TemplateVars, namespace?: string): string;
  update(changes: ConversationChanges): void;
  /**
   * Recorded with the turn's commit and delivered once it is saved. `id` names what happened
   * (`booking.cancelled:<reference>`) when the same event may also be emitted elsewhere, so
   * listeners get it once; by default the id comes from the guest's message.
   */
  emit<K extends EventName>(event: K, payload: HotelloEvents[K], options?: { id?: string }): void;
  startFlow(name: string, step?: string): void;
  /** Hands the conversation to staff: the bot stays silent until it is handed back. */
  requestHandoff(reason: string): void;
  /** The turn answers nothing on purpose (handoff, rate limit): counted as silent, not as unanswered. */
  silence(): void;
  /** A plugin's conversation data with this turn's pending changes applied, typed by its `ConversationData` declaration. */
  dataOf<P extends string>(plugin: P): Readonly<PluginData<P>>;
  /** Replies queued so far this turn. */
  readonly replies: readonly OutboundContent[];
}

/** A turn as a plugin's handler or flow step sees it: replies come from its own catalogue. */
export interface HandlerContext<O = unknown> extends TurnContext {
  readonly say: Say;
  /** The services the plugin declared in `uses` (and its own): `services.get(BOOKING_SERVICE)`. */
  readonly services: PluginServices;
  /** The plugin's options for this hotel (per-hotel overrides applied). */
  readonly options: O;
}

export interface FlowStepContext<O = unknown> extends HandlerContext<O> {
  /** The current step's name. */
  readonly step: string;
  /** The picked option's id, when the guest tapped or typed one. */
  readonly choiceId?: string;
}

export type Next = () => Promise<void>;
export type TurnMiddleware = (ctx: TurnContext, next: Next) => Promise<void> | void;
export type IntentHandler<O = unknown> = (ctx: HandlerContext<O>) => Promise<unknown> | unknown;
export type FlowStep<O = unknown> = (ctx: FlowStepContext<O>) => Promise<StepOutcome | void> | StepOutcome | void;

/** A multi-step dialog. `start` runs first; state lives in the conversation. */
export type FlowDefinition<O = unknown> = { readonly start: FlowStep<O> } & Readonly<Record<string, FlowStep<O>>>;

/**
 * Where a middleware runs. Stages run in this order; within a stage, in plugin load order.
 * `guard` may end a turn (rate limit, handoff, quiet hours); `understand` sets language,
 * intent and slots; `route` hands the turn to a flow or handler (core's router runs last).
 */
export type TurnStage = 'guard' | 'understand' | 'route';
