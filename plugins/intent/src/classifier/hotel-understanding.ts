import { createHash } from 'node:crypto';
import type { IntentDefinition } from '@hotello/core';
import { LanguageIdentifier } from '../language/language-identifier';
import { RuleSet } from '../layers/rules-layer';
import { buildOutputSchema } from '../llm/llm-schema';
import { DEFAULT_MODEL_SETTINGS, LanguageIntentModel, type Example, type ModelSettings } from './language-model';

/** Training takes about a second for eight languages; identical setups reuse it. */
const SHARED = new Map<string, HotelUnderstanding>();
const MAX_SHARED = 16;

/**
 * Everything trained or compiled for one set of intents and languages: rules, one local model
 * per language, the language identifier and the LLM output schema. Hotels with the same plugins
 * on share one instance.
 */
export class HotelUnderstanding {
  readonly rules: RuleSet;
  readonly identifier: LanguageIdentifier;
  readonly schema: ReturnType<typeof buildOutputSchema>;
  readonly trainingMs: number;
  private readonly models = new Map<string, LanguageIntentModel>();
  private readonly byName: ReadonlyMap<string, IntentDefinition>;

  constructor(
    readonly intents: readonly IntentDefinition[],
    readonly languages: readonly string[],
    settings: ModelSettings = DEFAULT_MODEL_SETTINGS,
  ) {
    const started = performance.now();
    this.byName = new Map(intents.map((i) => [i.name, i]));
    this.rules = new RuleSet(intents);
    const samples: Record<string, string[]> = {};
    for (const language of languages) {
      const examples: Example[] = intents.flatMap((def) => (def.utterances[language] ?? []).map((text) => ({ text, intent: def.name })));
      samples[language] = examples.map((e) => e.text);
      // One intent or none cannot be told apart from anything; the model would always say it.
      if (new Set(examples.map((e) => e.intent)).size >= 2)
        this.models.set(language, new LanguageIntentModel(language, examples, settings));
    }
    this.identifier = new LanguageIdentifier(samples);
    this.schema = buildOutputSchema(intents);
    this.trainingMs = performance.now() - started;
  }

  /**
   * Identifies a set of intent definitions and languages (by content, not just names), so
   * hotels — and bots in one process — that share one also share the training.
   */
  static key(intents: readonly IntentDefinition[], languages: readonly string[]): string {
    const content = JSON.stringify([[...intents].sort((a, b) => a.name.localeCompare(b.name)), [...languages].sort()]);
    return createHash('sha1').update(content).digest('hex');
  }

  /** A trained instance for these intents and languages, shared while its key is recent. */
  static shared(intents: readonly IntentDefinition[], languages: readonly string[]): HotelUnderstanding {
    const key = HotelUnderstanding.key(intents, languages);
    let found = SHARED.get(key);
    if (found) {
      SHARED.delete(key); // re-insert: the map's order is the recency order
    } else {
      found = new HotelUnderstanding(intents, languages);
      if (SHARED.size >= MAX_SHARED) SHARED.delete(SHARED.keys().next().value!);
    }
    SHARED.set(key, found);
    return found;
  }

  intent(name: string): IntentDefinition | undefined {
    return this.byName.get(name);
  }

  model(language: string): LanguageIntentModel | undefined {
    return this.models.get(language);
  }
}
