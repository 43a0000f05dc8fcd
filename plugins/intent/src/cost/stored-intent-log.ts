import { DuplicateKeyError, Schema, type PluginCollection, type PluginStorage } from '@hotello/core';
import { summarize, type ClassificationRecord, type IntentLogRepository, type IntentLogSummary, type LlmUsageRecord } from './intent-log';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** How long records are kept: classification detail is for tuning (3 months), usage backs invoices (13 months). */
export const RETENTION_DAYS = { classifications: 90, usage: 400 } as const;

/** A hotel's LLM totals for one month: the budget reads this one document, not every call. */
interface MonthlySpend {
  month: string;
  costUsd: number;
  calls: number;
}

/** Who sent this month's "budget exceeded" alert: the unique month makes it one per hotel and month. */
interface BudgetAlert {
  month: string;
  at: Date;
}

const required = <T>(type: T) => ({ type, required: true });

const classificationSchema = new Schema({
  at: required(Date),
  layer: required(String),
  intent: required(String),
  confidence: required(Number),
  latencyMs: required(Number),
  language: required(String),
});

const usageSchema = new Schema({
  at: required(Date),
  month: required(String),
  model: required(String),
  inputTokens: required(Number),
  outputTokens: required(Number),
  estimated: required(Boolean),
  costUsd: required(Number),
  latencyMs: required(Number),
  outcome: { type: String, required: true, enum: ['ok', 'invalid', 'timeout', 'error'] },
});

const monthlySchema = new Schema({ month: required(String), costUsd: { type: Number, default: 0 }, calls: { type: Number, default: 0 } });
const alertSchema = new Schema({ month: required(String), at: required(Date) });

/**
 * The intent plugin's cost-control records in its own collections (`intent_classifications`,
 * `intent_llmUsage`, `intent_monthlySpend`, `intent_budgetAlerts`), the same code on the memory
 * and the MongoDB store. Detail past its retention is pruned as records come in (FerretDB v1 has
 * no TTL indexes), at most once an hour per hotel; monthly totals are kept.
 */
export class IntentLog implements IntentLogRepository {
  private readonly classifications: PluginCollection<ClassificationRecord>;
  private readonly usage: PluginCollection<LlmUsageRecord>;
  private readonly monthly: PluginCollection<MonthlySpend>;
  private readonly alerts: PluginCollection<BudgetAlert>;
  private readonly prunedAt = new Map<string, number>();

  constructor(
    storage: PluginStorage,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.classifications = storage.define('classifications', classificationSchema, { indexes: [{ fields: { at: -1 } }] });
    this.usage = storage.define('llmUsage', usageSchema, { indexes: [{ fields: { at: -1 } }] });
    this.monthly = storage.define('monthlySpend', monthlySchema, { indexes: [{ fields: { month: 1 }, unique: true }] });
    this.alerts = storage.define('budgetAlerts', alertSchema, { indexes: [{ fields: { month: 1 }, unique: true }] });
  }

  async recordClassification(record: ClassificationRecord): Promise<void> {
    await this.classifications.forHotel(record.hotelId).insertOne(record);
    await this.pruneNowAndThen(record.hotelId);
  }

  async recordLlmUsage(record: LlmUsageRecord): Promise<void> {
    await this.usage.forHotel(record.hotelId).insertOne(record);
    await this.monthly
      .forHotel(record.hotelId)
      .updateOne({ month: record.month }, { $inc: { costUsd: record.costUsd, calls: 1 } }, { upsert: true });
  }

  async llmSpend(hotelId: string, month: string): Promise<number> {
    return (await this.monthly.forHotel(hotelId).findOne({ month }))?.costUsd ?? 0;
  }

  async claimBudgetAlert(hotelId: string, month: string): Promise<boolean> {
    try {
      await this.alerts.forHotel(hotelId).insertOne({ month, at: this.clock() });
      return true;
    } catch (err) {
      if (err instanceof DuplicateKeyError) return false;
      throw err;
    }
  }

  async summary(hotelId: string, since: Date): Promise<IntentLogSummary> {
    const recent = { at: { $gte: since } };
    const [classifications, usage] = await Promise.all([
      this.classifications.forHotel(hotelId).find(recent, { projection: { _id: 0, layer: 1, confidence: 1, latencyMs: 1 } }),
      this.usage.forHotel(hotelId).find(recent, { projection: { _id: 0, inputTokens: 1, outputTokens: 1, costUsd: 1 } }),
    ]);
    return summarize(classifications as ClassificationRecord[], usage as LlmUsageRecord[]);
  }

  /** Deletes a hotel's records past their retention. */
  async prune(hotelId: string, now = this.clock()): Promise<void> {
    const before = (days: number) => ({ at: { $lt: new Date(now.getTime() - days * DAY_MS) } });
    await this.classifications.forHotel(hotelId).deleteMany(before(RETENTION_DAYS.classifications));
    await this.usage.forHotel(hotelId).deleteMany(before(RETENTION_DAYS.usage));
  }

  private async pruneNowAndThen(hotelId: string): Promise<void> {
    const now = this.clock();
    if (now.getTime() - (this.prunedAt.get(hotelId) ?? 0) < HOUR_MS) return;
    this.prunedAt.set(hotelId, now.getTime());
    await this.prune(hotelId, now);
  }
}
