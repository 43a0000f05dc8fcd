import { normalizeText, words } from '../text/normalize';
import type { LanguageGuess } from './language-identifier';

/** Words every language's guests use as they are: alone they say nothing about the language. */
const NEUTRAL = new Set([
  'ok',
  'okay',
  'oki',
  'hi',
  'hello',
  'hey',
  'menu',
  'hotel',
  'wifi',
  'taxi',
  'bye',
  'yes',
  'no',
  'si',
  'pdf',
  'sms',
  'mpesa',
  'booking',
]);

/** A first guess needs little; changing a language the guest already used needs much more. */
export const LANGUAGE_THRESHOLDS = {
  firstConfidence: 0.6,
  firstLetters: 2,
  switchConfidence: 0.9,
  switchLetters: 8,
  switchWords: 2,
} as const;

export interface LanguageDecision {
  /** The language to answer in this turn. */
  readonly language: string;
  /** Set when the conversation's stored language should become `language`. */
  readonly persist: boolean;
}

function isNeutral(text: string): boolean {
  const list = words(normalizeText(text));
  return list.length === 0 || list.every((w) => NEUTRAL.has(w) || /^\d+$/.test(w));
}

/**
 * Decides the turn's language. A stored language is kept unless the message is clearly in
 * another one (long enough, confident, at least two words or another script), so "ok", "2" or a
 * name never flips a Spanish conversation to English. Without a stored language a confident guess
 * is used and stored; otherwise the hotel's default answers and nothing is stored, so the next
 * message gets another chance to show the guest's language.
 */
export function decideLanguage(
  text: string | undefined,
  guess: LanguageGuess,
  stored: string | undefined,
  hotelDefault: string,
  allowed: readonly string[],
): LanguageDecision {
  const current = stored && allowed.includes(stored) ? stored : undefined;
  const detected = guess.language && allowed.includes(guess.language) ? guess.language : undefined;
  const neutral = text === undefined || isNeutral(text);
  if (!current) {
    if (
      detected &&
      !neutral &&
      guess.confidence >= LANGUAGE_THRESHOLDS.firstConfidence &&
      guess.letters >= LANGUAGE_THRESHOLDS.firstLetters
    ) {
      return { language: detected, persist: true };
    }
    return { language: allowed.includes(hotelDefault) ? hotelDefault : (allowed[0] ?? hotelDefault), persist: false };
  }
  if (!detected || detected === current || neutral) return { language: current, persist: false };
  // Arabic is recognised by its script, which no other supported language shares.
  const otherScript = detected === 'ar' && guess.confidence === 1 && guess.letters >= LANGUAGE_THRESHOLDS.firstLetters;
  const clear =
    guess.confidence >= LANGUAGE_THRESHOLDS.switchConfidence &&
    guess.letters >= LANGUAGE_THRESHOLDS.switchLetters &&
    words(normalizeText(text)).length >= LANGUAGE_THRESHOLDS.switchWords;
  return otherScript || clear ? { language: detected, persist: true } : { language: current, persist: false };
}
