import type { DeliveryState, InboundContent, InboundMessage } from '../messaging/inbound';
import type { OutboundContent } from '../messaging/outbound';
import { expiryFrom } from './conversation-document';
import type { NewOutbound } from './conversation-store';
import type { LoggedMessage, LoggedStatus } from './message-log';
import {
  INBOUND_CONTENT_LIMITS,
  OUTBOUND_PLACEHOLDER_PREFIX,
  assertChannelId,
  STORE_LIMITS,
  assertDate,
  assertGuest,
  assertHotelId,
  assertName,
  assertProviderMessageId,
  isPlainObject,
  sanitiseContent,
  serialiseRaw,
} from './validate-input';
import { StoreValidationError } from './conversation-store';

/** A message-log row as stored, by both implementations. */
export interface MessageDocument {
  /** An ObjectId in MongoDB, its 24-hex string in memory. */
  _id: { toString(): string } | string;
  hotelId: string;
  channelId: string;
  guest: string;
  direction: 'in' | 'out';
  /**
   * Always present, so one plain unique index dedups inbound messages without partial-index
   * support (FerretDB v1 has none): queued replies hold `out:<id>` until the provider's id
   * replaces it.
   */
  providerMessageId: string;
  content: Record<string, unknown>;
  status: LoggedStatus;
  error?: { code: string; message: string };
  attempts: number;
  /** Queued replies only: not due before this. A claim pushes it forward by the lease. */
  nextAttemptAt?: Date;
  inReplyTo?: string;
  /** Outbound: deferred until then; `nextAttemptAt` starts there, and the sender steps over it until due. */
  notBefore?: Date;
  /** Outbound: the template sent instead if the 24-hour window is closed when it goes out. */
  outsideWindowTemplate?: Record<string, unknown>;
  /** Outbound: the plugin that sent it proactively. */
  proactiveBy?: string;
  /** The provider payload as JSON text (its keys are not ours to vet). */
  rawJson?: string;
  /** The guest's profile name as the provider sent it with an inbound message. */
  profileName?: string;
  /** Inbound: the provider id of the message this one quotes. */
  replyTo?: string;
  /** Inbound: when the guest sent it, by the provider's clock (`createdAt` is when we stored it). */
  sentAt?: Date;
  createdAt: Date;
  updatedAt: Date;
  /** Rows expire like conversations: `conversationTtlDays` after their last change. */
  expiresAt: Date;
}

const INBOUND_KINDS: ReadonlySet<InboundContent['kind']> = new Set(['text', 'choice', 'location', 'media', 'reaction', 'unsupported']);
const OUTBOUND_KINDS: ReadonlySet<OutboundContent['kind']> = new Set(['text', 'buttons', 'list', 'media', 'template', 'location']);
const TEMPLATE_KIND: ReadonlySet<OutboundContent['kind']> = new Set(['template']);

/** Validates an inbound message and builds its row (without `_id`). */
export function inboundDocument(message: InboundMessage, now: Date, ttlDays: number): Omit<MessageDocument, '_id'> {
  if (!isPlainObject(message)) throw new StoreValidationError('inbound message: expected an object');
  assertHotelId(message.hotelId);
  assertChannelId(message.channelId);
  assertGuest(message.from);
  assertProviderMessageId(message.providerMessageId);
  assertDate(message.timestamp, 'inbound message timestamp');
  const doc: Omit<MessageDocument, '_id'> = {
    hotelId: message.hotelId,
    channelId: message.channelId,
    guest: message.from,
    direction: 'in',
    providerMessageId: message.providerMessageId,
    content: sanitiseContent(message.content, 'inbound content', INBOUND_KINDS, INBOUND_CONTENT_LIMITS),
    status: 'received',
    attempts: 0,
    createdAt: now,
    updatedAt: now,
    expiresAt: expiryFrom(now, ttlDays),
  };
  const rawJson = serialiseRaw(message.raw);
  if (rawJson !== undefined) doc.rawJson = rawJson;
  // Kept so any instance, or this one after a restart, runs the turn with the message exactly
  // as received: the turn is rebuilt from this row, never from a copy in one process's memory.
  doc.sentAt = message.timestamp;
  if (typeof message.profileName === 'string' && message.profileName.trim()) doc.profileName = message.profileName.trim().slice(0, 256);
  const replyTo = quotedId(message.replyTo);
  if (replyTo !== undefined) doc.replyTo = replyTo;
  return doc;
}

/**
 * The quoted message's id, when it is one a provider could have sent. Anything else is dropped
 * rather than refusing the message: a guest's words matter more than what they quoted.
 */
function quotedId(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > STORE_LIMITS.idLength || value.includes('\0')) return undefined;
  return value;
}

/** Validates a reply and builds its queued row; `id` is the row id the placeholder embeds. */
export function outboundDocument(message: NewOutbound, id: string, now: Date, ttlDays: number): Omit<MessageDocument, '_id'> {
  if (!isPlainObject(message)) throw new StoreValidationError('outbound message: expected an object');
  assertHotelId(message.hotelId);
  assertChannelId(message.channelId);
  assertGuest(message.guest);
  const doc: Omit<MessageDocument, '_id'> = {
    hotelId: message.hotelId,
    channelId: message.channelId,
    guest: message.guest,
    direction: 'out',
    providerMessageId: `${OUTBOUND_PLACEHOLDER_PREFIX}${id}`,
    content: sanitiseContent(message.content, 'outbound content', OUTBOUND_KINDS),
    status: 'queued',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
    expiresAt: expiryFrom(now, ttlDays),
  };
  if (message.inReplyTo !== undefined) {
    assertName(message.inReplyTo, 'inReplyTo');
    doc.inReplyTo = message.inReplyTo;
  }
  if (message.notBefore !== undefined) {
    assertDate(message.notBefore, 'notBefore');
    doc.notBefore = new Date(message.notBefore.getTime());
    // Due from then on: `dueOutbound` (the sweeper) finds it when it is, also after a restart.
    if (message.notBefore > now) doc.nextAttemptAt = doc.notBefore;
  }
  if (message.outsideWindowTemplate !== undefined)
    doc.outsideWindowTemplate = sanitiseContent(message.outsideWindowTemplate, 'outsideWindowTemplate', TEMPLATE_KIND);
  if (message.proactiveBy !== undefined) {
    assertName(message.proactiveBy, 'proactiveBy');
    doc.proactiveBy = message.proactiveBy;
  }
  return doc;
}

/** Maps a stored row to what callers see. */
export function toLoggedMessage(doc: MessageDocument): LoggedMessage {
  const out: { -readonly [K in keyof LoggedMessage]: LoggedMessage[K] } = {
    id: doc._id.toString(),
    hotelId: doc.hotelId,
    channelId: doc.channelId,
    guest: doc.guest,
    direction: doc.direction,
    providerMessageId: doc.providerMessageId,
    content: doc.content as unknown as LoggedMessage['content'],
    status: doc.status,
    attempts: doc.attempts,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
  if (doc.error != null) out.error = doc.error;
  if (doc.nextAttemptAt != null) out.nextAttemptAt = doc.nextAttemptAt;
  if (doc.inReplyTo != null) out.inReplyTo = doc.inReplyTo;
  if (doc.notBefore != null) out.notBefore = doc.notBefore;
  if (doc.outsideWindowTemplate != null)
    out.outsideWindowTemplate = doc.outsideWindowTemplate as unknown as NonNullable<LoggedMessage['outsideWindowTemplate']>;
  if (doc.proactiveBy != null) out.proactiveBy = doc.proactiveBy;
  if (doc.rawJson != null) out.raw = JSON.parse(doc.rawJson);
  if (doc.profileName != null) out.profileName = doc.profileName;
  if (doc.replyTo != null) out.replyTo = doc.replyTo;
  if (doc.sentAt != null) out.sentAt = doc.sentAt;
  return out;
}

/**
 * Statuses a sent reply may be in for a provider status to apply: delivery only moves forward
 * (sent → delivered → read) and `failed` is final. `sent` itself was recorded by `markSent`,
 * so a provider's "sent" changes nothing; nor does a late "delivered" after "read", or
 * anything after "failed".
 */
export function statusesThatMayBecome(next: DeliveryState): LoggedStatus[] {
  switch (next) {
    case 'sent':
      return [];
    case 'delivered':
      return ['sent'];
    case 'read':
      return ['sent', 'delivered'];
    case 'failed':
      return ['sent', 'delivered'];
  }
}
