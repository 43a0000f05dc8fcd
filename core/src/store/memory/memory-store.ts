import type { DeliveryState, InboundMessage } from '../../messaging/inbound';
import type { Conversation, ConversationChanges, ConversationKey } from '../conversation';
import { freshConversationFields, expiryFrom, toConversation, CLEARABLE_FIELDS, type ConversationDocument } from '../conversation-document';
import {
  ConcurrentUpdateError,
  StoreUnavailableError,
  StoreValidationError,
  type ConversationStore,
  type NewOutbound,
} from '../conversation-store';
import type { LoggedMessage } from '../message-log';
import { inboundDocument, outboundDocument, statusesThatMayBecome, toLoggedMessage, type MessageDocument } from '../message-document';
import { planChanges } from '../plan-changes';
import { DEFAULT_TTL_DAYS, QUERY_LIMITS } from '../query-limits';
import {
  assertChannelId,
  assertConversationKey,
  assertDate,
  assertDeliveryState,
  assertGuest,
  assertHotelId,
  assertInboundOutcome,
  assertPositiveMs,
  assertProviderMessageId,
  clampLimit,
  isStoreId,
  keyOfConversation,
  normaliseError,
  savedIdentity,
} from '../validate-input';
import { MemoryCollections } from '../collections/memory/memory-collections';
import { applyPlan } from './apply-plan';
import { deepCopy } from './deep-copy';
import { newObjectIdHex } from './object-id';

export interface MemoryStoreOptions {
  /** Idle conversations and message-log rows are removed this many days after their last change. */
  conversationTtlDays?: number;
  /** The store's notion of now (tests move it). */
  clock?: () => Date;
}

type StoredConversation = ConversationDocument & { _id: string };
type StoredMessage = MessageDocument & { _id: string };

function keyOf(hotelId: string, channelId: string, guest: string): string {
  return `${hotelId}\u0000${channelId}\u0000${guest}`;
}

/**
 * The embedded store: everything in process memory, gone on restart. It validates, copies
 * and fails exactly like the MongoDB store (one contract suite runs against both), so a bot
 * developed against it behaves the same in production. Every object going in or out is a
 * deep copy: callers can never change stored state behind the store's back.
 */
export class MemoryConversationStore implements ConversationStore {
  private readonly ttlDays: number;
  private readonly clock: () => Date;
  private isOpen = false;
  readonly pluginCollections = new MemoryCollections(() => this.isOpen);
  private readonly conversations = new Map<string, StoredConversation>();
  /** (hotel, channel, guest) → conversation id: the unique key. */
  private readonly conversationIds = new Map<string, string>();
  /** (hotel, guest) → their conversation ids on every channel: `guestConversations` without a scan. */
  private readonly conversationsByGuest = new Map<string, Set<string>>();
  private readonly messages = new Map<string, StoredMessage>();
  /** (hotel, channel, provider id) → message id: the dedup key. */
  private readonly messageIds = new Map<string, string>();
  /** (hotel, channel, guest) → its message ids: history without scanning every message. */
  private readonly messagesByConversation = new Map<string, Set<string>>();
  /** Ids of rows still `received` or `queued`: the inbox and outbox without scanning the log. */
  private readonly openWork = new Set<string>();
  /** Insertion order, the tie-breaker for rows created in the same millisecond. */
  private readonly sequence = new Map<string, number>();
  private nextSequence = 0;

  constructor(options: MemoryStoreOptions = {}) {
    this.ttlDays = options.conversationTtlDays ?? DEFAULT_TTL_DAYS;
    this.clock = options.clock ?? (() => new Date());
  }

  async open(): Promise<void> {
    this.isOpen = true;
  }

  async close(): Promise<void> {
    this.isOpen = false;
  }

  async ping(): Promise<void> {
    this.assertOpen('ping');
  }

  // Conversations ---------------------------------------------------------------

  async load(key: ConversationKey): Promise<Conversation> {
    this.assertOpen('load');
    assertConversationKey(key);
    const now = this.now();
    const id = this.conversationIds.get(keyOf(key.hotelId, key.channelId, key.guest));
    let doc = id === undefined ? undefined : this.conversations.get(id);
    if (!doc) {
      doc = {
        _id: newObjectIdHex(now.getTime()),
        hotelId: key.hotelId,
        channelId: key.channelId,
        guest: key.guest,
        ...freshConversationFields(now, this.ttlDays),
        version: 0,
      };
      this.conversations.set(doc._id, doc);
      this.conversationIds.set(keyOf(key.hotelId, key.channelId, key.guest), doc._id);
      const guestKey = keyOf(key.hotelId, '', key.guest);
      this.conversationsByGuest.set(guestKey, (this.conversationsByGuest.get(guestKey) ?? new Set<string>()).add(doc._id));
    } else if (doc.expiresAt <= now) {
      // Not swept yet, but gone as far as anyone can tell: start over under the same id.
      for (const field of CLEARABLE_FIELDS) delete doc[field];
      Object.assign(doc, freshConversationFields(now, this.ttlDays), { version: doc.version + 1 });
    }
    return this.conversationOut(doc);
  }

  async save(conversation: Conversation, changes: ConversationChanges): Promise<Conversation> {
    this.assertOpen('save');
    const { id, hotelId, version } = savedIdentity(conversation);
    const plan = planChanges(conversation, changes);
    const doc = isStoreId(id) ? this.conversations.get(id) : undefined;
    if (!doc || doc.hotelId !== hotelId || doc.version !== version)
      throw new ConcurrentUpdateError(keyOfConversation(conversation), version);
    const now = this.now();
    applyPlan(doc as unknown as Record<string, unknown>, plan);
    doc.updatedAt = now;
    doc.expiresAt = expiryFrom(now, this.ttlDays);
    doc.version += 1;
    return this.conversationOut(doc);
  }

  async find(hotelId: string, conversationId: string): Promise<Conversation | undefined> {
    this.assertOpen('find');
    assertHotelId(hotelId);
    const doc = this.ownConversation(hotelId, conversationId);
    return doc && this.conversationOut(doc);
  }

  async findByKey(key: ConversationKey): Promise<Conversation | undefined> {
    this.assertOpen('findByKey');
    assertConversationKey(key);
    const id = this.conversationIds.get(keyOf(key.hotelId, key.channelId, key.guest));
    const doc = id === undefined ? undefined : this.conversations.get(id);
    return doc && this.conversationOut(doc);
  }

  async list(hotelId: string, filter: { handoff?: boolean; limit?: number } = {}): Promise<Conversation[]> {
    this.assertOpen('list');
    assertHotelId(hotelId);
    const limit = clampLimit(filter.limit, QUERY_LIMITS.list.fallback, QUERY_LIMITS.list.max);
    return [...this.conversations.values()]
      .filter((c) => c.hotelId === hotelId && (filter.handoff === undefined || (c.handoff?.active === true) === filter.handoff))
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (b._id < a._id ? -1 : 1))
      .slice(0, limit)
      .map((c) => this.conversationOut(c));
  }

  async guestConversations(hotelId: string, guest: string, limit?: number): Promise<Conversation[]> {
    this.assertOpen('guestConversations');
    assertHotelId(hotelId);
    assertGuest(guest);
    const max = clampLimit(limit, QUERY_LIMITS.guestConversations.fallback, QUERY_LIMITS.guestConversations.max);
    const ids = this.conversationsByGuest.get(keyOf(hotelId, '', guest)) ?? [];
    const inbound = (c: StoredConversation) => c.lastInboundAt?.getTime() ?? -Infinity;
    return [...ids]
      .map((id) => this.conversations.get(id)!)
      .sort((a, b) => inbound(b) - inbound(a) || (b._id < a._id ? -1 : 1))
      .slice(0, max)
      .map((c) => this.conversationOut(c));
  }

  async delete(hotelId: string, conversationId: string): Promise<boolean> {
    this.assertOpen('delete');
    assertHotelId(hotelId);
    const doc = this.ownConversation(hotelId, conversationId);
    if (!doc) return false;
    this.removeConversation(doc);
    return true;
  }

  async sweepExpired(now: Date = this.now()): Promise<number> {
    this.assertOpen('sweepExpired');
    assertDate(now, 'now');
    let removed = 0;
    for (const doc of [...this.conversations.values()]) {
      if (doc.expiresAt > now) continue;
      this.removeConversation(doc);
      removed += 1;
    }
    for (const doc of [...this.messages.values()]) {
      if (doc.expiresAt <= now) this.removeMessage(doc);
    }
    return removed;
  }

  // Message log -----------------------------------------------------------------

  async recordInbound(message: InboundMessage): Promise<{ entry: LoggedMessage; duplicate: boolean }> {
    this.assertOpen('recordInbound');
    const now = this.now();
    const fields = inboundDocument(message, now, this.ttlDays);
    const existingId = this.messageIds.get(keyOf(fields.hotelId, fields.channelId, fields.providerMessageId));
    const existing = existingId === undefined ? undefined : this.messages.get(existingId);
    if (existing) return { entry: this.messageOut(existing), duplicate: true };
    const doc: StoredMessage = { _id: newObjectIdHex(now.getTime()), ...fields };
    this.insertMessage(doc);
    return { entry: this.messageOut(doc), duplicate: false };
  }

  async pendingInbound(hotelId: string, filter: { channelId?: string; guest?: string; limit?: number } = {}): Promise<LoggedMessage[]> {
    this.assertOpen('pendingInbound');
    assertHotelId(hotelId);
    if (filter.channelId !== undefined) assertChannelId(filter.channelId);
    if (filter.guest !== undefined) assertGuest(filter.guest);
    const limit = clampLimit(filter.limit, QUERY_LIMITS.pendingInbound.fallback, QUERY_LIMITS.pendingInbound.max);
    return this.oldestFirst(
      this.openWork,
      (m) =>
        m.hotelId === hotelId &&
        m.status === 'received' &&
        (filter.channelId === undefined || m.channelId === filter.channelId) &&
        (filter.guest === undefined || m.guest === filter.guest),
      limit,
    );
  }

  async markInbound(hotelId: string, id: string, status: 'handled' | 'failed', error?: { code: string; message: string }): Promise<void> {
    this.assertOpen('markInbound');
    assertHotelId(hotelId);
    assertInboundOutcome(status);
    const normalisedError = error === undefined ? undefined : normaliseError(error, 'error');
    const doc = this.ownMessage(hotelId, id);
    if (!doc || doc.direction !== 'in' || doc.status !== 'received') return;
    this.touch(doc);
    this.setStatus(doc, status);
    if (normalisedError) doc.error = normalisedError;
  }

  async enqueueOutbound(messages: readonly NewOutbound[]): Promise<LoggedMessage[]> {
    this.assertOpen('enqueueOutbound');
    if (!Array.isArray(messages)) throw new StoreValidationError('enqueueOutbound: expected an array of messages');
    const now = this.now();
    // Validate all before storing any, as MongoDB's insertMany of pre-validated rows does.
    const docs: StoredMessage[] = messages.map((m) => {
      const id = newObjectIdHex(now.getTime());
      return { _id: id, ...outboundDocument(m, id, now, this.ttlDays) };
    });
    for (const doc of docs) this.insertMessage(doc);
    return docs.map((d) => this.messageOut(d));
  }

  async enqueueOutboundOnce(id: string, message: NewOutbound): Promise<{ entry: LoggedMessage; duplicate: boolean }> {
    this.assertOpen('enqueueOutboundOnce');
    if (!isStoreId(id)) throw new StoreValidationError(`enqueueOutboundOnce: invalid id ${JSON.stringify(String(id)).slice(0, 40)}`);
    const now = this.now();
    const doc: StoredMessage = { _id: id, ...outboundDocument(message, id, now, this.ttlDays) };
    const existing = this.messages.get(id);
    if (existing && existing.hotelId !== doc.hotelId)
      throw new StoreValidationError('enqueueOutboundOnce: the id is taken by another hotel');
    if (existing) return { entry: this.messageOut(existing), duplicate: true };
    this.insertMessage(doc);
    return { entry: this.messageOut(doc), duplicate: false };
  }

  async dueOutbound(hotelId: string, now: Date = this.now(), limit?: number): Promise<LoggedMessage[]> {
    this.assertOpen('dueOutbound');
    assertHotelId(hotelId);
    assertDate(now, 'now');
    const max = clampLimit(limit, QUERY_LIMITS.dueOutbound.fallback, QUERY_LIMITS.dueOutbound.max);
    return this.oldestFirst(
      this.openWork,
      (m) => m.hotelId === hotelId && m.status === 'queued' && m.nextAttemptAt !== undefined && m.nextAttemptAt <= now,
      max,
    );
  }

  async queuedOutbound(key: ConversationKey, limit?: number): Promise<LoggedMessage[]> {
    this.assertOpen('queuedOutbound');
    assertConversationKey(key);
    const max = clampLimit(limit, QUERY_LIMITS.queuedOutbound.fallback, QUERY_LIMITS.queuedOutbound.max);
    return this.oldestFirst(this.conversationMessageIds(key), (m) => m.direction === 'out' && m.status === 'queued', max);
  }

  async claimOutbound(hotelId: string, id: string, leaseMs: number): Promise<boolean> {
    this.assertOpen('claimOutbound');
    assertHotelId(hotelId);
    assertPositiveMs(leaseMs, 'leaseMs');
    const now = this.now();
    const doc = this.ownMessage(hotelId, id);
    if (!doc || doc.direction !== 'out' || doc.status !== 'queued' || !doc.nextAttemptAt || doc.nextAttemptAt > now) return false;
    this.touch(doc, now);
    doc.nextAttemptAt = new Date(now.getTime() + leaseMs);
    doc.attempts += 1;
    return true;
  }

  async markSent(hotelId: string, id: string, providerMessageId: string): Promise<void> {
    this.assertOpen('markSent');
    assertHotelId(hotelId);
    assertProviderMessageId(providerMessageId);
    const doc = this.ownMessage(hotelId, id);
    if (!doc || doc.direction !== 'out' || doc.status !== 'queued') return;
    const dedupKey = keyOf(doc.hotelId, doc.channelId, providerMessageId);
    const holder = this.messageIds.get(dedupKey);
    if (holder !== undefined && holder !== doc._id)
      throw new StoreValidationError(`provider message id is already logged for another message`);
    this.messageIds.delete(keyOf(doc.hotelId, doc.channelId, doc.providerMessageId));
    this.messageIds.set(dedupKey, doc._id);
    this.touch(doc);
    doc.providerMessageId = providerMessageId;
    this.setStatus(doc, 'sent');
    delete doc.nextAttemptAt;
    delete doc.error;
  }

  async markSendFailed(hotelId: string, id: string, error: { code: string; message: string }, nextAttemptAt?: Date): Promise<void> {
    this.assertOpen('markSendFailed');
    assertHotelId(hotelId);
    const normalisedError = normaliseError(error, 'error');
    if (nextAttemptAt !== undefined) assertDate(nextAttemptAt, 'nextAttemptAt');
    const doc = this.ownMessage(hotelId, id);
    if (!doc || doc.direction !== 'out' || doc.status !== 'queued') return;
    this.touch(doc);
    doc.error = normalisedError;
    if (nextAttemptAt) doc.nextAttemptAt = new Date(nextAttemptAt.getTime());
    else {
      this.setStatus(doc, 'failed');
      delete doc.nextAttemptAt;
    }
  }

  async updateDelivery(
    hotelId: string,
    channelId: string,
    providerMessageId: string,
    status: DeliveryState,
    error?: { code: string; message: string },
  ): Promise<LoggedMessage | undefined> {
    this.assertOpen('updateDelivery');
    assertHotelId(hotelId);
    assertChannelId(channelId);
    assertProviderMessageId(providerMessageId);
    assertDeliveryState(status);
    const normalisedError = error === undefined ? undefined : normaliseError(error, 'error');
    const id = this.messageIds.get(keyOf(hotelId, channelId, providerMessageId));
    const doc = id === undefined ? undefined : this.messages.get(id);
    if (!doc || doc.direction !== 'out') return undefined;
    if (statusesThatMayBecome(status).includes(doc.status)) {
      this.touch(doc);
      this.setStatus(doc, status);
      if (normalisedError) doc.error = normalisedError;
    }
    return this.messageOut(doc);
  }

  async history(key: ConversationKey, limit?: number): Promise<LoggedMessage[]> {
    this.assertOpen('history');
    assertConversationKey(key);
    const max = clampLimit(limit, QUERY_LIMITS.history.fallback, QUERY_LIMITS.history.max);
    return this.byAge(this.conversationMessageIds(key), () => true)
      .slice(-max)
      .map((m) => this.messageOut(m));
  }

  // Internals -------------------------------------------------------------------

  private now(): Date {
    return new Date(this.clock().getTime());
  }

  private assertOpen(operation: string): void {
    if (!this.isOpen) throw new StoreUnavailableError(`conversation store is not open (${operation})`);
  }

  private ownConversation(hotelId: string, id: string): StoredConversation | undefined {
    const doc = isStoreId(id) ? this.conversations.get(id) : undefined;
    return doc?.hotelId === hotelId ? doc : undefined;
  }

  private ownMessage(hotelId: string, id: string): StoredMessage | undefined {
    const doc = isStoreId(id) ? this.messages.get(id) : undefined;
    return doc?.hotelId === hotelId ? doc : undefined;
  }

  private removeConversation(doc: StoredConversation): void {
    this.conversations.delete(doc._id);
    this.conversationIds.delete(keyOf(doc.hotelId, doc.channelId, doc.guest));
    const guestKey = keyOf(doc.hotelId, '', doc.guest);
    const ids = this.conversationsByGuest.get(guestKey);
    ids?.delete(doc._id);
    if (ids?.size === 0) this.conversationsByGuest.delete(guestKey);
  }

  private insertMessage(doc: StoredMessage): void {
    this.messages.set(doc._id, doc);
    this.messageIds.set(keyOf(doc.hotelId, doc.channelId, doc.providerMessageId), doc._id);
    this.sequence.set(doc._id, this.nextSequence++);
    const conversationKey = keyOf(doc.hotelId, doc.channelId, doc.guest);
    const ids = this.messagesByConversation.get(conversationKey) ?? new Set<string>();
    this.messagesByConversation.set(conversationKey, ids.add(doc._id));
    this.setStatus(doc, doc.status);
  }

  private removeMessage(doc: StoredMessage): void {
    this.messages.delete(doc._id);
    this.messageIds.delete(keyOf(doc.hotelId, doc.channelId, doc.providerMessageId));
    this.sequence.delete(doc._id);
    this.openWork.delete(doc._id);
    const conversationKey = keyOf(doc.hotelId, doc.channelId, doc.guest);
    const ids = this.messagesByConversation.get(conversationKey);
    ids?.delete(doc._id);
    if (ids?.size === 0) this.messagesByConversation.delete(conversationKey);
  }

  private setStatus(doc: StoredMessage, status: StoredMessage['status']): void {
    doc.status = status;
    if (status === 'received' || status === 'queued') this.openWork.add(doc._id);
    else this.openWork.delete(doc._id);
  }

  private conversationMessageIds(key: ConversationKey): Iterable<string> {
    return this.messagesByConversation.get(keyOf(key.hotelId, key.channelId, key.guest)) ?? [];
  }

  private touch(doc: StoredMessage, now = this.now()): void {
    doc.updatedAt = now;
    doc.expiresAt = expiryFrom(now, this.ttlDays);
  }

  private compareAge(a: StoredMessage, b: StoredMessage): number {
    return a.createdAt.getTime() - b.createdAt.getTime() || this.sequence.get(a._id)! - this.sequence.get(b._id)!;
  }

  private oldestFirst(ids: Iterable<string>, match: (m: StoredMessage) => boolean, limit: number): LoggedMessage[] {
    return this.byAge(ids, match)
      .slice(0, limit)
      .map((m) => this.messageOut(m));
  }

  private byAge(ids: Iterable<string>, match: (m: StoredMessage) => boolean): StoredMessage[] {
    return [...ids]
      .map((id) => this.messages.get(id)!)
      .filter(match)
      .sort((a, b) => this.compareAge(a, b));
  }

  private conversationOut(doc: StoredConversation): Conversation {
    return toConversation(deepCopy(doc));
  }

  private messageOut(doc: StoredMessage): LoggedMessage {
    return toLoggedMessage(deepCopy(doc));
  }
}
