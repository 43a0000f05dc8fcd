import type { ButtonOption } from '@hotello/core';
import { normalizeText, words } from '../text/normalize';

/** Ordinal and number words per language → position (1-based), in normalised form. */
const POSITIONS: Readonly<Record<string, number>> = (() => {
  const lists: readonly (readonly string[])[] = [
    [
      'one',
      'first',
      '1st',
      'uno',
      'una',
      'primero',
      'primera',
      'un',
      'une',
      'premier',
      'premiere',
      'um',
      'primeiro',
      'eins',
      'erste',
      'ersten',
      'erstes',
      'primo',
      'prima',
      'moja',
      'kwanza',
      'ya kwanza',
      'واحد',
      'الاول',
      'الاولي',
    ],
    [
      'two',
      'second',
      '2nd',
      'dos',
      'segundo',
      'segunda',
      'deux',
      'deuxieme',
      'second',
      'seconde',
      'dois',
      'duas',
      'zwei',
      'zweite',
      'zweiten',
      'zweites',
      'due',
      'secondo',
      'seconda',
      'mbili',
      'pili',
      'ya pili',
      'اثنين',
      'اثنان',
      'الثاني',
      'الثانيه',
    ],
    [
      'three',
      'third',
      '3rd',
      'tres',
      'tercero',
      'tercera',
      'trois',
      'troisieme',
      'terceiro',
      'terceira',
      'drei',
      'dritte',
      'dritten',
      'drittes',
      'tre',
      'terzo',
      'terza',
      'tatu',
      'ya tatu',
      'ثلاثه',
      'ثلاث',
      'الثالث',
      'الثالثه',
    ],
    [
      'four',
      'fourth',
      '4th',
      'cuatro',
      'cuarto',
      'cuarta',
      'quatre',
      'quatrieme',
      'quatro',
      'quarto',
      'quarta',
      'vier',
      'vierte',
      'vierten',
      'quattro',
      'nne',
      'ya nne',
      'اربعه',
      'الرابع',
      'الرابعه',
    ],
    [
      'five',
      'fifth',
      '5th',
      'cinco',
      'quinto',
      'quinta',
      'cinq',
      'cinquieme',
      'funf',
      'funfte',
      'cinque',
      'tano',
      'ya tano',
      'خمسه',
      'الخامس',
      'الخامسه',
    ],
  ];
  const out: Record<string, number> = {};
  lists.forEach((words, i) => words.forEach((w) => (out[w] = i + 1)));
  return out;
})();

/** Words around a number or ordinal that do not change the choice: "option 2", "the second one please". */
const FILLER = new Set(
  'the one option opcion opcao opzione numero number nummer no nr choice la el le il o a please por favor svp bitte per favore tafadhali namba chaguo رقم الخيار من فضلك'.split(
    ' ',
  ),
);

export interface MenuMatch {
  readonly option: ButtonOption;
  /** 1 for a number, id or exact title; a little less for an ordinal word or a unique prefix. */
  readonly confidence: number;
}

/**
 * Resolves a typed answer to the last menu: "2", "option 2", "the second one", "dos", an id, a
 * title in any case or accents, or the start of exactly one title ("book" → "Book a room").
 * Returns undefined when the text is not clearly one option, so it goes on to the other layers.
 */
export function resolveMenu(text: string, options: readonly ButtonOption[]): MenuMatch | undefined {
  if (options.length === 0) return undefined;
  const normalized = normalizeText(text);
  if (!normalized) return undefined;
  const byTitle = options.find((o) => normalizeText(o.title) === normalized || o.id.toLowerCase() === normalized.replace(/ /g, '_'));
  if (byTitle) return { option: byTitle, confidence: 1 };

  // "the second one" → "second"; a lone filler that is itself a number ("one") stays.
  const core =
    words(normalized)
      .filter((w) => !FILLER.has(w))
      .join(' ') || normalized;
  if (/^\d{1,2}$/.test(core)) {
    const option = options[Number(core) - 1];
    return option ? { option, confidence: 1 } : undefined;
  }
  const position = POSITIONS[core];
  if (position !== undefined) {
    const option = options[position - 1];
    return option ? { option, confidence: 0.9 } : undefined;
  }
  if (normalized.length >= 4) {
    const prefixed = options.filter((o) => normalizeText(o.title).startsWith(normalized));
    if (prefixed.length === 1) return { option: prefixed[0]!, confidence: 0.9 };
  }
  return undefined;
}
