import { numberWordPattern, parseCount } from './number-words';
import { re } from './regex-cache';
import { B, E, type Span } from './slot-text';

export interface GuestCounts {
  adults?: number;
  children?: number;
  /** "4 people" when adults and children were not told apart. */
  people?: number;
  /** "5 guests including 2 kids": the children are part of `people`, not extra. */
  childrenIncluded?: boolean;
  spans: Span[];
}

/** Nouns after a count, per kind, in normalised form for every supported language. */
const NOUNS = {
  adults: 'adults?|grown ?ups|adultos?|adultes?|erwachsenen?|erwachsene|adulti|adulto|wakubwa|بالغين|بالغ|كبار',
  children:
    'children|child|kids?|toddlers?|babies|baby|ninos?|ninas?|hijos?|bebes?|enfants?|bebes?|criancas?|filhos?|kinder|kind|kleinkind|bambini|bambino|bambina|bambine|figli|watoto|mtoto|اطفال|طفل|اولاد',
  people:
    'people|persons?|guests?|pax|personas|huespedes|personnes|pessoas|hospedes|personen|gaste|persone|ospiti|watu|اشخاص|شخص|افراد|نزلاء',
} as const;

/** Words allowed between a count and its noun: "2 small children", "dos niños pequeños" needs none. */
const FILLERS =
  'more|extra|small|little|young|other|additional|mas|otros|otras|petits?|autres|kleine|weitere|piccoli|altri|outras?|mais|wadogo';

/** Words that make children part of a people count rather than extra to it. */
const INCLUDING =
  /(?:including|incl\.?|of which|of them|incluyendo|incluidos|de los cuales|dont|y compris|incluindo|dos quais|davon|inklusive|inclusi|di cui|ikiwemo|pamoja na|منهم|بينهم|بما فيهم)/u;

/** Swahili and Arabic put the count after the noun ("watu wazima wawili", "أطفال 2"). */
const NOUN_FIRST = {
  adults: 'watu wazima|wakubwa|بالغين',
  children: 'watoto|mtoto|اطفال',
  people: 'watu|اشخاص',
} as const;

/**
 * Counts carried by the noun itself: Arabic duals and singulars (which also take attached
 * prefixes such as و "and" or ل "for", hence no leading boundary) and English "a child".
 */
const IMPLIED: readonly { pattern: string; kind: keyof typeof NOUNS; count: number }[] = [
  { pattern: 'شخصين', kind: 'people', count: 2 },
  { pattern: 'طفلين', kind: 'children', count: 2 },
  { pattern: '(?:^|\\s|و|ل|مع)طفل', kind: 'children', count: 1 },
  { pattern: `${B}(?:a|an) (?:child|kid|baby|toddler)`, kind: 'children', count: 1 },
];

/**
 * Finds adults, children and people counts: "2 adults and 1 child", "dos adultos", "für zwei
 * Erwachsene", "watu wazima wawili", "شخصين". Counts may be digits or number words.
 */
export function extractGuests(text: string, language: string): GuestCounts {
  const out: GuestCounts = { spans: [] };
  const count = `(\\d{1,3}|${numberWordPattern(language)})`;
  for (const kind of ['adults', 'children', 'people'] as const) {
    const patterns = [
      re(`${B}${count}\\s+(?:(?:${FILLERS})\\s+)?(?:${NOUNS[kind]})${E}`, 'gu'),
      re(`${B}(?:${NOUN_FIRST[kind]})\\s+${count}${E}`, 'gu'),
    ];
    for (const re of patterns) {
      for (const m of text.matchAll(re)) {
        const value = parseCount(m[1]!, language);
        if (value === undefined || out[kind] !== undefined) continue;
        // "watu wazima" (adults) starts with "watu" (people): the adults match wins.
        const end = m.index + m[0].length;
        if (kind === 'people' && out.spans.some((s) => s.start < end && m.index < s.end)) continue;
        out[kind] = value;
        out.spans.push({ start: m.index, end });
      }
    }
  }
  for (const implied of IMPLIED) {
    const m = re(`${implied.pattern}${E}`, 'u').exec(text);
    if (m && out[implied.kind] === undefined) {
      out[implied.kind] = implied.count;
      out.spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  if (out.people !== undefined && out.children !== undefined) out.childrenIncluded = INCLUDING.test(text);
  return out;
}
