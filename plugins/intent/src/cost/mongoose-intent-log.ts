import { Schema, type Connection, type Model } from 'mongoose';
import { summarize, type ClassificationRecord, type IntentLogRepository, type IntentLogSummary, type LlmUsageRecord } from './intent-log';

const DAY_SECONDS = 86_400;

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
  { versionKey: false },
);
// Detail is for tuning and dashboards; three months is plenty and keeps the collection small.
classificationSchema.index({ at: 1 }, { expireAfterSeconds: 90 * DAY_SECONDS });
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
  { versionKey: false },
);
// Usage backs invoices and budgets: kept for 13 months.
usageSchema.index({ at: 1 }, { expireAfterSeconds: 400 * DAY_SECONDS });
usageSchema.index({ hotelId: 1, month: 1 });

interface BudgetAlert {
  hotelId: string;
  month: string;
  at: Date;
}
const alertSchema = new Schema<BudgetAlert>({ hotelId: String, month: String, at: Date }, { versionKey: false });
alertSchema.index({ hotelId: 1, month: 1 }, { unique: true });

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
    this.classifications = connection.model<ClassificationRecord>('IntentClassification', classificationSchema, `${collectionPrefix}classifications`);
    this.usage = connection.model<LlmUsageRecord>('IntentLlmUsage', usageSchema, `${collectionPrefix}llm_usage`);
    this.alerts = connection.model<BudgetAlert>('IntentBudgetAlert', alertSchema, `${collectionPrefix}budget_alerts`);
  }

  /** Creates the indexes (TTL, unique alert per month); call once at start. */
  async init(): Promise<void> {
    await Promise.all([this.classifications.createIndexes(), this.usage.createIndexes(), this.alerts.createIndexes()]);
  }

  async recordClassification(record: ClassificationRecord): Promise<void> {
    await this.classifications.create(record);
  }

  async recordLlmUsage(record: LlmUsageRecord): Promise<void> {
    await this.usage.create(record);
  }

  async llmSpend(hotelId: string, month: string): Promise<number> {
    const [row] = await this.usage.aggregate<{ total: number }>([
      { $match: { hotelId, month } },
      { $group: { _id: null, total: { $sum: '$costUsd' } } },
    ]);
    return row?.total ?? 0;
  }

  async claimBudgetAlert(hotelId: string, month: string): Promise<boolean> {
    try {
      const result = await this.alerts.updateOne({ hotelId, month }, { $setOnInsert: { hotelId, month, at: new Date() } }, { upsert: true });
      return result.upsertedCount === 1;
    } catch (err) {
      // Two instances upserting at once: the unique index lets one win, the other sees E11000.
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async summary(hotelId: string, since: Date): Promise<IntentLogSummary> {
    const [classifications, usage] = await Promise.all([
      this.classifications.find({ hotelId, at: { $gte: since } }).lean<ClassificationRecord[]>(),
      this.usage.find({ hotelId, at: { $gte: since } }).lean<LlmUsageRecord[]>(),
    ]);
    return summarize(classifications, usage);
  }
}
