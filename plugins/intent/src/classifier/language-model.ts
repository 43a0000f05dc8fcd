import { NeuralNetwork } from '@nlpjs/neural';
import { normalizeText, words } from '../text/normalize';
import { Speller } from './spelling';
import { DEFAULT_FEATURES, extractFeatures, wordFeatureKeys, type FeatureSettings } from './features';
import { stemmerFor, type Stem } from './stemmers';

export interface Example {
  readonly text: string;
  readonly intent: string;
}

export interface ScoredIntent {
  readonly name: string;
  readonly confidence: number;
}

export interface Prediction {
  /** Intents best first; confidences already discounted by `coverage`. */
  readonly ranked: readonly ScoredIntent[];
  /** Share of the text's content words the model saw in training (0..1). */
  readonly coverage: number;
}

/** How training ended (NLP.js's status, restated so the package's types do not depend on its). */
export interface TrainingStatus {
  readonly error: number;
  readonly iterations: number;
}

export interface ModelSettings {
  readonly features: FeatureSettings;
  /** Upper bound of training epochs; training usually converges well before. */
  readonly maxIterations: number;
}

export const DEFAULT_MODEL_SETTINGS: ModelSettings = { features: DEFAULT_FEATURES, maxIterations: 400 };

/**
 * The local statistical classifier for one language: NLP.js's neural network (one perceptron per
 * intent, trained on sparse features) over the features of {@link extractFeatures}. Trains in
 * milliseconds from the declared utterances and never touches the network.
 */
export class LanguageIntentModel {
  private readonly network: NeuralNetwork;
  private readonly stem: Stem;
  /** Word feature → how many intents use it; words most intents use are function words. */
  private readonly wordIntents = new Map<string, Set<string>>();
  readonly intents: readonly string[];
  readonly status: TrainingStatus;
  private readonly speller: Speller;

  constructor(
    readonly language: string,
    examples: readonly Example[],
    private readonly settings: ModelSettings = DEFAULT_MODEL_SETTINGS,
  ) {
    this.stem = stemmerFor(language);
    this.network = new NeuralNetwork({ iterations: settings.maxIterations, log: false });
    const vocabulary = new Set<string>();
    const corpus = examples.map((e) => {
      const normalized = normalizeText(e.text);
      for (const w of words(normalized)) vocabulary.add(w);
      const input = extractFeatures(normalized, this.stem, settings.features);
      for (const key of wordFeatureKeys(input)) {
        const intents = this.wordIntents.get(key) ?? new Set<string>();
        intents.add(e.intent);
        this.wordIntents.set(key, intents);
      }
      return { input, output: { [e.intent]: 1 } };
    });
    this.intents = [...new Set(examples.map((e) => e.intent))];
    this.speller = new Speller(vocabulary);
    this.status = this.network.train(corpus);
  }

  /**
   * Scores `normalized` text. With `among`, only those intents compete (the rules layer uses this
   * to break a tie between several matching rules).
   */
  predict(normalized: string, among?: readonly string[]): Prediction {
    const corrected = words(normalized)
      .map((w) => this.speller.correct(w))
      .join(' ');
    const features = extractFeatures(corrected, this.stem, this.settings.features);
    // Coverage counts content words only: "what", "the", "from" are known to every intent and
    // say nothing, so "what about the thing from yesterday" is mostly unknown, as it should be.
    // A text of function words only ("what can you do") is judged on all its words.
    const functionWord = Math.max(3, Math.ceil(this.intents.length * 0.3));
    const all = wordFeatureKeys(features);
    const content = all.filter((k) => (this.wordIntents.get(k)?.size ?? 0) < functionWord);
    const judged = content.length > 0 ? content : all;
    const coverage = judged.length === 0 ? 0 : judged.filter((k) => this.wordIntents.has(k)).length / judged.length;
    const outputs = this.network.run(features) ?? {};
    const allowed = among ? new Set(among) : undefined;
    // Squared activations normalised to one, as NLP.js does: it sharpens a clear winner.
    let total = 0;
    const raw: { name: string; score: number }[] = [];
    for (const [name, activation] of Object.entries(outputs)) {
      if (allowed && !allowed.has(name)) continue;
      const score = activation > 0 ? activation * activation : 0;
      total += score;
      raw.push({ name, score });
    }
    if (total === 0) return { ranked: [], coverage };
    // Unknown words make any answer less certain: "what is the meaning of life" should not be a
    // confident FAQ just because "what" and "is" were seen there.
    const discount = Math.sqrt(coverage);
    const ranked = raw
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score)
      .map((r) => ({ name: r.name, confidence: (r.score / total) * discount }));
    return { ranked, coverage };
  }
}
