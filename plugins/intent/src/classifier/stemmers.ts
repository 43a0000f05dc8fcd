import { StemmerAr } from '@nlpjs/lang-ar';
import { StemmerDe } from '@nlpjs/lang-de';
import { StemmerEn } from '@nlpjs/lang-en-min';
import { StemmerEs } from '@nlpjs/lang-es';
import { StemmerFr } from '@nlpjs/lang-fr';
import { StemmerIt } from '@nlpjs/lang-it';
import { StemmerPt } from '@nlpjs/lang-pt';

export type Stem = (tokens: string[]) => string[];

const identity: Stem = (tokens) => tokens;

/**
 * NLP.js stemmers per language. Swahili has none there; it is agglutinative, and the character
 * n-grams of the classifier's features carry its shared roots ("kubook", "nilibook") instead.
 */
const STEMMERS: Readonly<Record<string, { stem: Stem }>> = {
  en: new StemmerEn(),
  es: new StemmerEs(),
  fr: new StemmerFr(),
  pt: new StemmerPt(),
  de: new StemmerDe(),
  it: new StemmerIt(),
  ar: new StemmerAr(),
};

export function stemmerFor(language: string): Stem {
  const stemmer = STEMMERS[language];
  return stemmer ? (tokens) => stemmer.stem(tokens) : identity;
}
