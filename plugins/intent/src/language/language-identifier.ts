import { boundedText } from '../text/bounded';
import { normalizeText, words } from '../text/normalize';
import { LEXICON } from './lexicon';

export interface LanguageGuess {
  /** The most likely language, or undefined when the text gives no usable evidence. */
  readonly language?: string;
  /** Posterior probability of `language` among the allowed languages (0..1). */
  readonly confidence: number;
  /** Letters in the text: short texts ("ok", "2") are never trusted to change a language. */
  readonly letters: number;
}

const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;
const LETTER = /\p{L}/gu;
const SMOOTHING = 0.5;

/** Features of a word: its character 1- to 3-grams with boundaries, and the word itself (weighted). */
function features(normalized: string): string[] {
  const out: string[] = [];
  for (const word of words(normalized)) {
    if (/^\d+$/.test(word)) continue;
    const padded = ` ${word} `;
    for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
    // A whole known word ("gracias", "asante") is much stronger evidence than its letters.
    out.push(`=${word}`, `=${word}`, `=${word}`);
  }
  return out;
}

interface Profile {
  readonly counts: Map<string, number>;
  total: number;
}

/**
 * Identifies the language of short chat messages. General detectors fail here twice: they are
 * trained on long texts, and few know Swahili. This is a multinomial naive Bayes over character
 * n-grams and words, trained on the intent utterances every plugin declared (exactly the kind
 * of text guests send) plus an everyday-word lexicon, so it knows each hotel's vocabulary.
 */
export class LanguageIdentifier {
  private readonly profiles = new Map<string, Profile>();
  private vocabulary = new Set<string>();

  constructor(samples: Readonly<Record<string, readonly string[]>>) {
    for (const [language, texts] of Object.entries(samples)) {
      for (const text of texts) this.learn(language, text);
      if (LEXICON[language]) this.learn(language, LEXICON[language]);
    }
  }

  get languages(): string[] {
    return [...this.profiles.keys()];
  }

  private learn(language: string, text: string): void {
    const profile = this.profiles.get(language) ?? { counts: new Map<string, number>(), total: 0 };
    for (const f of features(normalizeText(text))) {
      profile.counts.set(f, (profile.counts.get(f) ?? 0) + 1);
      profile.total += 1;
      this.vocabulary.add(f);
    }
    this.profiles.set(language, profile);
  }

  /** Guesses among `allowed` (all known languages when omitted). */
  identify(message: string, allowed?: readonly string[]): LanguageGuess {
    // Scoring is linear in the text, per language: a bounded beginning says as much about the language.
    const text = boundedText(message);
    const letters = text.match(LETTER)?.length ?? 0;
    const candidates = (allowed ?? this.languages).filter((l) => this.profiles.has(l) || l === 'ar');
    if (letters === 0 || candidates.length === 0) return { confidence: 0, letters };
    // Arabic script settles it: no other supported language is written in it.
    if (ARABIC_SCRIPT.test(text) && candidates.includes('ar')) return { language: 'ar', confidence: 1, letters };

    const feats = features(normalizeText(text));
    if (feats.length === 0) return { confidence: 0, letters };
    const v = this.vocabulary.size;
    const scores = candidates
      .filter((l) => this.profiles.has(l))
      .map((language) => {
        const p = this.profiles.get(language)!;
        const denominator = Math.log(p.total + SMOOTHING * v);
        let score = 0;
        for (const f of feats) score += Math.log((p.counts.get(f) ?? 0) + SMOOTHING) - denominator;
        return { language, score };
      });
    if (scores.length === 0) return { confidence: 0, letters };
    const max = Math.max(...scores.map((s) => s.score));
    const sum = scores.reduce((acc, s) => acc + Math.exp(s.score - max), 0);
    const best = scores.reduce((a, b) => (b.score > a.score ? b : a));
    return { language: best.language, confidence: 1 / sum, letters };
  }
}
