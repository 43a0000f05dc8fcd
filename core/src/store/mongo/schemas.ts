import { Schema, type IndexDefinition, type IndexOptions } from 'mongoose';

/**
 * Options shared by the store's schemas. The store writes every field itself (timestamps,
 * version, defaults) with the same code as the memory store, so mongoose adds nothing:
 * no `__v`, no timestamps, no defaults on upsert, and it never builds indexes behind our back
 * (index creation is explicit, at `open()`, where FerretDB's gaps can be handled).
 */
const storeSchemaOptions = {
  versionKey: false,
  timestamps: false,
  minimize: false,
  strict: true,
  autoIndex: false,
  autoCreate: false,
  bufferCommands: false,
  id: false,
} as const;

/**
 * Structured sub-objects (flow, menu, handoff, sentiment, slots, data) are `Mixed`: their
 * shape is checked by `plan-changes.ts` before any write, in one place for both stores, and
 * mongoose casting them again would only cost time on every turn.
 */
export const conversationSchema = new Schema(
  {
    hotelId: { type: String, required: true },
    channelId: { type: String, required: true },
    guest: { type: String, required: true },
    language: String,
    flow: Schema.Types.Mixed,
    slots: Schema.Types.Mixed,
    menu: Schema.Types.Mixed,
    handoff: Schema.Types.Mixed,
    sentiment: Schema.Types.Mixed,
    profile: Schema.Types.Mixed,
    data: Schema.Types.Mixed,
    lastInboundAt: Date,
    createdAt: Date,
    updatedAt: Date,
    expiresAt: Date,
    version: Number,
  },
  { ...storeSchemaOptions, collection: 'conversations' },
);

export const messageSchema = new Schema(
  {
    hotelId: { type: String, required: true },
    channelId: { type: String, required: true },
    guest: { type: String, required: true },
    direction: { type: String, required: true },
    providerMessageId: { type: String, required: true },
    content: Schema.Types.Mixed,
    status: String,
    error: Schema.Types.Mixed,
    attempts: Number,
    nextAttemptAt: Date,
    inReplyTo: String,
    notBefore: Date,
    outsideWindowTemplate: Schema.Types.Mixed,
    proactiveBy: String,
    rawJson: String,
    profileName: String,
    replyTo: String,
    sentAt: Date,
    createdAt: Date,
    updatedAt: Date,
    expiresAt: Date,
  },
  { ...storeSchemaOptions, collection: 'messages' },
);

export interface IndexSpec {
  readonly fields: IndexDefinition;
  readonly options: IndexOptions & { name: string };
}

/**
 * Every index starts with `hotelId`: each query is scoped to one hotel, so the index serves
 * the scoping filter and the rest of the query together. Only plain and unique indexes are
 * used (no partial or sparse ones), so they build the same on MongoDB and FerretDB.
 */
export const CONVERSATION_INDEXES: readonly IndexSpec[] = [
  { fields: { hotelId: 1, channelId: 1, guest: 1 }, options: { name: 'conversation_key', unique: true } },
  { fields: { hotelId: 1, updatedAt: -1 }, options: { name: 'hotel_recent' } },
  /** guestConversations: one guest's conversations at a hotel, latest guest message first. */
  { fields: { hotelId: 1, guest: 1, lastInboundAt: -1 }, options: { name: 'hotel_guest' } },
];

export const MESSAGE_INDEXES: readonly IndexSpec[] = [
  /** The inbox's dedup key; outbound rows hold a unique `out:<id>` until sent. */
  { fields: { hotelId: 1, channelId: 1, providerMessageId: 1 }, options: { name: 'provider_message', unique: true } },
  /** pendingInbound (status received) and dueOutbound (status queued), oldest first. */
  { fields: { hotelId: 1, status: 1, createdAt: 1 }, options: { name: 'work_queue' } },
  /** history and queuedOutbound of one conversation. */
  { fields: { hotelId: 1, channelId: 1, guest: 1, createdAt: -1 }, options: { name: 'conversation_history' } },
];

for (const { fields, options } of CONVERSATION_INDEXES) conversationSchema.index(fields, options);
for (const { fields, options } of MESSAGE_INDEXES) messageSchema.index(fields, options);
