import mongoose, { Types, type Connection, type Model, type UpdateQuery } from 'mongoose';
import type { Logger } from '../../logging/logger';
import type { DeliveryState, InboundMessage } from '../../messaging/inbound';
import type { Conversation, ConversationChanges, ConversationKey } from '../conversation';
import { CLEARABLE_FIELDS, expiryFrom, freshConversationFields, toConversation, type ConversationDocument } from '../conversation-document';
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
import { MongoCollections } from '../collections/mongo/mongo-collections';
import { databaseInUri, isUnavailableError, redactUri } from './connectivity';
import { ensureExpiryIndex } from './expiry-index';
import { PluginModelRegistry } from './plugin-models';
import { conversationSchema, messageSchema } from './schemas';
import { warnIfUpdatesAreNotAtomic } from './server-features';

export interface MongoStoreOptions {
  /** `mongodb://` or `mongodb+srv://`. The database is `dbName` if given, else the URI's path, else `hotello`. */
  uri: string;
  /** Overrides the database named in the URI (tests give each file its own). */
  dbName?: string;
  /** Idle conversations and message-log rows are removed this many days after their last change. */
  conversationTtlDays?: number;
  /** How long an operation waits for the server before failing with {@link StoreUnavailableError}. */
  operationTimeoutMs?: number;
  logger: Logger;
  /** The store's notion of now (tests move it). */
  clock?: () => Date;
  /** Emit the driver's command events on `connection.getClient()` (the benchmark counts round trips with them). */
  monitorCommands?: boolean;
  maxPoolSize?: number;
}

type ConversationDoc = ConversationDocument & { _id: Types.ObjectId };
type MessageDoc = MessageDocument & { _id: Types.ObjectId };

const DEFAULT_OPERATION_TIMEOUT_MS = 5_000;
/** Lets the driver's own, more specific error win the race with our deadline. */
const DEADLINE_MARGIN_MS = 250;

function objectId(id: string): Types.ObjectId | undefined {
  return isStoreId(id) ? new Types.ObjectId(id) : undefined;
}

/**
 * The production store: MongoDB through mongoose, on a connection of its own. It uses only
 * what MongoDB 6+ and the FerretDB v1 test server share: conditional single-document updates
 * (no transactions, `$lookup`, `$push`+`$slice`, TTL-only expiry or projections in
 * `findOneAndUpdate`), and it never relies on error code 11000 from an update. A turn costs
 * two round trips: `load` (an upsert) and `save` (an update pinned to the loaded version).
 *
 * When the server goes away, operations fail within `operationTimeoutMs` with
 * {@link StoreUnavailableError} (nothing is buffered), and the driver reconnects by itself
 * when it comes back; the store needs no restart.
 */
export class MongoConversationStore implements ConversationStore {
  /** The store's own mongoose connection; plugin collections live on it too. */
  readonly connection: Connection;
  private readonly conversations: Model<ConversationDoc>;
  private readonly messages: Model<MessageDoc>;
  private readonly plugins: PluginModelRegistry;
  readonly pluginCollections: MongoCollections;
  private readonly ttlDays: number;
  private readonly timeoutMs: number;
  private readonly clock: () => Date;
  private readonly logger: Logger;
  private state: 'new' | 'opening' | 'open' | 'closed' = 'new';
  private opening?: Promise<void>;
  private ttlIndexes = false;

  constructor(private readonly options: MongoStoreOptions) {
    this.ttlDays = options.conversationTtlDays ?? DEFAULT_TTL_DAYS;
    this.timeoutMs = options.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS;
    this.clock = options.clock ?? (() => new Date());
    this.logger = options.logger;
    // Not the global default connection: the store owns this one, its options and its life.
    this.connection = mongoose.createConnection();
    this.conversations = this.connection.model('Conversation', conversationSchema) as unknown as Model<ConversationDoc>;
    this.messages = this.connection.model('Message', messageSchema) as unknown as Model<MessageDoc>;
    this.plugins = new PluginModelRegistry(
      this.connection,
      () => this.state === 'open',
      (collection, err) => this.logger.error({ err, collection }, 'building plugin model indexes failed'),
    );
    this.pluginCollections = new MongoCollections(this.plugins, (operation, fn) => {
      this.assertOpen(operation);
      return this.run(operation, fn);
    });
    this.connection.on(
      'disconnected',
      () => this.state === 'open' && this.logger.warn('MongoDB connection lost; operations fail until it is back'),
    );
    this.connection.on('reconnected', () => this.logger.info('MongoDB connection restored'));
    this.connection.on('error', (err: unknown) => this.logger.warn({ err }, 'MongoDB connection error'));
  }

  /** Whether the server expires documents by itself (a TTL index); the sweeper runs either way. */
  get serverSideExpiry(): boolean {
    return this.ttlIndexes;
  }

  async open(): Promise<void> {
    if (this.state === 'open') return;
    this.opening ??= this.connect().finally(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  private async connect(): Promise<void> {
    this.state = 'opening';
    const { uri } = this.options;
    try {
      await this.connection.openUri(uri, {
        dbName: this.options.dbName ?? databaseInUri(uri) ?? 'hotello',
        bufferCommands: false,
        autoIndex: false,
        autoCreate: false,
        serverSelectionTimeoutMS: this.timeoutMs,
        connectTimeoutMS: this.timeoutMs,
        monitorCommands: this.options.monitorCommands ?? false,
        ...(this.options.maxPoolSize ? { maxPoolSize: this.options.maxPoolSize } : {}),
      });
    } catch (err) {
      this.state = 'new';
      throw new StoreUnavailableError(`cannot connect to MongoDB at ${redactUri(uri)}: ${(err as Error).message}`, err);
    }
    try {
      await warnIfUpdatesAreNotAtomic(this.connection, this.logger);
      const [conversationsTtl, messagesTtl] = await Promise.all([
        ensureExpiryIndex(this.conversations, this.logger),
        ensureExpiryIndex(this.messages, this.logger),
        this.conversations.createIndexes(),
        this.messages.createIndexes(),
        this.plugins.buildAll(),
      ]);
      this.ttlIndexes = conversationsTtl && messagesTtl;
    } catch (err) {
      await this.connection.close().catch(() => undefined);
      this.state = 'new';
      throw this.translate('open', err);
    }
    this.state = 'open';
    this.logger.info({ uri: redactUri(uri), db: this.connection.name, serverSideExpiry: this.ttlIndexes }, 'conversation store open');
  }

  async close(): Promise<void> {
    if (this.state === 'closed' || this.state === 'new') {
      this.state = 'closed';
      return;
    }
    this.state = 'closed';
    await this.connection.close();
  }

  async ping(): Promise<void> {
    this.assertOpen('ping');
    await this.run('ping', () => this.connection.getClient().db('admin').command({ ping: 1 }));
  }

  // Conversations ---------------------------------------------------------------

  async load(key: ConversationKey): Promise<Conversation> {
    this.assertOpen('load');
    assertConversationKey(key);
    const now = this.now();
    const filter = { hotelId: key.hotelId, channelId: key.channelId, guest: key.guest };
    const doc = await this.run('load', async () => {
      try {
        return await this.conversations
          .findOneAndUpdate(
            filter,
            { $setOnInsert: { ...freshConversationFields(now, this.ttlDays), version: 0 } },
            { upsert: true, returnDocument: 'after', setDefaultsOnInsert: false },
          )
          .lean<ConversationDoc>();
      } catch (err) {
        if (isUnavailableError(err)) throw err;
        // Two first messages raced and the loser's insert hit the unique key. MongoDB 4.2+
        // retries such an upsert itself; other servers report an error whose code we do not
        // rely on. Either way the document exists now.
        const existing = await this.conversations.findOne(filter).lean<ConversationDoc>();
        if (existing) return existing;
        throw err;
      }
    });
    if (!doc) throw new Error('upsert returned no document');
    if (doc.expiresAt <= now) return this.restartExpired(key, doc, now);
    return toConversation(doc);
  }

  async save(conversation: Conversation, changes: ConversationChanges): Promise<Conversation> {
    this.assertOpen('save');
    const { id, hotelId, version } = savedIdentity(conversation);
    const plan = planChanges(conversation, changes);
    const _id = objectId(id);
    if (!_id) throw new ConcurrentUpdateError(keyOfConversation(conversation), version);
    const now = this.now();
    const update: UpdateQuery<ConversationDoc> = {
      $set: { ...plan.set, updatedAt: now, expiresAt: expiryFrom(now, this.ttlDays) },
      $inc: { version: 1 },
    };
    if (plan.unset.length > 0) update.$unset = Object.fromEntries(plan.unset.map((path) => [path, '']));
    const doc = await this.run('save', () => this.updateConversation({ _id, hotelId, version }, update));
    if (!doc) throw new ConcurrentUpdateError(keyOfConversation(conversation), version);
    return toConversation(doc);
  }

  async find(hotelId: string, conversationId: string): Promise<Conversation | undefined> {
    this.assertOpen('find');
    assertHotelId(hotelId);
    const _id = objectId(conversationId);
    if (!_id) return undefined;
    const doc = await this.run('find', () => this.conversations.findOne({ _id, hotelId }).lean<ConversationDoc>());
    return doc ? toConversation(doc) : undefined;
  }

  async findByKey(key: ConversationKey): Promise<Conversation | undefined> {
    this.assertOpen('findByKey');
    assertConversationKey(key);
    const doc = await this.run('findByKey', () =>
      this.conversations.findOne({ hotelId: key.hotelId, channelId: key.channelId, guest: key.guest }).lean<ConversationDoc>(),
    );
    return doc ? toConversation(doc) : undefined;
  }

  async list(hotelId: string, filter: { handoff?: boolean; limit?: number } = {}): Promise<Conversation[]> {
    this.assertOpen('list');
    assertHotelId(hotelId);
    const limit = clampLimit(filter.limit, QUERY_LIMITS.list.fallback, QUERY_LIMITS.list.max);
    const query: Record<string, unknown> = { hotelId };
    if (filter.handoff === true) query['handoff.active'] = true;
    else if (filter.handoff === false) query['handoff.active'] = { $ne: true };
    const docs = await this.run('list', () =>
      this.conversations.find(query).sort({ updatedAt: -1, _id: -1 }).limit(limit).lean<ConversationDoc[]>(),
    );
    return docs.map(toConversation);
  }

  async guestConversations(hotelId: string, guest: string, limit?: number): Promise<Conversation[]> {
    this.assertOpen('guestConversations');
    assertHotelId(hotelId);
    assertGuest(guest);
    const max = clampLimit(limit, QUERY_LIMITS.guestConversations.fallback, QUERY_LIMITS.guestConversations.max);
    // Served by the `hotel_guest` index; never-written conversations (no lastInboundAt) sort last.
    const docs = await this.run('guestConversations', () =>
      this.conversations.find({ hotelId, guest }).sort({ lastInboundAt: -1, _id: -1 }).limit(max).lean<ConversationDoc[]>(),
    );
    return docs.map(toConversation);
  }

  async delete(hotelId: string, conversationId: string): Promise<boolean> {
    this.assertOpen('delete');
    assertHotelId(hotelId);
    const _id = objectId(conversationId);
    if (!_id) return false;
    const result = await this.run('delete', () => this.conversations.deleteOne({ _id, hotelId }));
    return result.deletedCount === 1;
  }

  async sweepExpired(now: Date = this.now()): Promise<number> {
    this.assertOpen('sweepExpired');
    assertDate(now, 'now');
    // Across hotels on purpose: expiry is the store's own housekeeping, not a tenant's query.
    const [conversations] = await this.run('sweepExpired', () =>
      Promise.all([this.conversations.deleteMany({ expiresAt: { $lte: now } }), this.messages.deleteMany({ expiresAt: { $lte: now } })]),
    );
    return conversations.deletedCount;
  }

  // Message log -----------------------------------------------------------------

  async recordInbound(message: InboundMessage): Promise<{ entry: LoggedMessage; duplicate: boolean }> {
    this.assertOpen('recordInbound');
    const now = this.now();
    const { hotelId, channelId, providerMessageId, ...rest } = inboundDocument(message, now, this.ttlDays);
    const filter = { hotelId, channelId, providerMessageId };
    // We propose the id: getting it back means this call inserted the row, whatever the
    // server says (or does not say) about upserts.
    const proposed = new Types.ObjectId();
    const doc = await this.run('recordInbound', async () => {
      try {
        return await this.messages
          .findOneAndUpdate(
            filter,
            { $setOnInsert: { _id: proposed, ...rest } },
            { upsert: true, returnDocument: 'after', setDefaultsOnInsert: false },
          )
          .lean<MessageDoc>();
      } catch (err) {
        if (isUnavailableError(err)) throw err;
        // A concurrent delivery of the same message won the insert (see `load`).
        const existing = await this.messages.findOne(filter).lean<MessageDoc>();
        if (existing) return existing;
        throw err;
      }
    });
    if (!doc) throw new Error('upsert returned no document');
    return { entry: toLoggedMessage(doc), duplicate: !proposed.equals(doc._id) };
  }

  async pendingInbound(hotelId: string, filter: { channelId?: string; guest?: string; limit?: number } = {}): Promise<LoggedMessage[]> {
    this.assertOpen('pendingInbound');
    assertHotelId(hotelId);
    const query: Record<string, unknown> = { hotelId, status: 'received', direction: 'in' };
    if (filter.channelId !== undefined) {
      assertChannelId(filter.channelId);
      query.channelId = filter.channelId;
    }
    if (filter.guest !== undefined) {
      assertGuest(filter.guest);
      query.guest = filter.guest;
    }
    const limit = clampLimit(filter.limit, QUERY_LIMITS.pendingInbound.fallback, QUERY_LIMITS.pendingInbound.max);
    return this.oldestFirst('pendingInbound', query, limit);
  }

  async markInbound(hotelId: string, id: string, status: 'handled' | 'failed', error?: { code: string; message: string }): Promise<void> {
    this.assertOpen('markInbound');
    assertHotelId(hotelId);
    assertInboundOutcome(status);
    const normalisedError = error === undefined ? undefined : normaliseError(error, 'error');
    const _id = objectId(id);
    if (!_id) return;
    const now = this.now();
    const $set: Record<string, unknown> = { status, ...this.touched(now) };
    if (normalisedError) $set.error = normalisedError;
    await this.run('markInbound', () => this.updateMessage({ _id, hotelId, direction: 'in', status: 'received' }, { $set }));
  }

  async enqueueOutbound(messages: readonly NewOutbound[]): Promise<LoggedMessage[]> {
    this.assertOpen('enqueueOutbound');
    if (!Array.isArray(messages)) throw new StoreValidationError('enqueueOutbound: expected an array of messages');
    const now = this.now();
    const docs: MessageDoc[] = messages.map((m) => {
      const _id = new Types.ObjectId();
      return { _id, ...outboundDocument(m, _id.toHexString(), now, this.ttlDays) };
    });
    if (docs.length === 0) return [];
    // Rows are built and validated above; `lean` skips a second pass through mongoose.
    await this.run('enqueueOutbound', () => this.messages.insertMany(docs, { ordered: true, lean: true }));
    return docs.map(toLoggedMessage);
  }

  async enqueueOutboundOnce(id: string, message: NewOutbound): Promise<{ entry: LoggedMessage; duplicate: boolean }> {
    this.assertOpen('enqueueOutboundOnce');
    const _id = objectId(id);
    if (!_id) throw new StoreValidationError(`enqueueOutboundOnce: invalid id ${JSON.stringify(String(id)).slice(0, 40)}`);
    const now = this.now();
    const { hotelId, ...rest } = outboundDocument(message, id, now, this.ttlDays);
    const filter = { _id, hotelId };
    const doc = await this.run('enqueueOutboundOnce', async () => {
      try {
        // `before` is null exactly when this call inserted the row: the primary key decides, on
        // every server, without a partial index or a second lookup.
        const before = await this.messages
          .findOneAndUpdate(filter, { $setOnInsert: rest }, { upsert: true, returnDocument: 'before', setDefaultsOnInsert: false })
          .lean<MessageDoc>();
        return before ? { row: before, duplicate: true } : undefined;
      } catch (err) {
        if (isUnavailableError(err)) throw err;
        // A concurrent caller inserted the same id first (see `load`), or another hotel holds it.
        const existing = await this.messages.findOne({ _id }).lean<MessageDoc>();
        if (existing && existing.hotelId === hotelId) return { row: existing, duplicate: true };
        if (existing) throw new StoreValidationError('enqueueOutboundOnce: the id is taken by another hotel');
        throw err;
      }
    });
    if (doc) return { entry: toLoggedMessage(doc.row), duplicate: true };
    return { entry: toLoggedMessage({ _id, hotelId, ...rest }), duplicate: false };
  }

  async dueOutbound(hotelId: string, now: Date = this.now(), limit?: number): Promise<LoggedMessage[]> {
    this.assertOpen('dueOutbound');
    assertHotelId(hotelId);
    assertDate(now, 'now');
    const max = clampLimit(limit, QUERY_LIMITS.dueOutbound.fallback, QUERY_LIMITS.dueOutbound.max);
    return this.oldestFirst('dueOutbound', { hotelId, status: 'queued', nextAttemptAt: { $lte: now } }, max);
  }

  async queuedOutbound(key: ConversationKey, limit?: number): Promise<LoggedMessage[]> {
    this.assertOpen('queuedOutbound');
    assertConversationKey(key);
    const max = clampLimit(limit, QUERY_LIMITS.queuedOutbound.fallback, QUERY_LIMITS.queuedOutbound.max);
    return this.oldestFirst(
      'queuedOutbound',
      { hotelId: key.hotelId, channelId: key.channelId, guest: key.guest, direction: 'out', status: 'queued' },
      max,
    );
  }

  async claimOutbound(hotelId: string, id: string, leaseMs: number): Promise<boolean> {
    this.assertOpen('claimOutbound');
    assertHotelId(hotelId);
    assertPositiveMs(leaseMs, 'leaseMs');
    const _id = objectId(id);
    if (!_id) return false;
    const now = this.now();
    // The lease is the next attempt time pushed forward: while it runs the reply is not due,
    // so neither `dueOutbound` nor another claim picks it; when it lapses, it is due again.
    const claimed = await this.run('claimOutbound', () =>
      this.updateMessage(
        { _id, hotelId, direction: 'out', status: 'queued', nextAttemptAt: { $lte: now } },
        { $set: { nextAttemptAt: new Date(now.getTime() + leaseMs), ...this.touched(now) }, $inc: { attempts: 1 } },
      ),
    );
    return claimed !== null;
  }

  async markSent(hotelId: string, id: string, providerMessageId: string): Promise<void> {
    this.assertOpen('markSent');
    assertHotelId(hotelId);
    assertProviderMessageId(providerMessageId);
    const _id = objectId(id);
    if (!_id) return;
    await this.run('markSent', async () => {
      const now = this.now();
      try {
        await this.updateMessage(
          { _id, hotelId, direction: 'out', status: 'queued' },
          { $set: { status: 'sent', providerMessageId, ...this.touched(now) }, $unset: { nextAttemptAt: '', error: '' } },
        );
      } catch (err) {
        if (isUnavailableError(err)) throw err;
        const row = await this.messages.findOne({ _id, hotelId }).lean<MessageDoc>();
        const holder = row && (await this.messages.findOne({ hotelId, channelId: row.channelId, providerMessageId }).lean<MessageDoc>());
        if (holder && !holder._id.equals(_id)) throw new StoreValidationError('provider message id is already logged for another message');
        throw err;
      }
    });
  }

  async markSendFailed(hotelId: string, id: string, error: { code: string; message: string }, nextAttemptAt?: Date): Promise<void> {
    this.assertOpen('markSendFailed');
    assertHotelId(hotelId);
    const normalisedError = normaliseError(error, 'error');
    if (nextAttemptAt !== undefined) assertDate(nextAttemptAt, 'nextAttemptAt');
    const _id = objectId(id);
    if (!_id) return;
    const now = this.now();
    const update: UpdateQuery<MessageDoc> = nextAttemptAt
      ? { $set: { error: normalisedError, nextAttemptAt, ...this.touched(now) } }
      : { $set: { status: 'failed', error: normalisedError, ...this.touched(now) }, $unset: { nextAttemptAt: '' } };
    await this.run('markSendFailed', () => this.updateMessage({ _id, hotelId, direction: 'out', status: 'queued' }, update));
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
    const filter = { hotelId, channelId, providerMessageId, direction: 'out' as const };
    const from = statusesThatMayBecome(status);
    const doc = await this.run('updateDelivery', async () => {
      if (from.length > 0) {
        const now = this.now();
        const $set: Record<string, unknown> = { status, ...this.touched(now) };
        if (normalisedError) $set.error = normalisedError;
        // Conditional on the current status, so racing callbacks still only move it forward.
        const moved = await this.updateMessage({ ...filter, status: { $in: from } }, { $set });
        if (moved) return moved;
      }
      return this.messages.findOne(filter).lean<MessageDoc>();
    });
    return doc ? toLoggedMessage(doc) : undefined;
  }

  async history(key: ConversationKey, limit?: number): Promise<LoggedMessage[]> {
    this.assertOpen('history');
    assertConversationKey(key);
    const max = clampLimit(limit, QUERY_LIMITS.history.fallback, QUERY_LIMITS.history.max);
    const docs = await this.run('history', () =>
      this.messages
        .find({ hotelId: key.hotelId, channelId: key.channelId, guest: key.guest })
        .sort({ createdAt: -1, _id: -1 })
        .limit(max)
        .lean<MessageDoc[]>(),
    );
    return docs.reverse().map(toLoggedMessage);
  }

  // Internals -------------------------------------------------------------------

  private now(): Date {
    return new Date(this.clock().getTime());
  }

  private touched(now = this.now()): { updatedAt: Date; expiresAt: Date } {
    return { updatedAt: now, expiresAt: expiryFrom(now, this.ttlDays) };
  }

  private assertOpen(operation: string): void {
    if (this.state !== 'open') throw new StoreUnavailableError(`conversation store is not open (${operation})`);
  }

  /**
   * The one way the store changes an existing document: "if it still matches `filter`",
   * atomically on the server, returning it as written or null. Conversations are pinned to
   * the version the caller loaded; message-log rows to the status they must still be in.
   */
  private updateConversation(filter: { _id: Types.ObjectId; hotelId: string; version: number }, update: UpdateQuery<ConversationDoc>) {
    return this.conversations.findOneAndUpdate(filter, update, { returnDocument: 'after' }).lean<ConversationDoc>();
  }

  private updateMessage(filter: Record<string, unknown> & { hotelId: string }, update: UpdateQuery<MessageDoc>) {
    return this.messages.findOneAndUpdate(filter, update, { returnDocument: 'after' }).lean<MessageDoc>();
  }

  private async oldestFirst(operation: string, query: Record<string, unknown>, limit: number): Promise<LoggedMessage[]> {
    const docs = await this.run(operation, () =>
      this.messages.find(query).sort({ createdAt: 1, _id: 1 }).limit(limit).lean<MessageDoc[]>(),
    );
    return docs.map(toLoggedMessage);
  }

  /** A conversation idle past its expiry but not swept yet starts over, under the same id. */
  private async restartExpired(key: ConversationKey, doc: ConversationDoc, now: Date): Promise<Conversation> {
    const restarted = await this.run('load', () =>
      this.updateConversation(
        { _id: doc._id, hotelId: doc.hotelId, version: doc.version },
        {
          $set: freshConversationFields(now, this.ttlDays),
          $unset: Object.fromEntries(CLEARABLE_FIELDS.map((field) => [field, ''])),
          $inc: { version: 1 },
        },
      ),
    );
    // Someone else restarted or saved it meanwhile: what they left is current.
    return restarted ? toConversation(restarted) : this.load(key);
  }

  /**
   * Runs one database operation with a deadline, so a server that accepts connections but
   * never answers cannot hang a turn, and turns driver errors that mean "unreachable" into
   * {@link StoreUnavailableError}.
   */
  private async run<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StoreUnavailableError(`MongoDB did not answer ${operation} within ${this.timeoutMs} ms`)),
        this.timeoutMs + DEADLINE_MARGIN_MS,
      );
    });
    try {
      return await Promise.race([fn(), deadline]);
    } catch (err) {
      throw this.translate(operation, err);
    } finally {
      clearTimeout(timer);
    }
  }

  private translate(operation: string, err: unknown): unknown {
    if (err instanceof StoreUnavailableError || err instanceof StoreValidationError || err instanceof ConcurrentUpdateError) return err;
    if (isUnavailableError(err)) return new StoreUnavailableError(`MongoDB unavailable (${operation}): ${(err as Error).message}`, err);
    return err;
  }
}
