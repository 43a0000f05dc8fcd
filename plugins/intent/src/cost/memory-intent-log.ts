import { summarize, type ClassificationRecord, type IntentLogRepository, type IntentLogSummary, type LlmUsageRecord } from './intent-log';

/**
 * The embedded default: records in process memory. Classification records are capped per hotel
 * (oldest dropped) so a long-running demo cannot grow without bound; monthly spend is kept as a
 * running total, so the budget stays exact however many calls are dropped from the detail.
 */
export class MemoryIntentLog implements IntentLogRepository {
  private readonly classifications = new Map<string, ClassificationRecord[]>();
  private readonly usage = new Map<string, LlmUsageRecord[]>();
  private readonly spend = new Map<string, number>();
  private readonly alerted = new Set<string>();

  constructor(private readonly maxRecordsPerHotel = 10_000) {}

  private push<T>(map: Map<string, T[]>, hotelId: string, record: T): void {
    const list = map.get(hotelId) ?? [];
    list.push(record);
    if (list.length > this.maxRecordsPerHotel) list.splice(0, list.length - this.maxRecordsPerHotel);
    map.set(hotelId, list);
  }

  async recordClassification(record: ClassificationRecord): Promise<void> {
    this.push(this.classifications, record.hotelId, record);
  }

  async recordLlmUsage(record: LlmUsageRecord): Promise<void> {
    this.push(this.usage, record.hotelId, record);
    const key = `${record.hotelId}|${record.month}`;
    this.spend.set(key, (this.spend.get(key) ?? 0) + record.costUsd);
  }

  async llmSpend(hotelId: string, month: string): Promise<number> {
    return this.spend.get(`${hotelId}|${month}`) ?? 0;
  }

  async claimBudgetAlert(hotelId: string, month: string): Promise<boolean> {
    const key = `${hotelId}|${month}`;
    if (this.alerted.has(key)) return false;
    this.alerted.add(key);
    return true;
  }

  async summary(hotelId: string, since: Date): Promise<IntentLogSummary> {
    const after = <T extends { at: Date }>(list: readonly T[] | undefined) => (list ?? []).filter((r) => r.at.getTime() >= since.getTime());
    return summarize(after(this.classifications.get(hotelId)), after(this.usage.get(hotelId)));
  }
}
