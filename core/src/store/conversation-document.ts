import type { Conversation, ConversationKey, FlowState, HandoffState, MenuState, SentimentState } from './conversation';

/**
 * A conversation as stored, by both implementations. Optional fields are absent (never null)
 * when cleared, because clearing is an `$unset`.
 */
export interface ConversationDocument {
  /** An ObjectId in MongoDB, its 24-hex string in memory. */
  _id: { toString(): string } | string;
  hotelId: string;
  channelId: string;
  guest: string;
  language?: string;
  flow?: FlowState;
  slots: Record<string, unknown>;
  menu?: MenuState;
  handoff?: HandoffState;
  sentiment?: SentimentState;
  profile: { name?: string };
  data: Record<string, Record<string, unknown>>;
  lastInboundAt?: Date;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  version: number;
}

/** Fields that a save may clear and that a reset after expiry removes. */
export const CLEARABLE_FIELDS = ['language', 'flow', 'menu', 'handoff', 'sentiment', 'lastInboundAt'] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

export function expiryFrom(now: Date, ttlDays: number): Date {
  return new Date(now.getTime() + ttlDays * DAY_MS);
}

/** What a conversation starts as on first contact (and again after it expired). */
export function freshConversationFields(now: Date, ttlDays: number): Omit<ConversationDocument, '_id' | keyof ConversationKey | 'version'> {
  return { slots: {}, profile: {}, data: {}, createdAt: now, updatedAt: now, expiresAt: expiryFrom(now, ttlDays) };
}

/**
 * Maps a stored document to what callers see. Nested objects are shared with `doc`: MongoDB
 * hands out fresh documents per query, and the memory store passes a clone.
 */
export function toConversation(doc: ConversationDocument): Conversation {
  const out: { -readonly [K in keyof Conversation]: Conversation[K] } = {
    id: doc._id.toString(),
    hotelId: doc.hotelId,
    channelId: doc.channelId,
    guest: doc.guest,
    slots: doc.slots ?? {},
    profile: doc.profile ?? {},
    data: doc.data ?? {},
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    expiresAt: doc.expiresAt,
    version: doc.version,
  };
  if (doc.language != null) out.language = doc.language;
  if (doc.flow != null) out.flow = doc.flow;
  if (doc.menu != null) out.menu = doc.menu;
  if (doc.handoff != null) out.handoff = doc.handoff;
  if (doc.sentiment != null) out.sentiment = doc.sentiment;
  if (doc.lastInboundAt != null) out.lastInboundAt = doc.lastInboundAt;
  return out;
}
