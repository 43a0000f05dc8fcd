import type { MenuOption } from './degrade';

/*
 * The one place a typed answer to a menu is mapped back to its option. Core needs it because it
 * degrades buttons to numbered text on some channels and must know that "2" meant the second
 * option whichever intent plugin runs (or none); an intent plugin uses the same function for its
 * menu layer, so a turn and an offline evaluation agree on what counts as a menu answer.
 */

/** Ordinal and number words per language → position (1-based), written as {@link normalise} leaves them. */
const POSITION_WORDS: readonly (readonly string[])[] = [
  // prettier-ignore
  ['one', 'first', '1st', 'uno', 'una', 'primero', 'primera', 'un', 'une', 'premier', 'premiere', 'um', 'primeiro',
    'eins', 'erste', 'ersten', 'erstes', 'primo', 'prima', 'moja', 'kwanza', 'ya kwanza', 'واحد', 'الاول', 'الاولي'],
  // prettier-ignore
  ['two', 'second', '2nd', 'dos', 'segundo', 'segunda', 'deux', 'deuxieme', 'seconde', 'dois', 'duas', 'zwei',
    'zweite', 'zweiten', 'zweites', 'due', 'secondo', 'seconda', 'mbili', 'pili', 'ya pili', 'اثنين', 'اثنان', 'الثاني',
    'الثانيه'],
  // prettier-ignore
  ['three', 'third', '3rd', 'tres', 'tercero', 'tercera', 'trois', 'troisieme', 'terceiro', 'terceira', 'drei',
    'dritte', 'dritten', 'drittes', 'tre', 'terzo', 'terza', 'tatu', 'ya tatu', 'ثلاثه', 'ثلاث', 'الثالث', 'الثالثه'],
  // prettier-ignore
  ['four', 'fourth', '4th', 'cuatro', 'cuarto', 'cuarta', 'quatre', 'quatrieme', 'quatro', 'quarto', 'quarta', 'vier',
    'vierte', 'vierten', 'quattro', 'nne', 'ya nne', 'اربعه', 'الرابع', 'الرابعه'],
  // prettier-ignore
  ['five', 'fifth', '5th', 'cinco', 'quinto', 'quinta', 'cinq', 'cinquieme', 'funf', 'funfte', 'cinque', 'tano',
    'ya tano', 'خمسه', 'الخامس', 'الخامسه'],
];

const POSITIONS: ReadonlyMap<string, number> = new Map(POSITION_WORDS.flatMap((words, i) => words.map((w) => [w, i + 1] as const)));

/** Words around a number or ordinal that do not change the choice: "option 2", "no. 2", "the second one please". */
const FILLER: ReadonlySet<string> = new Set(
  (
    'the one option opcion opcao opzione optie numero number nummer no nr n choice la el le il o a please por favor svp ' +
    'bitte per favore tafadhali namba chaguo رقم الخيار من فضلك'
  ).split(' '),
);

/** Below certainty: an ordinal word or the start of one title could, rarely, mean something else. */
const WORD_CONFIDENCE = 0.9;
/** A prefix shorter than this ("bo") says too little to pick an option. */
const MIN_PREFIX = 4;

/**
 * Lowercase, Latin accents and ß folded, Arabic letter variants unified, Arabic-Indic digits in
 * ASCII, emoji keycaps and punctuation turned into spaces: the forms guests type a menu answer in.
 */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .normalize('NFC')
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface MenuMatch<T extends MenuOption = MenuOption> {
  readonly option: T;
  /** 1 for a number, id, title or copied menu line; a little less for an ordinal word or a unique prefix. */
  readonly confidence: number;
}

/** The option at a 1-based position; none for 0 or a number past the end. */
function at<T extends MenuOption>(options: readonly T[], position: number, confidence: number): MenuMatch<T> | undefined {
  const option = options[position - 1];
  return option ? { option, confidence } : undefined;
}

/**
 * Maps a guest's typed answer to the last menu back to an option: its number in any common
 * spelling ("2", " 2. ", "#2", "option 2", "opción 2", "2️⃣", "رقم 2"), an ordinal or number word
 * ("the second one", "dos", "zweite", "ya pili"), its id or title in any case and accents, the
 * whole menu line copied back ("2. Sea view"), or the start of exactly one title ("book" → "Book a
 * room"). Returns undefined when the text is not clearly one option, so free text such as
 * "2 nights" still reaches intent detection.
 */
export function resolveMenuReply<T extends MenuOption>(text: string, options: readonly T[]): MenuMatch<T> | undefined {
  if (options.length === 0) return undefined;
  const reply = normalise(text);
  if (!reply) return undefined;
  const byTitle = options.find((o) => normalise(o.title) === reply || o.id.toLowerCase() === reply.replace(/ /g, '_'));
  if (byTitle) return { option: byTitle, confidence: 1 };

  const words = reply.split(' ');
  // "the second one" → "second"; a lone filler that is itself a number ("one") stays.
  const core = words.filter((w) => !FILLER.has(w)).join(' ') || reply;
  if (/^\d{1,3}$/.test(core)) return at(options, Number(core), 1);
  const position = POSITIONS.get(core);
  if (position !== undefined) return at(options, position, WORD_CONFIDENCE);

  // A menu line copied back, "2. Sea view – with balcony": the number, then that option's title.
  if (/^\d{1,3}$/.test(words[0]!) && words.length > 1) {
    const option = options[Number(words[0]) - 1];
    if (option && words.slice(1).join(' ').startsWith(normalise(option.title))) return { option, confidence: 1 };
    return undefined;
  }
  if (reply.length >= MIN_PREFIX) {
    const prefixed = options.filter((o) => normalise(o.title).startsWith(reply));
    if (prefixed.length === 1) return { option: prefixed[0]!, confidence: WORD_CONFIDENCE };
  }
  return undefined;
}
