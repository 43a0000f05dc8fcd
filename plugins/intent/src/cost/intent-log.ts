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

export interface LayerStats {
  count: number;
  avgConfidence: number;
  avgLatencyMs: number;
}

export interface IntentLogSummary {
  readonly classifications: number;
  readonly byLayer: Partial<Record<IntentLayer, LayerStats>>;
}

/**
 * Where the intent plugin keeps its classification records, per hotel. {@link IntentLog} keeps
 * them in the plugin's collections, on whichever store the bot runs; tests may hand the
 * classifier something else. LLM calls, their cost and the monthly budget are core's (`ctx.llm`
 * logs every call in `core_llmUsage`).
 */
export interface IntentLogRepository {
  recordClassification(record: ClassificationRecord): Promise<void>;
  /** Counts and averages since a date (for dashboards and the README's "measure it"). */
  summary(hotelId: string, since: Date): Promise<IntentLogSummary>;
}

/** Builds a summary from the records' measured fields. */
export function summarize(classifications: readonly Pick<ClassificationRecord, 'layer' | 'confidence' | 'latencyMs'>[]): IntentLogSummary {
  const byLayer: Partial<Record<IntentLayer, LayerStats>> = {};
  for (const r of classifications) {
    const s = (byLayer[r.layer] ??= { count: 0, avgConfidence: 0, avgLatencyMs: 0 });
    s.count += 1;
    s.avgConfidence += (r.confidence - s.avgConfidence) / s.count;
    s.avgLatencyMs += (r.latencyMs - s.avgLatencyMs) / s.count;
  }
  return { classifications: classifications.length, byLayer };
}
