/** A word with an "@" inside it (not first, not last): an address or a handle. */
function isAddress(word: string): boolean {
  const at = word.indexOf('@', 1);
  return at > 0 && at < word.length - 1;
}

/**
 * The part of a message that says something about its language: e-mail addresses, links and
 * codes (booking references) are names, not words — "ana@example.com" is no more Portuguese
 * than English, yet its letters would sway the language model.
 *
 * Every step reads each character a bounded number of times. Patterns such as `\S+@\S+` or
 * `\b(?=\S*\d)…`, which rescan the rest of a word from every position in it, are quadratic on
 * a long run without spaces (zero-width or direction marks, "1.1.1.…").
 */
export function languageEvidence(text: string): string {
  return text
    .replace(/\S+/gu, (word) => (isAddress(word) ? ' ' : word))
    .replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ')
    .replace(/[A-Za-z0-9-]+/gu, (run) => (run.length >= 4 && /\d/u.test(run) ? ' ' : run))
    .replace(/\s+/gu, ' ')
    .trim();
}
