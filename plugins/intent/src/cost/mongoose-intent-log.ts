import { Schema, type Connection, type Model } from 'mongoose';
import type { IntentLayer } from '@hotello/core';
import type { ClassificationRecord, IntentLogRepository, IntentLogSummary, LlmUsageRecord } from './intent-log';

const DAY_SECONDS = 86_400;
const LAYERS: readonly IntentLayer[] = ['menu', 'rules', 'classifier', 'llm', 'fallback'];

/** How long records are kept: classification detail is for tuning (3 months), usage backs invoices (13 months). */
export const RETENTION_DAYS = { classifications: 90, usage: 400 } as const;

const classificationSchema = new Schema<ClassificationRecord>(
  {
    hotelId: { type: String, required: true },
    at: { type: Date, required: true },
    layer: { type: String, required: true },
    intent: { type: String, required: true },
    confidence: { type: Number, required: true },
    latencyMs: { type: Number, required: true },
    language: { type: String, required: true },
  },
  { versionKey: false, autoIndex: false },
);
classificationSchema.index({ hotelId: 1, at: -1 });

const usageSchema = new Schema<LlmUsageRecord>(
  {
    hotelId: { type: String, required: true },
    at: { type: Date, required: true },
    month: { type: String, required: true },
    model: { type: String, required: true },
    inputTokens: { type: Number, required: true },
    outputTokens: { type: Number, required: true },
    estimated: { type: Boolean, required: true },
    costUsd: { type: Number, required: true },
    latencyMs: { type: Number, required: true },
    outcome: { type: String, required: true },
  },
  { versionKey: false, autoIndex: false },
);
usageSchema.index({ hotelId: 1, month: 1 });

interface BudgetAlert {
  hotelId: string;
  month: string;
  at: Date;
}
const alertSchema = new Schema<BudgetAlert>({ hotelId: String, month: String, at: Date }, { versionKey: false, autoIndex: false });
alertSchema.index({ hotelId: 1, month: 1 }, { unique: true });

/**
 * The sum of one numeric field over matching documents. One accumulator per aggregation on
 * purpose: FerretDB v1 (the test server) returns 0 for every accumulator after the first in a
 * `$group`, and has no `$avg`; averages are computed from sums and counts instead.
 */
async function sumOf<T>(model: Model<T>, match: Record<string, unknown>, field: string): Promise<number> {
  const [row] = await model.aggregate<{ total: number }>([{ $match: match }, { $group: { _id: null, total: { $sum: `$${field}` } } }]);
  return row?.total ?? 0;
}

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}

/**
 * Cost-control records in MongoDB, on a connection the caller owns (the bot's shared one): this
 * class never opens or closes it. Every query is scoped by hotel id.
 */
export class MongooseIntentLog implements IntentLogRepository {
  private readonly classifications: Model<ClassificationRecord>;
  private readonly usage: Model<LlmUsageRecord>;
  private readonly alerts: Model<BudgetAlert>;

  constructor(connection: Connection, collectionPrefix = 'intent_') {
    this.classifications = connection.model<ClassificationRecord>(
      'IntentClassification',
      classificationSchema,
      `${collectionPrefix}classifications`,
    );
    this.usage = connection.model<LlmUsageRecord>('IntentLlmUsage', usageSchema, `${collectionPrefix}llm_usage`);
    this.alerts = connection.model<BudgetAlert>('IntentBudgetAlert', alertSchema, `${collectionPrefix}budget_alerts`);
  }

  /**
   * Creates the indexes; call once at start. Expiry uses TTL indexes where the server has them
   * (MongoDB); elsewhere (FerretDB v1) call {@link prune} now and then. Resolves whether the
   * server expires records itself.
   */
  async init(): Promise<boolean> {
    await Promise.all([this.classifications.createIndexes(), this.usage.createIndexes(), this.alerts.createIndexes()]);
    try {
      await this.classifications.collection.createIndex(
        { at: 1 },
        { name: 'at_ttl', expireAfterSeconds: RETENTION_DAYS.classifications * DAY_SECONDS },
      );
      await this.usage.collection.createIndex({ at: 1 }, { name: 'at_ttl', expireAfterSeconds: RETENTION_DAYS.usage * DAY_SECONDS });
      const indexes: { name?: string; expireAfterSeconds?: unknown }[] = await this.usage.listIndexes();
      return indexes.some((i) => i.name === 'at_ttl' && typeof i.expireAfterSeconds === 'number');
    } catch {
      return false;
    }
  }

  /** Deletes records past their retention (for servers without TTL indexes). */
  async prune(now = new Date()): Promise<void> {
    const before = (days: number) => new Date(now.getTime() - days * DAY_SECONDS * 1000);
    await this.classifications.deleteMany({ at: { $lt: before(RETENTION_DAYS.classifications) } });
    await this.usage.deleteMany({ at: { $lt: before(RETENTION_DAYS.usage) } });
  }

  async recordClassification(record: ClassificationRecord): Promise<void> {
    await this.classifications.create(record);
  }

  async recordLlmUsage(record: LlmUsageRecord): Promise<void> {
    await this.usage.create(record);
  }

  async llmSpend(hotelId: string, month: string): Promise<number> {
    return sumOf(this.usage, { hotelId, month }, 'costUsd');
  }

  async claimBudgetAlert(hotelId: string, month: string): Promise<boolean> {
    try {
      const result = await this.alerts.updateOne(
        { hotelId, month },
        { $setOnInsert: { hotelId, month, at: new Date() } },
        { upsert: true },
      );
      return result.upsertedCount === 1;
    } catch (err) {
      // Two instances upserting at once: the unique index lets one win, the other sees E11000.
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async summary(hotelId: string, since: Date): Promise<IntentLogSummary> {
    const perLayer = LAYERS.map(async (layer) => {
      const match = { hotelId, layer, at: { $gte: since } };
      const [count, confidence, latencyMs] = await Promise.all([
        this.classifications.countDocuments(match),
        sumOf(this.classifications, match, 'confidence'),
        sumOf(this.classifications, match, 'latencyMs'),
      ]);
      return { layer, count, confidence, latencyMs };
    });
    const usageMatch = { hotelId, at: { $gte: since } };
    const [layers, calls, inputTokens, outputTokens, costUsd] = await Promise.all([
      Promise.all(perLayer),
      this.usage.countDocuments(usageMatch),
      sumOf(this.usage, usageMatch, 'inputTokens'),
      sumOf(this.usage, usageMatch, 'outputTokens'),
      sumOf(this.usage, usageMatch, 'costUsd'),
    ]);
    const byLayer: IntentLogSummary['byLayer'] = {};
    let classifications = 0;
    for (const l of layers) {
      if (l.count === 0) continue;
      classifications += l.count;
      byLayer[l.layer] = { count: l.count, avgConfidence: l.confidence / l.count, avgLatencyMs: l.latencyMs / l.count };
    }
    return { classifications, byLayer, llm: { calls, inputTokens, outputTokens, costUsd } };
  }
}
