import { words } from '../text/normalize';
import type { Stem } from './stemmers';

/** Feature vector of one text: feature name → value. */
export type Features = Record<string, number>;

export interface FeatureSettings {
  /** Weight of character n-grams relative to whole (stemmed) words. */
  readonly charWeight: number;
  /** Character n-gram sizes taken inside each word. */
  readonly charSizes: readonly number[];
}

export const DEFAULT_FEATURES: FeatureSettings = { charWeight: 0.3, charSizes: [3, 4] };

const NUMBER = /^\d+$/;

/**
 * Turns normalised text into classifier features: stemmed words, word pairs (so "check in" and
 * "check out" differ) and character n-grams. The n-grams are what lets a model trained on a
 * few hundred examples cope with typos ("resevation"), inflections the stemmer misses and
 * Swahili's prefixes ("nilibook", "kubook"), at a lower weight so whole words still dominate.
 */
export function extractFeatures(normalized: string, stem: Stem, settings: FeatureSettings = DEFAULT_FEATURES): Features {
  const tokens = words(normalized).map((w) => (NUMBER.test(w) ? '#' : w));
  const stems = stem(tokens);
  const features: Features = {};
  stems.forEach((s, i) => {
    features[`w:${s}`] = 1;
    if (i > 0) features[`b:${stems[i - 1]}_${s}`] = 1;
  });
  if (settings.charWeight > 0) {
    for (const token of tokens) {
      if (token.length < 3) continue;
      const padded = `<${token}>`;
      for (const n of settings.charSizes) {
        for (let i = 0; i + n <= padded.length; i++) {
          const key = `c:${padded.slice(i, i + n)}`;
          features[key] = settings.charWeight;
        }
      }
    }
  }
  return features;
}

/** The word features among `features` (used to measure how much of a text the model knows). */
export function wordFeatureKeys(features: Features): string[] {
  return Object.keys(features).filter((k) => k.startsWith('w:'));
}
