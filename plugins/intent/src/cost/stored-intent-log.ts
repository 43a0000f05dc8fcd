import { Schema, type PluginCollection, type PluginStorage } from '@hotello/core';
import { summarize, type ClassificationRecord, type IntentLogRepository, type IntentLogSummary } from './intent-log';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * How long classification detail is kept: it is for tuning (3 months). LLM calls are core's
 * (`core_llmUsage`, kept 400 days).
 */
export const RETENTION_DAYS = { classifications: 90 } as const;

const required = <T>(type: T) => ({ type, required: true });

const classificationSchema = new Schema({
  at: required(Date),
  layer: required(String),
  intent: required(String),
  confidence: required(Number),
  latencyMs: required(Number),
  language: required(String),
});

/**
 * The intent plugin's classification records in its own collection (`intent_classifications`),
 * the same code on the memory and the MongoDB store. Detail past its retention is pruned as
 * records come in (FerretDB v1 has no TTL indexes), at most once an hour per hotel.
 */
export class IntentLog implements IntentLogRepository {
  private readonly classifications: PluginCollection<ClassificationRecord>;
  private readonly prunedAt = new Map<string, number>();

  constructor(
    storage: PluginStorage,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.classifications = storage.define('classifications', classificationSchema, { indexes: [{ fields: { at: -1 } }] });
  }

  async recordClassification(record: ClassificationRecord): Promise<void> {
    await this.classifications.forHotel(record.hotelId).insertOne(record);
    await this.pruneNowAndThen(record.hotelId);
  }

  async summary(hotelId: string, since: Date): Promise<IntentLogSummary> {
    const classifications = await this.classifications
      .forHotel(hotelId)
      .find({ at: { $gte: since } }, { projection: { _id: 0, layer: 1, confidence: 1, latencyMs: 1 } });
    return summarize(classifications as ClassificationRecord[]);
  }

  /** Deletes a hotel's records past their retention. */
  async prune(hotelId: string, now = this.clock()): Promise<void> {
    await this.classifications
      .forHotel(hotelId)
      .deleteMany({ at: { $lt: new Date(now.getTime() - RETENTION_DAYS.classifications * DAY_MS) } });
  }

  private async pruneNowAndThen(hotelId: string): Promise<void> {
    const now = this.clock();
    if (now.getTime() - (this.prunedAt.get(hotelId) ?? 0) < HOUR_MS) return;
    this.prunedAt.set(hotelId, now.getTime());
    await this.prune(hotelId, now);
  }
}
