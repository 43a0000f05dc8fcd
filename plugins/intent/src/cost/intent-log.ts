import type { IntentLayer } from '../intent-types';

/** One understood message, for measuring which layers answer and how fast. No guest text is kept. */
export interface ClassificationRecord {
  readonly hotelId: string;
  readonly at: Date;
  readonly layer: IntentLayer;
  readonly intent: string;
  readonly confidence: number;
  readonly latencyMs: number;
  readonly language: string;
}

export type LlmOutcome = 'ok' | 'invalid' | 'timeout' | 'error';

/** One LLM call and what it cost. */
export interface LlmUsageRecord {
  readonly hotelId: string;
  readonly at: Date;
  /** Calendar month in the hotel's time zone, `YYYY-MM`: the budget period. */
  readonly month: string;
  readonly model: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Whether the token counts were estimated (the provider did not report them, e.g. on timeout). */
  readonly estimated: boolean;
  readonly costUsd: number;
  readonly latencyMs: number;
  readonly outcome: LlmOutcome;
}

export interface LayerStats {
  count: number;
  avgConfidence: number;
  avgLatencyMs: number;
}

export interface IntentLogSummary {
  readonly classifications: number;
  readonly byLayer: Partial<Record<IntentLayer, LayerStats>>;
  readonly llm: { calls: number; inputTokens: number; outputTokens: number; costUsd: number };
}

/**
 * Where the intent plugin keeps its cost-control records, per hotel. {@link IntentLog} keeps
 * them in the plugin's collections, on whichever store the bot runs (on MongoDB every instance
 * sees the same monthly spend); tests may hand the classifier something else.
 */
export interface IntentLogRepository {
  recordClassification(record: ClassificationRecord): Promise<void>;
  recordLlmUsage(record: LlmUsageRecord): Promise<void>;
  /** Estimated LLM spend of a hotel in a month (`YYYY-MM`), in US dollars. */
  llmSpend(hotelId: string, month: string): Promise<number>;
  /**
   * Resolves true for exactly one caller per hotel and month, across instances: whoever gets
   * true sends the "budget exceeded" alert, so operators hear about it once.
   */
  claimBudgetAlert(hotelId: string, month: string): Promise<boolean>;
  /** Counts and averages since a date (for dashboards and the README's "measure it"). */
  summary(hotelId: string, since: Date): Promise<IntentLogSummary>;
}

/** Builds a summary from the records' measured fields. */
export function summarize(
  classifications: readonly Pick<ClassificationRecord, 'layer' | 'confidence' | 'latencyMs'>[],
  usage: readonly Pick<LlmUsageRecord, 'inputTokens' | 'outputTokens' | 'costUsd'>[],
): IntentLogSummary {
  const byLayer: Partial<Record<IntentLayer, LayerStats>> = {};
  for (const r of classifications) {
    const s = (byLayer[r.layer] ??= { count: 0, avgConfidence: 0, avgLatencyMs: 0 });
    s.count += 1;
    s.avgConfidence += (r.confidence - s.avgConfidence) / s.count;
    s.avgLatencyMs += (r.latencyMs - s.avgLatencyMs) / s.count;
  }
  const llm = { calls: usage.length, inputTokens: 0, outputTokens: 0, costUsd: 0 };
  for (const u of usage) {
    llm.inputTokens += u.inputTokens;
    llm.outputTokens += u.outputTokens;
    llm.costUsd += u.costUsd;
  }
  return { classifications: classifications.length, byLayer, llm };
}
