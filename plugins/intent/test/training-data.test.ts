import fs from 'node:fs';
import path from 'node:path';
import { BUILTIN_INTENTS, BUILTIN_SLOTS } from '../src/builtin/intents';
import { LANGUAGE_PACKS, SUPPORTED_LANGUAGES } from '../src/builtin/languages';
import { TEXTS } from '../src/i18n/texts';
import { normalizePattern, normalizeText } from '../src/text/normalize';

const LABELLED = path.join(__dirname, '..', '..', '..', 'test', 'intents', 'labelled.jsonl');
const labelled = fs
  .readFileSync(LABELLED, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { text: string; intent: string; lang: string });

describe('built-in training data', () => {
  it('has utterances and rules for every intent in all eight languages', () => {
    expect(SUPPORTED_LANGUAGES).toEqual(['en', 'es', 'fr', 'pt', 'de', 'it', 'sw', 'ar']);
    for (const [language, pack] of Object.entries(LANGUAGE_PACKS)) {
      for (const intent of BUILTIN_INTENTS) {
        expect({ language, intent, enough: pack.utterances[intent].length >= 14 }).toEqual({ language, intent, enough: true });
        expect({ language, intent, rules: (pack.patterns[intent]?.length ?? 0) > 0 }).toEqual({ language, intent, rules: true });
      }
    }
  });

  it('has only valid rule patterns', () => {
    for (const pack of Object.values(LANGUAGE_PACKS))
      for (const list of Object.values(pack.patterns))
        for (const p of list ?? []) expect(() => new RegExp(normalizePattern(p), 'i')).not.toThrow();
  });

  it('declares slots only of known types for built-in intents', () => {
    expect(Object.keys(BUILTIN_SLOTS).sort()).toEqual([...BUILTIN_INTENTS].sort());
  });
});

describe('the labelled evaluation set (test/intents/labelled.jsonl)', () => {
  it('has at least 40 lines per language, every intent in every language', () => {
    for (const language of SUPPORTED_LANGUAGES) {
      const lines = labelled.filter((l) => l.lang === language);
      expect({ language, count: lines.length >= 40 }).toEqual({ language, count: true });
      expect(new Set(lines.map((l) => l.intent))).toEqual(new Set(BUILTIN_INTENTS));
    }
  });

  it('is held out: no line is a training utterance, even after normalisation', () => {
    const training = new Set(Object.values(LANGUAGE_PACKS).flatMap((pack) => Object.values(pack.utterances).flat().map(normalizeText)));
    const leaked = labelled.filter((l) => training.has(normalizeText(l.text)));
    expect(leaked).toEqual([]);
  });
});

describe('reply catalogue', () => {
  const keys = Object.keys(TEXTS.en!).sort();

  it('has every text in every language', () => {
    for (const language of SUPPORTED_LANGUAGES)
      expect({ language, keys: Object.keys(TEXTS[language] ?? {}).sort() }).toEqual({ language, keys });
  });

  it('keeps titles within the 20 characters of a WhatsApp button', () => {
    for (const [language, texts] of Object.entries(TEXTS)) {
      for (const [key, text] of Object.entries(texts)) {
        if (key.startsWith('title_'))
          expect({ language, key, length: Array.from(text).length <= 20 }).toEqual({ language, key, length: true });
      }
    }
  });

  it('has a title for every built-in intent', () => {
    for (const intent of BUILTIN_INTENTS) expect(keys).toContain(`title_${intent}`);
  });
});
