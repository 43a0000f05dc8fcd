import { asciiDigits } from '../text/normalize';

/**
 * The two views of a message slot extractors read. `folded` is lowercase with Latin accents
 * removed and Arabic letter variants unified, so patterns are simple; `original` keeps case and
 * accents for chrono-node, whose patterns expect "mañana" and "März". Both have the same length
 * and offsets, so a span found in one can be masked in the other.
 */
export interface SlotText {
  readonly original: string;
  readonly folded: string;
}

const ARABIC_FOLD: Readonly<Record<string, string>> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ى: 'ي', ة: 'ه', ؤ: 'و', ئ: 'ي' };

function foldChar(c: string): string {
  const lower = c.toLowerCase();
  const one = lower.length === 1 ? lower : c;
  const arabic = ARABIC_FOLD[one];
  if (arabic) return arabic;
  const base = one.normalize('NFD');
  // Keep the base letter only when the rest are combining accents (é → e, ñ → n, ü → u).
  return base.length > 1 && /^[\u0300-\u036f]+$/.test(base.slice(1)) ? base[0]! : one;
}

export function slotText(text: string): SlotText {
  const original = asciiDigits(text.normalize('NFC'))
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '') // Arabic diacritics and tatweel carry no meaning here
    .replace(/[\u2013\u2014\u2012\u2212]/g, '-')
    .replace(/[\u2018\u2019`´]/g, "'")
    .replace(/\s+/g, ' ');
  let folded = '';
  for (const c of original) folded += c.length === 1 ? foldChar(c) : c;
  return { original, folded };
}

/** A span an extractor consumed, so later extractors (dates) do not read it again. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Replaces spans with spaces of the same length, keeping every other offset valid. One pass
 * over the text however many spans there are ("3 nights" repeated gives hundreds): splicing
 * them in one at a time copies the whole text per span.
 */
export function mask(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const s of sorted) {
    const start = Math.max(at, Math.min(s.start, text.length));
    const end = Math.min(Math.max(s.end, start), text.length);
    parts.push(text.slice(at, start), ' '.repeat(end - start));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Word boundaries that also work next to Arabic letters (`\b` only sees ASCII word characters). */
export const B = '(?<![\\p{L}\\p{N}])';
export const E = '(?![\\p{L}\\p{N}])';
