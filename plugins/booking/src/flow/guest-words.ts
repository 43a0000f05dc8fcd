/** Small readers of what a guest typed in answer to one question. */

/** A bare number ("2", " 3 ") or number word in the guest's language is left to the intent plugin; this reads digits. */
export function bareNumber(text: string | undefined): number | undefined {
  const match = text?.trim().match(/^(\d{1,3})\.?$/);
  return match ? Number(match[1]) : undefined;
}

/** Whether the text asks to go back a step, by the language's words (`back|go back`). */
export function saysBack(text: string | undefined, words: string): boolean {
  if (!text) return false;
  const normalized = text
    .trim()
    .toLocaleLowerCase()
    .replace(/[.!?¿¡]/g, '');
  return words.split('|').some((w) => normalized === w.trim().toLocaleLowerCase());
}

/** A plausible person's name: letters (any script), spaces, apostrophes, dots and dashes; 2–80 characters, at most 6 words. */
export function asGuestName(text: string | undefined): string | undefined {
  const name = text?.trim().replace(/\s+/g, ' ');
  if (!name || name.length < 2 || name.length > 80 || name.split(' ').length > 6) return undefined;
  return /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u.test(name) ? name : undefined;
}

/** Our references: three letters and four digits, e.g. `KMT4821` (also typed in lower case or with a dash). */
export function findReference(text: string | undefined): string | undefined {
  const match = text?.match(/\b([A-Za-z]{3})-?(\d{4})\b/);
  return match ? `${match[1]}${match[2]}`.toUpperCase() : undefined;
}
