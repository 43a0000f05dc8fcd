import { numberWordPattern, parseCount } from './number-words';
import { re } from './regex-cache';
import { B, E, type Span } from './slot-text';

const NIGHT = 'nights?|noches?|nuits?|noites?|nachte|nacht|ubernachtungen|ubernachtung|notti|notte|ليال|ليالي|ليله';
const WEEK = 'weeks?|semanas?|semaines?|wochen?|settimane?|wiki|اسابيع|اسبوع';
/** Phrases that mean one night or one week without a number. */
const ONE_NIGHT = `${B}(?:a|one|for the|una|une|uma|eine|una sola)\\s+(?:single\\s+)?(?:night|noche|nuit|noite|nacht|notte)${E}|${B}usiku\\s+(?:mmoja|moja)${E}|(?:^|\\s|ل)ليله(?: واحده)?${E}`;
const ONE_WEEK = `${B}(?:a|one|una|une|uma|eine)\\s+(?:week|semana|semaine|woche|settimana)${E}|${B}wiki\\s+(?:moja|mmoja)${E}|${B}(?:لمده |ل)اسبوع(?: واحد)?${E}|${B}اسبوع واحد${E}`;

export interface NightsFound {
  nights?: number;
  spans: Span[];
}

/**
 * Length of stay: "3 nights", "tres noches", "drei Nächte", "usiku tatu", "ثلاث ليال", "ليلتين"
 * (Arabic dual: two nights), "a week" (7 nights), "2 weeks".
 */
export function extractNights(text: string, language: string): NightsFound {
  const count = `(\\d{1,3}|${numberWordPattern(language)})`;
  const found: { value: number; span: Span }[] = [];
  const add = (value: number | undefined, m: RegExpExecArray | RegExpMatchArray) => {
    if (value !== undefined && m.index !== undefined) found.push({ value, span: { start: m.index, end: m.index + m[0].length } });
  };
  for (const m of text.matchAll(re(`${B}${count}\\s*(?:${NIGHT})${E}`, 'gu'))) add(parseCount(m[1]!, language), m);
  for (const m of text.matchAll(re(`${B}usiku\\s+(?:wa\\s+)?${count}${E}`, 'gu'))) add(parseCount(m[1]!, language), m);
  for (const m of text.matchAll(re(`${B}${count}\\s*(?:${WEEK})${E}`, 'gu'))) {
    const weeks = parseCount(m[1]!, language);
    add(weeks === undefined ? undefined : weeks * 7, m);
  }
  for (const m of text.matchAll(re(`${B}(?:wiki)\\s+${count}${E}`, 'gu'))) {
    const weeks = parseCount(m[1]!, language);
    add(weeks === undefined ? undefined : weeks * 7, m);
  }
  if (found.length === 0) {
    const dual = /(?:^|\s|ل)ليلتين(?![\p{L}\p{N}])/u.exec(text);
    if (dual) add(2, dual);
  }
  if (found.length === 0) {
    const one = re(ONE_NIGHT, 'u').exec(text);
    if (one) add(1, one);
    const week = re(ONE_WEEK, 'u').exec(text);
    if (week && !one) add(7, week);
  }
  found.sort((a, b) => a.span.start - b.span.start);
  return { nights: found[0]?.value, spans: found.map((f) => f.span) };
}
