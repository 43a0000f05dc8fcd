import { re } from './regex-cache';
import { B, E, type Span } from './slot-text';

/** Words guests put before a booking reference, in every supported language (normalised). */
const KEYWORDS = [
  'booking (?:ref(?:erence)?|number|no\\.?|code|id)',
  'reservation (?:ref(?:erence)?|number|no\\.?|code)',
  'confirmation (?:number|code|no\\.?)',
  'ref(?:erence)?(?: number| no\\.?)?',
  'localizador',
  'referencia',
  'numero de (?:la )?reserva',
  'codigo de (?:la )?reserva',
  'numero de reservation',
  'code de reservation',
  'numero da reserva',
  'codigo da reserva',
  'buchungsnummer',
  'buchungscode',
  'reservierungsnummer',
  'bestatigungsnummer',
  'referenz',
  'codice(?: di)? prenotazione',
  'numero(?: di)? prenotazione',
  'riferimento',
  'namba ya (?:booking|uhifadhi)',
  'kumbukumbu',
  'رقم الحجز',
  'رمز الحجز',
  'مرجع',
].join('|');

const NOT_A_REFERENCE = /^(?:\d{1,2}(?:st|nd|rd|th|am|pm)|is|es|est|ist|ni|e)$/i;

export interface ReferenceFound {
  bookingRef?: string;
  spans: Span[];
}

/**
 * A booking reference: a code after a reference keyword ("booking number HTL-48213", "mi
 * localizador es ABC123", "رقم الحجز 4821") or, anywhere, a code matching the hotel's format.
 * Returned in upper case, as references are printed.
 */
export function extractReference(text: string, hotelPattern: RegExp): ReferenceFound {
  const afterKeyword = re(`${B}(?:${KEYWORDS})\\s*(?:is|es|est|ist|e|ni|هو|:|#|-)?\\s*#?([a-z0-9][a-z0-9-]{3,19})${E}`, 'iu').exec(text);
  if (afterKeyword && !NOT_A_REFERENCE.test(afterKeyword[1]!) && /\d/.test(afterKeyword[1]!)) {
    const start = afterKeyword.index + afterKeyword[0].lastIndexOf(afterKeyword[1]!);
    return { bookingRef: afterKeyword[1]!.toUpperCase(), spans: [{ start, end: start + afterKeyword[1]!.length }] };
  }
  const hash = /(?:^|\s)#([a-z0-9][a-z0-9-]{3,19})(?![\p{L}\p{N}])/iu.exec(text);
  if (hash) return { bookingRef: hash[1]!.toUpperCase(), spans: [{ start: hash.index, end: hash.index + hash[0].length }] };
  const formatted = re(`${B}(?:${hotelPattern.source})${E}`, 'iu').exec(text);
  if (formatted)
    return { bookingRef: formatted[0].toUpperCase(), spans: [{ start: formatted.index, end: formatted.index + formatted[0].length }] };
  return { spans: [] };
}
