import type { ButtonOption } from '../messaging/outbound';
import type { ConversationDataChanges } from '../turns/typed-contracts';

/** Identifies a conversation: one per hotel, channel and guest. */
export interface ConversationKey {
  readonly hotelId: string;
  readonly channelId: string;
  /** The guest's E.164 number. */
  readonly guest: string;
}

/** The active multi-step dialog, if any. Lives here so any instance can continue it. */
export interface FlowState {
  readonly name: string;
  readonly step: string;
  /** The plugin that owns the flow. */
  readonly plugin: string;
  readonly startedAt: Date;
}

/** The last menu shown, so "2" or an option's title can be mapped back to it. */
export interface MenuState {
  readonly options: readonly ButtonOption[];
  readonly expiresAt: Date;
}

export interface HandoffState {
  readonly active: boolean;
  readonly since: Date;
  readonly reason?: string;
  /** When the conversation goes back to the bot by itself. */
  readonly until?: Date;
}

export interface SentimentState {
  /** -1 (very negative) .. 1 (very positive). */
  readonly score: number;
  readonly label: 'negative' | 'neutral' | 'positive';
  readonly updatedAt: Date;
}

/** A conversation as a turn sees it. */
export interface Conversation extends ConversationKey {
  readonly id: string;
  readonly language?: string;
  readonly flow?: FlowState;
  /** Values collected for the active flow (dates, guests…), by slot name. */
  readonly slots: Readonly<Record<string, unknown>>;
  readonly menu?: MenuState;
  readonly handoff?: HandoffState;
  readonly sentiment?: SentimentState;
  readonly profile: { readonly name?: string };
  /**
   * State plugins keep per conversation, namespaced by plugin name (typed by `ConversationData` declarations);
   * a turn reads its plugin's part typed with `ctx.dataOf(name)`.
   */
  readonly data: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Last guest message: WhatsApp allows free-form replies for 24 hours after it. */
  readonly lastInboundAt?: Date;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** When an idle conversation is removed. */
  readonly expiresAt: Date;
  /** Increases by one on every save; a save against an older version is a conflict. */
  readonly version: number;
}

/**
 * Changes a turn makes. Fields set to `null` are cleared. `slots` and `data.<plugin>` merge
 * key by key (a `null` value removes that key), so two concerns never overwrite each other.
 */
export interface ConversationChanges {
  language?: string | null;
  flow?: FlowState | null;
  slots?: Record<string, unknown | null>;
  /** Replace all slots at once (a flow ending clears them). */
  replaceSlots?: Record<string, unknown>;
  menu?: MenuState | null;
  handoff?: HandoffState | null;
  sentiment?: SentimentState | null;
  profile?: { name?: string | null };
  /** Typed per plugin by {@link ConversationData} declarations. */
  data?: ConversationDataChanges;
  lastInboundAt?: Date;
}
