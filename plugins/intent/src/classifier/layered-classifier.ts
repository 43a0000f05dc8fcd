import {
  resolveMenuReply,
  type ButtonOption,
  type ClassifyInput,
  type IntentClassifier,
  type IntentDefinition,
  type Logger,
  type SlotError,
} from '@hotello/core';
import type { IntentLogRepository } from '../cost/intent-log';
import { decideLanguage } from '../language/language-policy';
import type { LlmLayer } from '../llm/llm-layer';
import type { IntentLayer, LayeredClassification } from '../intent-types';
import type { IntentOptions } from '../options';
import { todayIn, toIso } from '../slots/calendar';
import { extractSlots, pickSlots } from '../slots/extract-slots';
import { validateLlmSlots } from '../slots/validate-llm-slots';
import { boundedText } from '../text/bounded';
import { normalizeText, words } from '../text/normalize';
import { HotelUnderstanding } from './hotel-understanding';
import type { ScoredIntent } from './language-model';

/** What the classifier needs to know about a hotel. */
export interface HotelInfo {
  readonly id: string;
  readonly name: string;
  readonly timezone: string;
  readonly defaultLanguage: string;
}

/** {@link ClassifyInput} plus switches for tools that measure single layers. */
export interface ClassifyRequest extends ClassifyInput {
  /** Layers to leave out, e.g. `['llm']` for `hotello intents evaluate --no-llm`. */
  readonly skip?: readonly IntentLayer[];
  /** `false` is the same as skipping the LLM layer. */
  readonly llm?: boolean;
  /** "Now" for relative dates; the current time by default. */
  readonly now?: Date;
  /**
   * Keep every slot found, whatever the intent: a running flow may be waiting for "2 adults"
   * even when the message also reads like something else.
   */
  readonly allSlots?: boolean;
}

/** Intents that are about manners, not about what the guest wants. */
const SOCIAL_INTENTS: ReadonlySet<string> = new Set(['greeting', 'thanks_goodbye']);

/** Words that join slot values ("2 adults and 1 child"): alone they add no intent. */
const SLOT_JOINERS = new Set(['and', 'y', 'e', 'et', 'und', 'na', 'with', 'con', 'avec', 'com', 'mit', 'kwa', 'plus', 'و']);

export interface IntentClassification extends LayeredClassification {
  /** The menu option a typed answer matched when that option is not an intent (a flow's "yes"). */
  readonly choice?: ButtonOption;
}

export interface LayeredClassifierDeps {
  /** Intents declared by the plugins on at a hotel. */
  readonly intentsFor: (hotelId: string) => readonly IntentDefinition[];
  readonly hotel: (hotelId: string) => HotelInfo | undefined;
  /** The intent plugin's options at a hotel, or undefined where it is off. */
  readonly optionsFor: (hotelId: string) => IntentOptions | undefined;
  readonly log: IntentLogRepository;
  /** The LLM layer for a hotel, when one is configured and usable there. */
  readonly llmFor?: (hotelId: string) => LlmLayer | undefined;
  readonly logger: Logger;
}

/** Confidence the rules layer reports: a rule in the turn's language is near-certain. */
export const RULE_CONFIDENCE = { sameLanguage: 0.95, otherLanguage: 0.85, tieBroken: 0.8 } as const;
/** How sure the language identifier must be before another language's rules and model are tried. */
const CROSS_LANGUAGE_CONFIDENCE = 0.8;
/** Head start of the highest-priority intent when several rules match. */
const PRIORITY_BONUS = 0.2;
/** Alternatives below this are noise, not options worth offering the guest. */
const MIN_ALTERNATIVE = 0.1;

interface Decision {
  name: string;
  confidence: number;
  layer: IntentLayer;
  alternatives?: ScoredIntent[];
  choice?: ButtonOption;
  llmSlots?: Readonly<Record<string, unknown>>;
}

/**
 * The intent plugin's {@link IntentClassifier}: menu answers, then rules, then the local model,
 * then (when configured, within budget) the LLM — cheapest first, stopping at the first layer
 * that is sure. Below the threshold the result is `none` with the likely alternatives, for a
 * clarifying question. Slots come from the plugin's own extractors; the LLM only fills gaps.
 */
export class LayeredClassifier implements IntentClassifier {
  private readonly understandings = new Map<string, HotelUnderstanding>();

  constructor(private readonly deps: LayeredClassifierDeps) {}

  /** Trains what each hotel needs (called at plugin start; otherwise on first use). */
  prepare(hotelIds: readonly string[]): void {
    for (const id of hotelIds) this.understandingFor(id);
  }

  understandingFor(hotelId: string): HotelUnderstanding {
    const options = this.optionsOf(hotelId);
    const intents = this.deps.intentsFor(hotelId);
    const key = `${intents.map((i) => i.name).join(',')}|${options.languages.join(',')}`;
    let understanding = this.understandings.get(key);
    if (!understanding) {
      understanding = HotelUnderstanding.shared(intents, options.languages);
      this.understandings.set(key, understanding);
      this.deps.logger.info(
        { hotel: hotelId, intents: intents.length, languages: options.languages, ms: Math.round(understanding.trainingMs) },
        'intent models trained',
      );
    }
    return understanding;
  }

  private optionsOf(hotelId: string): IntentOptions {
    const options = this.deps.optionsFor(hotelId);
    if (!options) throw new Error(`the intent plugin is off for hotel "${hotelId}"`);
    return options;
  }

  async classify(input: ClassifyRequest): Promise<IntentClassification> {
    const started = performance.now();
    const hotel = this.deps.hotel(input.hotelId);
    if (!hotel) throw new Error(`unknown hotel "${input.hotelId}"`);
    const options = this.optionsOf(hotel.id);
    const u = this.understandingFor(hotel.id);
    const now = input.now ?? new Date();
    // Every layer below reads at most READ_CHARS characters, so no message costs more than that many.
    const text = boundedText(input.text.trim()).trimEnd();
    const normalized = normalizeText(text);
    const guess = u.identifier.identify(text, options.languages);
    const language = input.language ?? decideLanguage(text, guess, undefined, hotel.defaultLanguage, options.languages).language;
    // A word in another language ("reservar" in an English chat) may use that language's rules
    // and model too, but only when the identifier is confident: "chat" is also French for cat.
    const alsoTry =
      guess.language && guess.language !== language && guess.confidence >= CROSS_LANGUAGE_CONFIDENCE ? guess.language : undefined;
    const skip = new Set<IntentLayer>(input.skip ?? []);
    if (input.llm === false) skip.add('llm');

    const found = extractSlots(text, {
      now,
      timeZone: hotel.timezone,
      language,
      bookingRefPattern: new RegExp(options.bookingRefPattern, 'i'),
      roomTypes: options.roomTypes,
      defaultCurrency: options.defaultCurrency,
    });
    // "2 adults" or "next Friday" alone answers a question; it does not say what the guest wants.
    const slotNames = [...Object.keys(found.slots), ...found.errors.map((e) => e.slot)];
    const residual = words(normalizeText(found.residual ?? text)).filter((w) => !SLOT_JOINERS.has(w));
    const slotsOnly = slotNames.length > 0 && residual.length === 0 ? slotNames : undefined;
    const decision = await this.decide(
      input,
      text,
      normalized,
      [language, ...(alsoTry ? [alsoTry] : [])],
      hotel,
      options,
      u,
      skip,
      now,
      slotsOnly,
      slotNames,
    );

    const def = decision.name === 'none' ? undefined : u.intent(decision.name);
    const extraction = input.allSlots ? found : pickSlots(found, def?.slots);
    let slots: Record<string, unknown> = { ...extraction.slots };
    let slotErrors: SlotError[] = [...extraction.errors];
    if (decision.llmSlots && def) {
      // The model only fills what the plugin's own extractors did not find, under the same checks.
      const fromLlm = validateLlmSlots(decision.llmSlots, def.slots, todayIn(hotel.timezone, now));
      slots = { ...fromLlm.slots, ...slots };
      const known = new Set(slotErrors.map((e) => e.slot));
      slotErrors = [...slotErrors, ...fromLlm.errors.filter((e) => !known.has(e.slot) && slots[e.slot] === undefined)];
    }

    const latencyMs = performance.now() - started;
    const result: IntentClassification = {
      name: decision.name,
      confidence: decision.confidence,
      layer: decision.layer,
      slots,
      slotErrors,
      ...(decision.alternatives?.length ? { alternatives: decision.alternatives } : {}),
      ...(decision.choice ? { choice: decision.choice } : {}),
      language,
      latencyMs,
    };
    this.deps.log
      .recordClassification({
        hotelId: hotel.id,
        at: now,
        layer: result.layer,
        intent: result.name,
        confidence: result.confidence,
        language,
        latencyMs,
      })
      .catch((err: unknown) => this.deps.logger.error({ err }, 'could not record a classification'));
    return result;
  }

  private async decide(
    input: ClassifyRequest,
    text: string,
    normalized: string,
    languages: readonly string[],
    hotel: HotelInfo,
    options: IntentOptions,
    u: HotelUnderstanding,
    skip: ReadonlySet<IntentLayer>,
    now: Date,
    /** The slot names found, when the message is nothing but slot values. */
    slotsOnly: readonly string[] | undefined,
    /** Every slot name found in the message. */
    foundSlots: readonly string[] = [],
  ): Promise<Decision> {
    // 1. An answer to the last menu ("2", "the second one", a title).
    if (input.menu?.length && !skip.has('menu')) {
      const match = resolveMenuReply(text, input.menu);
      if (match) {
        return u.intent(match.option.id)
          ? { name: match.option.id, confidence: match.confidence, layer: 'menu' }
          : { name: 'none', confidence: match.confidence, layer: 'menu', choice: match.option };
      }
    }

    const language = languages[0]!;
    // 2. Rules: keywords and patterns, the turn's language first.
    if (!skip.has('rules')) {
      const match = u.rules.match(normalized, languages);
      // "Hi! Do you have a room on 12/03 for 2 nights?" greets, but asks for a room: a greeting or
      // a thank-you alone does not decide a message that also carries stay details.
      const onlySocial = match?.intents.every((i) => SOCIAL_INTENTS.has(i)) && foundSlots.length > 0;
      if (onlySocial) {
        const among = u.intents
          .filter((i) => !SOCIAL_INTENTS.has(i.name) && i.slots.some((s) => foundSlots.includes(s)))
          .map((i) => i.name);
        const best = u.model(language)?.predict(normalized, among).ranked[0];
        if (best && best.confidence >= options.threshold) return { name: best.name, confidence: best.confidence, layer: 'classifier' };
        return { name: 'none', confidence: best?.confidence ?? 0, layer: 'fallback', alternatives: best ? [best] : [] };
      }
      if (match && match.intents.length === 1) {
        return {
          name: match.intents[0]!,
          confidence: match.language === language ? RULE_CONFIDENCE.sameLanguage : RULE_CONFIDENCE.otherLanguage,
          layer: 'rules',
        };
      }
      if (match) {
        // Several rules matched: the local model, limited to those intents, picks one; the
        // highest-priority intent gets a head start, so it takes a clear model to overrule it.
        const ranked = u.model(match.language)?.predict(normalized, match.intents).ranked ?? [];
        const score = (intent: string) =>
          (ranked.find((r) => r.name === intent)?.confidence ?? 0) + (intent === match.intents[0] ? PRIORITY_BONUS : 0);
        const name = match.intents.reduce((a, b) => (score(b) > score(a) ? b : a));
        const others = match.intents
          .filter((i) => i !== name)
          .map((i) => ({ name: i, confidence: ranked.find((r) => r.name === i)?.confidence ?? 0 }));
        return { name, confidence: RULE_CONFIDENCE.tieBroken, layer: 'rules', alternatives: others };
      }
    }

    // 3. The local statistical classifier (and the other likely language's, when there is one).
    // Bare slot values ("2 adults next Friday") only choose among intents that take them.
    const among = slotsOnly ? u.intents.filter((i) => i.slots.some((s) => slotsOnly.includes(s))).map((i) => i.name) : undefined;
    let ranked: readonly ScoredIntent[] = [];
    if (!skip.has('classifier') && normalized && (!among || among.length > 0)) {
      for (const l of languages) {
        const model = u.model(l) ?? (l === language ? u.model(hotel.defaultLanguage) : undefined);
        const candidate = model?.predict(normalized, among).ranked ?? [];
        if ((candidate[0]?.confidence ?? 0) > (ranked[0]?.confidence ?? 0)) ranked = candidate;
      }
    }
    const best = ranked[0];
    if (best && best.confidence >= options.threshold && !slotsOnly) {
      return {
        name: best.name,
        confidence: best.confidence,
        layer: 'classifier',
        alternatives: ranked.slice(1, 4).filter((r) => r.confidence >= MIN_ALTERNATIVE),
      };
    }

    // 4. The LLM, when the hotel has one and budget left.
    const llm = skip.has('llm') || slotsOnly || !/\p{L}/u.test(text) ? undefined : this.deps.llmFor?.(hotel.id);
    if (llm) {
      const verdict = await llm.classify({
        hotelId: hotel.id,
        hotelName: hotel.name,
        timeZone: hotel.timezone,
        today: toIso(todayIn(hotel.timezone, now)),
        text,
        language,
        intents: u.intents,
        schema: u.schema,
      });
      if (verdict.kind === 'answer') {
        return {
          name: verdict.intent,
          confidence: verdict.confidence,
          layer: 'llm',
          llmSlots: verdict.slots,
          alternatives: ranked.filter((r) => r.name !== verdict.intent).slice(0, 3),
        };
      }
    }

    // 5. Not sure: "none", with what it might have been.
    return {
      name: 'none',
      confidence: best?.confidence ?? 0,
      layer: 'fallback',
      alternatives: ranked.slice(0, 3).filter((r) => r.confidence >= MIN_ALTERNATIVE),
    };
  }
}
