import { Schema } from 'mongoose';
import type { PluginCollection, PluginStorage } from '../store/collections/collection-types';
import { DuplicateKeyError } from '../store/collections/errors';
import type { LlmCallKind, LlmUsageRecord } from './llm-types';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Call detail backs invoices: kept 13 months, then pruned (monthly totals stay). */
export const LLM_USAGE_RETENTION_DAYS = 400;

/** Totals of a hotel's calls since a date, per plugin and per kind. */
export interface LlmUsageSummary {
  readonly calls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number;
  readonly byPlugin: Readonly<Record<string, { calls: number; costUsd: number }>>;
  readonly byKind: Partial<Readonly<Record<LlmCallKind, { calls: number; costUsd: number }>>>;
}

/** Where core keeps LLM calls and monthly spend, per hotel; shared by every instance on MongoDB. */
export interface LlmUsageRepository {
  /** Logs a call and adds its cost to the month; resolves with the hotel's month total after it. */
  record(record: LlmUsageRecord): Promise<number>;
  /** A hotel's estimated spend in a month (`YYYY-MM`), all plugins. */
  spent(hotelId: string, month: string): Promise<number>;
  /** True for exactly one caller per hotel and month, across instances: that one sends the alert. */
  claimBudgetAlert(hotelId: string, month: string): Promise<boolean>;
  summary(hotelId: string, since: Date): Promise<LlmUsageSummary>;
}

interface MonthlySpend {
  month: string;
  costUsd: number;
  calls: number;
}

interface BudgetAlert {
  month: string;
  at: Date;
}

const required = <T>(type: T) => ({ type, required: true });

const usageSchema = new Schema({
  plugin: required(String),
  at: required(Date),
  month: required(String),
  kind: { type: String, required: true, enum: ['chat', 'structured', 'embed', 'stream'] },
  provider: required(String),
  model: required(String),
  inputTokens: required(Number),
  outputTokens: required(Number),
  estimated: required(Boolean),
  costUsd: required(Number),
  latencyMs: required(Number),
  attempts: required(Number),
  outcome: { type: String, required: true, enum: ['ok', 'invalid', 'timeout', 'error', 'budget'] },
});
const monthlySchema = new Schema({ month: required(String), costUsd: { type: Number, default: 0 }, calls: { type: Number, default: 0 } });
const alertSchema = new Schema({ month: required(String), at: required(Date) });

/**
 * Core's LLM records in core's own collections (`core_llmUsage`, `core_llmMonthlySpend`,
 * `core_llmBudgetAlerts`), the same code on the memory and the MongoDB store. The month's spend
 * is a running total (one `$inc` upsert per call), so a budget check reads one document; detail
 * past its retention is pruned as calls come in, at most once an hour per hotel (FerretDB has no
 * TTL indexes).
 */
export class StoredLlmUsage implements LlmUsageRepository {
  private readonly usage: PluginCollection<LlmUsageRecord>;
  private readonly monthly: PluginCollection<MonthlySpend>;
  private readonly alerts: PluginCollection<BudgetAlert>;
  private readonly prunedAt = new Map<string, number>();

  constructor(
    storage: PluginStorage,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.usage = storage.define('llmUsage', usageSchema, { indexes: [{ fields: { at: -1 } }, { fields: { plugin: 1, at: -1 } }] });
    this.monthly = storage.define('llmMonthlySpend', monthlySchema, { indexes: [{ fields: { month: 1 }, unique: true }] });
    this.alerts = storage.define('llmBudgetAlerts', alertSchema, { indexes: [{ fields: { month: 1 }, unique: true }] });
  }

  async record(record: LlmUsageRecord): Promise<number> {
    await this.usage.forHotel(record.hotelId).insertOne(record);
    const total = await this.monthly
      .forHotel(record.hotelId)
      .findOneAndUpdate(
        { month: record.month },
        { $inc: { costUsd: record.costUsd, calls: 1 } },
        { upsert: true, returnDocument: 'after' },
      );
    await this.pruneNowAndThen(record.hotelId);
    return total?.costUsd ?? record.costUsd;
  }

  async spent(hotelId: string, month: string): Promise<number> {
    return (await this.monthly.forHotel(hotelId).findOne({ month }))?.costUsd ?? 0;
  }

  async claimBudgetAlert(hotelId: string, month: string): Promise<boolean> {
    try {
      await this.alerts.forHotel(hotelId).insertOne({ month, at: this.now() });
      return true;
    } catch (err) {
      if (err instanceof DuplicateKeyError) return false;
      throw err;
    }
  }

  async summary(hotelId: string, since: Date): Promise<LlmUsageSummary> {
    const rows = (await this.usage
      .forHotel(hotelId)
      .find({ at: { $gte: since } }, { projection: { _id: 0, plugin: 1, kind: 1, inputTokens: 1, outputTokens: 1, costUsd: 1 } })) as Pick<
      LlmUsageRecord,
      'plugin' | 'kind' | 'inputTokens' | 'outputTokens' | 'costUsd'
    >[];
    const byPlugin: Record<string, { calls: number; costUsd: number }> = {};
    const byKind: Partial<Record<LlmCallKind, { calls: number; costUsd: number }>> = {};
    let inputTokens = 0;
    let outputTokens = 0;
    let costUsd = 0;
    for (const r of rows) {
      inputTokens += r.inputTokens;
      outputTokens += r.outputTokens;
      costUsd += r.costUsd;
      const p = (byPlugin[r.plugin] ??= { calls: 0, costUsd: 0 });
      p.calls += 1;
      p.costUsd += r.costUsd;
      const k = (byKind[r.kind] ??= { calls: 0, costUsd: 0 });
      k.calls += 1;
      k.costUsd += r.costUsd;
    }
    return { calls: rows.length, inputTokens, outputTokens, costUsd, byPlugin, byKind };
  }

  /** Deletes a hotel's call detail past its retention. */
  async prune(hotelId: string, now = this.now()): Promise<void> {
    await this.usage.forHotel(hotelId).deleteMany({ at: { $lt: new Date(now.getTime() - LLM_USAGE_RETENTION_DAYS * DAY_MS) } });
  }

  private async pruneNowAndThen(hotelId: string): Promise<void> {
    const now = this.now();
    if (now.getTime() - (this.prunedAt.get(hotelId) ?? 0) < HOUR_MS) return;
    this.prunedAt.set(hotelId, now.getTime());
    await this.prune(hotelId, now);
  }
}
