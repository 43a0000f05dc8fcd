/**
 * Text normalisation shared by every layer, so a rule, a training utterance and a guest's
 * message are compared in the same form: lowercase, Latin accents removed (guests often type
 * without them), Arabic letter variants unified, digits in ASCII, punctuation as spaces.
 */

/** Arabic-Indic (U+0660…) and Eastern Arabic-Indic (U+06F0…) digits to ASCII. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/**
 * Arabic spelling varies a lot in chat: hamza forms of alef, final ya/alef maqsura, ta marbuta
 * and diacritics are used inconsistently, so they are folded to one form.
 */
export function foldArabic(text: string): string {
  return text
    .replace(/[\u064b-\u065f\u0670]/g, '') // harakat, shadda, sukun, superscript alef
    .replace(/\u0640/g, '') // tatweel
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي');
}

/** Removes Latin combining accents and folds ß, so "Café"/"cafe" and "Straße"/"strasse" meet. */
export function foldLatin(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .normalize('NFC');
}

/**
 * The form classification works on. English contractions lose their apostrophe ("don't" →
 * "dont") while French/Italian elisions split ("l'hôtel" → "l hotel"), which keeps both
 * languages' words intact.
 */
export function normalizeText(text: string): string {
  let t = asciiDigits(text.normalize('NFKC').toLowerCase());
  t = foldArabic(foldLatin(t));
  t = t.replace(/[\u2018\u2019\u02bc`´]/g, "'");
  t = t.replace(/([a-z])'(t|s|re|ll|ve|d|m)(?![a-z])/g, '$1$2');
  t = t.replace(/[^\p{L}\p{N}]+/gu, ' ');
  // Chat stretches words for emphasis ("holaaa", "bonjouuur", "مرحبااا"); no supported language triples a letter.
  t = t.replace(/(\p{L})\1{2,}/gu, '$1');
  return t.trim();
}

/**
 * Prepares a rules-layer pattern written by a person (with accents, any Arabic spelling) for
 * matching normalised text. Only literal letters change, so regex syntax (`\b`, `\S`, classes)
 * is left intact; case is handled by the `i` flag rather than by lowercasing the source.
 */
export function normalizePattern(source: string): string {
  return foldArabic(foldLatin(source));
}

/** Words of a normalised text. */
export function words(normalized: string): string[] {
  return normalized.length === 0 ? [] : normalized.split(' ');
}
