/**
 * The part of a message that says something about its language: e-mail addresses, links and
 * codes (booking references) are names, not words — "ana@example.com" is no more Portuguese
 * than English, yet its letters would sway the language model.
 */
export function languageEvidence(text: string): string {
  return text
    .replace(/\S+@\S+/g, ' ')
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
    .replace(/\b(?=\S*\d)[A-Za-z0-9-]{4,}\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
