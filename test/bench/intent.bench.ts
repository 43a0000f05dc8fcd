/**
 * Intent benchmark: `npm run bench -- intent [--quick]` (or `npx tsx test/bench/intent.bench.ts`).
 *
 * Classifications per second and latency percentiles of each local layer of the intent plugin,
 * measured separately on the project's labelled guest messages (8 languages):
 * - menu: a typed answer resolved against a 3-option menu ("2", "the second one", a title);
 * - rules: normalisation + the keyword rules of the message's language;
 * - classifier: normalisation + spelling + the local model (NLP.js neural network);
 * - classify(): the whole classifier without LLM — language, layers and slot extraction.
 * The baseline is text normalisation alone, measured in the same run; each layer is also shown
 * as a multiple of it. Goals (issue 6): menu and rules p99 < 0.2 ms, classifier p99 < 2 ms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { builtinDeclarations } from '../../plugins/intent/src/builtin/declarations';
import { HotelUnderstanding } from '../../plugins/intent/src/classifier/hotel-understanding';
import { LayeredClassifier } from '../../plugins/intent/src/classifier/layered-classifier';
import { createTestStorage } from '../../core/src/testing/test-storage';
import { IntentLog } from '../../plugins/intent/src/cost/stored-intent-log';
import { defaultOptions } from '../../plugins/intent/src/options';
import { normalizeText } from '../../plugins/intent/src/text/normalize';
import { resolveMenuReply, type IntentDefinition, type Logger } from '../../core/src';

const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const ROUNDS = quick ? 20 : 100;
/** Samples per layer: the same for every layer, so a short input list (the menu) is repeated more. */
const SAMPLES = 352 * ROUNDS;

interface Figures {
  name: string;
  calls: number;
  perSecond: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Times `fn` once per input per round, after a warm-up round; per-call latency in microseconds. */
function measure(name: string, inputs: readonly string[], fn: (input: string) => unknown): Figures {
  for (const input of inputs) fn(input);
  const rounds = Math.ceil(SAMPLES / inputs.length);
  const samples = new Float64Array(inputs.length * rounds);
  let n = 0;
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const t0 = performance.now();
      fn(input);
      samples[n++] = (performance.now() - t0) * 1000;
    }
  }
  const totalMs = performance.now() - started;
  samples.sort();
  return {
    name,
    calls: n,
    perSecond: n / (totalMs / 1000),
    p50Us: percentile(samples, 50),
    p99Us: percentile(samples, 99),
    maxUs: samples[n - 1]!,
  };
}

async function measureAsync(name: string, inputs: readonly string[], fn: (input: string) => Promise<unknown>): Promise<Figures> {
  for (const input of inputs) await fn(input);
  const rounds = Math.max(1, Math.round(ROUNDS / 10));
  const samples = new Float64Array(inputs.length * rounds);
  let n = 0;
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const t0 = performance.now();
      await fn(input);
      samples[n++] = (performance.now() - t0) * 1000;
    }
  }
  const totalMs = performance.now() - started;
  samples.sort();
  return {
    name,
    calls: n,
    perSecond: n / (totalMs / 1000),
    p50Us: percentile(samples, 50),
    p99Us: percentile(samples, 99),
    maxUs: samples[n - 1]!,
  };
}

async function main(): Promise<void> {
  const labelled = fs
    .readFileSync(path.join(__dirname, '..', 'intents', 'labelled.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { text: string; lang: string });
  const definitions: IntentDefinition[] = builtinDeclarations().map((d) => ({
    name: d.name,
    plugin: 'intent',
    utterances: d.utterances,
    slots: d.options.slots ?? [],
    patterns: d.options.patterns,
    title: d.options.title,
  }));
  const options = defaultOptions();

  const trainStart = performance.now();
  const understanding = new HotelUnderstanding(definitions, options.languages);
  const trainingMs = performance.now() - trainStart;

  const byText = new Map(labelled.map((l) => [l.text, l.lang]));
  const texts = labelled.map((l) => l.text);
  const menu = [
    { id: 'book_room', title: 'Book a room' },
    { id: 'my_bookings', title: 'My bookings' },
    { id: 'talk_to_person', title: 'Talk to our team' },
  ];
  const menuAnswers = [
    '1',
    '2',
    '3',
    ' 2. ',
    'option 3',
    'the second one',
    'dos',
    'zweite',
    'ya tatu',
    'الثاني',
    'Book a room',
    'my bookings',
    'talk to',
  ];

  const silent = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {}, child: () => silent } as unknown as Logger;
  const classifier = new LayeredClassifier({
    intentsFor: () => definitions,
    hotel: () => ({ id: 'bench', name: 'Bench Hotel', timezone: 'Africa/Nairobi', defaultLanguage: 'en' }),
    optionsFor: () => options,
    log: new IntentLog(createTestStorage('intent')),
    logger: silent,
  });
  classifier.prepare(['bench']);

  const baseline = measure('normalise (baseline)', texts, (t) => normalizeText(t));
  const results = [
    measure('menu layer', menuAnswers, (t) => resolveMenuReply(t, menu)),
    measure('rules layer', texts, (t) => understanding.rules.matchIn(normalizeText(t), byText.get(t)!)),
    measure('classifier layer', texts, (t) => understanding.model(byText.get(t)!)!.predict(normalizeText(t))),
    await measureAsync('classify(), no LLM', texts, (t) =>
      classifier.classify({ hotelId: 'bench', text: t, language: byText.get(t), llm: false }),
    ),
  ];

  const row = (f: Figures) =>
    `${f.name.padEnd(22)} ${String(f.calls).padStart(7)} ${Math.round(f.perSecond).toLocaleString('en').padStart(12)}/s  p50 ${(f.p50Us / 1000).toFixed(3)} ms  p99 ${(f.p99Us / 1000).toFixed(3)} ms  max ${(f.maxUs / 1000).toFixed(2)} ms  ×${(f.p50Us / baseline.p50Us).toFixed(1)} baseline p50`;
  console.log(
    `intent benchmark — ${texts.length} labelled messages in 8 languages, ${ROUNDS} rounds${quick ? ' (quick)' : ''}, node ${process.version}`,
  );
  console.log(`training: ${definitions.length} intents × ${options.languages.length} languages in ${trainingMs.toFixed(0)} ms`);
  console.log(row(baseline));
  for (const f of results) console.log(row(f));
  const goal = (name: string, limitMs: number) => {
    const f = results.find((r) => r.name === name)!;
    return `${name} p99 ${(f.p99Us / 1000).toFixed(3)} ms ${f.p99Us / 1000 < limitMs ? '<' : '>='} ${limitMs} ms goal: ${f.p99Us / 1000 < limitMs ? 'met' : 'MISSED'}`;
  };
  console.log(goal('menu layer', 0.2));
  console.log(goal('rules layer', 0.2));
  console.log(goal('classifier layer', 2));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
