import type { ClassifyRequest, LayeredClassifier } from '../classifier/layered-classifier';
import type { IntentLayer } from '../intent-types';

// `hotello intents evaluate`'s measuring, apart from the command line so benchmarks and tests
// can run it on a classifier they built.

/** One labelled line of an evaluation file. */
export interface LabelledExample {
  readonly text: string;
  readonly intent: string;
  readonly lang?: string;
}

/** What evaluation needs of the classifier: this plugin's per-layer switches and deciding layer. */
export type EvaluatedClassifier = Pick<LayeredClassifier, 'classify'>;

interface Tally {
  total: number;
  correct: number;
}

export interface EvaluationReport {
  readonly hotelId: string;
  readonly total: number;
  readonly correct: number;
  readonly accuracy: number;
  readonly byIntent: Record<string, Tally & { accuracy: number }>;
  readonly byLanguage: Record<string, Tally & { accuracy: number }>;
  readonly byLayer: Record<string, Tally & { accuracy: number; avgLatencyMs: number }>;
  /** Expected → predicted, most frequent first. */
  readonly confusions: { expected: string; predicted: string; count: number; examples: string[] }[];
  /** Share of labelled-language lines whose language was detected right (no language given). */
  readonly languageDetection?: Tally & { accuracy: number };
}

/** Parses JSON Lines: one `{"text","intent","lang"?}` per line; blank lines and `#` comments are skipped. */
export function parseLabelled(content: string, file = 'input'): LabelledExample[] {
  const out: LabelledExample[] = [];
  const problems: string[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    try {
      const value = JSON.parse(line) as Record<string, unknown>;
      if (
        typeof value.text !== 'string' ||
        typeof value.intent !== 'string' ||
        (value.lang !== undefined && typeof value.lang !== 'string')
      ) {
        problems.push(`${file}:${i + 1}: expected {"text": string, "intent": string, "lang"?: string}`);
      } else out.push({ text: value.text, intent: value.intent, ...(value.lang ? { lang: value.lang } : {}) });
    } catch (err) {
      problems.push(`${file}:${i + 1}: not JSON (${(err as Error).message})`);
    }
  });
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return out;
}

function withAccuracy<T extends Tally>(t: T): T & { accuracy: number } {
  return { ...t, accuracy: t.total === 0 ? 0 : t.correct / t.total };
}

/** Classifies every example and tallies accuracy per intent, language and deciding layer. */
export async function evaluateIntents(
  classifier: EvaluatedClassifier,
  hotelId: string,
  examples: readonly LabelledExample[],
  options: { llm?: boolean; rules?: boolean } = {},
): Promise<EvaluationReport> {
  const byIntent: Record<string, Tally> = {};
  const byLanguage: Record<string, Tally> = {};
  const byLayer: Record<string, Tally & { latency: number }> = {};
  const confusions = new Map<string, { expected: string; predicted: string; count: number; examples: string[] }>();
  const detection: Tally = { total: 0, correct: 0 };
  const skip: IntentLayer[] = [
    ...(options.llm === false ? (['llm'] as const) : []),
    ...(options.rules === false ? (['rules'] as const) : []),
  ];
  let correct = 0;

  for (const ex of examples) {
    const input: ClassifyRequest = { hotelId, text: ex.text, ...(ex.lang ? { language: ex.lang } : {}), llm: options.llm !== false, skip };
    const result = await classifier.classify(input);
    const ok = result.name === ex.intent;
    if (ok) correct += 1;
    const bump = (table: Record<string, Tally>, key: string) => {
      const t = (table[key] ??= { total: 0, correct: 0 });
      t.total += 1;
      if (ok) t.correct += 1;
    };
    bump(byIntent, ex.intent);
    bump(byLanguage, ex.lang ?? result.language);
    bump(byLayer, result.layer);
    byLayer[result.layer]!.latency = (byLayer[result.layer]!.latency ?? 0) + result.latencyMs;
    if (!ok) {
      const key = `${ex.intent}→${result.name}`;
      const c = confusions.get(key) ?? { expected: ex.intent, predicted: result.name, count: 0, examples: [] };
      c.count += 1;
      if (c.examples.length < 3) c.examples.push(ex.text);
      confusions.set(key, c);
    }
    if (ex.lang) {
      // Language detection measured on its own: no language given, no layer run.
      const detect: ClassifyRequest = { hotelId, text: ex.text, llm: false, skip: ['menu', 'rules', 'classifier', 'llm'] };
      const detected = await classifier.classify(detect);
      detection.total += 1;
      if (detected.language === ex.lang) detection.correct += 1;
    }
  }

  const mapValues = <T, U>(o: Record<string, T>, f: (v: T) => U) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
  return {
    hotelId,
    total: examples.length,
    correct,
    accuracy: examples.length === 0 ? 0 : correct / examples.length,
    byIntent: mapValues(byIntent, withAccuracy),
    byLanguage: mapValues(byLanguage, withAccuracy),
    byLayer: mapValues(byLayer, (t) => ({ ...withAccuracy({ total: t.total, correct: t.correct }), avgLatencyMs: t.latency / t.total })),
    confusions: [...confusions.values()].sort((a, b) => b.count - a.count),
    ...(detection.total > 0 ? { languageDetection: withAccuracy(detection) } : {}),
  };
}

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
}

/** The human-readable report `hotello intents evaluate` prints. */
export function formatReport(report: EvaluationReport): string[] {
  const lines: string[] = [];
  lines.push(`hotel ${report.hotelId}: ${report.correct}/${report.total} correct (${pct(report.accuracy)})`, '');
  const section = (title: string, data: Record<string, Tally & { accuracy: number }>, extra?: (key: string) => string) => {
    lines.push(title);
    const rows = [['', 'correct', 'total', 'accuracy', ...(extra ? ['avg ms'] : [])]];
    for (const key of Object.keys(data).sort()) {
      const t = data[key]!;
      rows.push([`  ${key}`, String(t.correct), String(t.total), pct(t.accuracy), ...(extra ? [extra(key)] : [])]);
    }
    lines.push(...table(rows), '');
  };
  section('by language', report.byLanguage);
  section('by intent', report.byIntent);
  section('by deciding layer', report.byLayer, (k) => report.byLayer[k]!.avgLatencyMs.toFixed(2));
  if (report.languageDetection) {
    const d = report.languageDetection;
    lines.push(`language detection: ${d.correct}/${d.total} (${pct(d.accuracy)})`, '');
  }
  lines.push(report.confusions.length ? 'confusions (expected → predicted):' : 'confusions: none');
  for (const c of report.confusions)
    lines.push(`  ${c.expected} → ${c.predicted}: ${c.count}   e.g. ${c.examples.map((e) => JSON.stringify(e)).join(', ')}`);
  return lines;
}
