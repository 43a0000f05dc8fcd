import type { DeliveryState, InboundMessage } from '../messaging/inbound';
import type { OutboundContent } from '../messaging/outbound';
import type { Conversation, ConversationChanges, ConversationKey } from './conversation';
import type { LoggedMessage } from './message-log';
import type { CollectionHost } from './collections/collection-driver';

/** A save lost a race: the conversation changed since it was loaded. Reload and retry. */
export class ConcurrentUpdateError extends Error {
  constructor(
    readonly key: ConversationKey,
    readonly expectedVersion: number,
  ) {
    super(`conversation ${key.hotelId}/${key.channelId} changed concurrently (expected version ${expectedVersion})`);
    this.name = 'ConcurrentUpdateError';
  }
}

/** The store could not be reached; operations fail fast with this instead of hanging. */
export class StoreUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** Input rejected before it reached the database (bad hotel id, oversize field, unsafe key). */
export class StoreValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreValidationError';
  }
}

export interface NewOutbound {
  readonly hotelId: string;
  readonly channelId: string;
  readonly guest: string;
  readonly content: OutboundContent;
  /** The inbound message (our log id) this reply answers. */
  readonly inReplyTo?: string;
  /**
   * Not sent before this time (a proactive message deferred past quiet hours). Unlike a retry's
   * backoff it does not hold back the replies queued after it: the sender steps over it until due.
   */
  readonly notBefore?: Date;
  /**
   * Sent instead when the guest's 24-hour window has closed by the time the message goes out,
   * in place of the hotel's `outsideWindowTemplate` (a proactive send's own template).
   */
  readonly outsideWindowTemplate?: OutboundTemplate;
  /** The plugin that sent it outside a turn: a proactive message, which the outbox sends only with consent. */
  readonly proactiveBy?: string;
}

/** A template message, as an outbound row may carry it for a closed 24-hour window. */
export type OutboundTemplate = Extract<OutboundContent, { kind: 'template' }>;

/**
 * The conversation store every plugin shares. Every method takes the hotel id, and no
 * method can reach another hotel's data. Implemented over MongoDB (mongoose) and in memory;
 * one contract suite runs against both.
 */
export interface ConversationStore {
  /** Connects and creates indexes. */
  open(): Promise<void>;
  close(): Promise<void>;
  /** Resolves when the database answers; rejects with the reason otherwise (for `/readyz`). */
  ping(): Promise<void>;
  /** Where plugins' own collections live (plugins use them through `ctx.storage`, see `collections/`). */
  readonly pluginCollections: CollectionHost;

  // Conversations ---------------------------------------------------------------
  /** Loads a conversation, creating it on first contact (one round trip). */
  load(key: ConversationKey): Promise<Conversation>;
  /**
   * Applies changes atomically if the conversation is still at `conversation.version`
   * (one round trip); throws {@link ConcurrentUpdateError} otherwise. Returns the new state.
   */
  save(conversation: Conversation, changes: ConversationChanges): Promise<Conversation>;
  find(hotelId: string, conversationId: string): Promise<Conversation | undefined>;
  findByKey(key: ConversationKey): Promise<Conversation | undefined>;
  list(hotelId: string, filter?: { handoff?: boolean; limit?: number }): Promise<Conversation[]>;
  /**
   * One guest's conversations at a hotel, one per channel they used, the one with the latest
   * guest message first (never-written ones last): where a proactive message reaches them.
   */
  guestConversations(hotelId: string, guest: string, limit?: number): Promise<Conversation[]>;
  delete(hotelId: string, conversationId: string): Promise<boolean>;
  /** Removes conversations idle past their expiry; returns how many. */
  sweepExpired(now?: Date): Promise<number>;

  // Message log: inbox, outbox, history ------------------------------------------
  /**
   * Persists an inbound message unless (hotel, channel, provider id) is already logged.
   * `duplicate` is true when it was — the caller acknowledges and drops it.
   */
  recordInbound(message: InboundMessage): Promise<{ entry: LoggedMessage; duplicate: boolean }>;
  /** Inbound messages received but whose turn has not finished, oldest first. */
  pendingInbound(hotelId: string, filter?: { channelId?: string; guest?: string; limit?: number }): Promise<LoggedMessage[]>;
  /** Marks an inbound message handled (only after its turn succeeded) or failed. */
  markInbound(hotelId: string, id: string, status: 'handled' | 'failed', error?: { code: string; message: string }): Promise<void>;

  /** Persists replies as `queued` before any is sent. */
  enqueueOutbound(messages: readonly NewOutbound[]): Promise<LoggedMessage[]>;
  /**
   * Queues one message under a row id the caller derived (a 24-hex store id), unless that id is
   * already logged for the hotel: then the logged row is returned with `duplicate: true` and
   * nothing is queued. One atomic write keyed by the primary key, so concurrent callers on any
   * instance queue it once (no partial index needed). An id held by another hotel is refused.
   */
  enqueueOutboundOnce(id: string, message: NewOutbound): Promise<{ entry: LoggedMessage; duplicate: boolean }>;
  /** Queued replies due for a send attempt, oldest first. */
  dueOutbound(hotelId: string, now?: Date, limit?: number): Promise<LoggedMessage[]>;
  /**
   * Every queued reply of one conversation, due or not, oldest first. The sender walks them in
   * order and stops at the first that is not yet due, so replies never overtake each other —
   * except one deferred by `notBefore`, which it steps over until due.
   */
  queuedOutbound(key: ConversationKey, limit?: number): Promise<LoggedMessage[]>;
  /**
   * Claims a queued reply for sending so two workers never send it twice; false when
   * someone else holds it. The claim lapses after `leaseMs` if the claimer dies.
   */
  claimOutbound(hotelId: string, id: string, leaseMs: number): Promise<boolean>;
  markSent(hotelId: string, id: string, providerMessageId: string): Promise<void>;
  /** Records a failed attempt: re-queued for `nextAttemptAt`, or failed for good when absent. */
  markSendFailed(hotelId: string, id: string, error: { code: string; message: string }, nextAttemptAt?: Date): Promise<void>;
  /** Applies a provider status to an outbound message (never moves backwards, e.g. read → delivered). */
  updateDelivery(
    hotelId: string,
    channelId: string,
    providerMessageId: string,
    status: DeliveryState,
    error?: { code: string; message: string },
  ): Promise<LoggedMessage | undefined>;

  /** The latest messages of a conversation, newest last, by an indexed query. */
  history(key: ConversationKey, limit?: number): Promise<LoggedMessage[]>;
}
