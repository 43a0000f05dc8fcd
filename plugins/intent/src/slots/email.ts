import type { Span } from './slot-text';

/**
 * RFC 5321 sizes: a local part of at most 64 characters, a domain label of at most 63, a whole
 * address of at most 254. Bounding the quantifiers also keeps the pattern linear: a match can
 * only start where a local part starts (the lookbehind rules out every position inside one), and
 * from there it reads a bounded number of characters before it succeeds or fails. `{1,10}`
 * labels is more than any real domain has.
 */
const EMAIL = /(?<![\w.%+-])[a-z0-9._%+-]{1,64}@(?:[a-z0-9-]{1,63}\.){1,10}[a-z]{2,24}(?![\w@-])/iu;
export const MAX_EMAIL_LENGTH = 254;
const MAX_DOMAIN_LENGTH = 253;
/** What an invalid address is quoted as in an error message: enough to recognise it. */
const QUOTED_LENGTH = 64;

export interface EmailFound {
  email?: string;
  /** The text that looked like an address but is not valid. */
  invalid?: string;
  spans: Span[];
}

/** Whether `value` is one whole e-mail address, within RFC 5321's lengths (also for slots an LLM returned). */
export function isEmailAddress(value: string): boolean {
  if (value.length > MAX_EMAIL_LENGTH) return false;
  const m = EMAIL.exec(value);
  return !!m && m.index === 0 && m[0].length === value.length && isWithinLengths(value);
}

/** Trailing sentence punctuation is not part of what the guest typed as an address. */
function withoutTrailingPunctuation(word: string): string {
  let end = word.length;
  while (end > 0 && '.,;!?'.includes(word[end - 1]!)) end -= 1;
  return word.slice(0, end);
}

function isWithinLengths(address: string): boolean {
  return address.length <= MAX_EMAIL_LENGTH && address.length - address.indexOf('@') - 1 <= MAX_DOMAIN_LENGTH;
}

/**
 * The first valid address, or else the first word the guest meant as one but that cannot be
 * ("ana@gmail", "ana@@x.com", 4,000 characters before the "@"). Only whitespace-separated words
 * with an "@" after their first character are looked at, one by one, which is linear; a pattern
 * such as `[^\s@]+@` tried at every position of a long run without spaces or "@" (zero-width
 * marks, say) is quadratic.
 */
export function extractEmail(text: string): EmailFound {
  let invalid: { word: string; index: number } | undefined;
  for (const m of text.matchAll(/\S+/gu)) {
    const word = m[0];
    if (word.indexOf('@', 1) < 0) continue;
    const valid = EMAIL.exec(word);
    if (valid && isWithinLengths(valid[0])) {
      const start = m.index + valid.index;
      return { email: valid[0].toLowerCase(), spans: [{ start, end: start + valid[0].length }] };
    }
    invalid ??= { word, index: m.index };
  }
  if (!invalid) return { spans: [] };
  const shown = withoutTrailingPunctuation(invalid.word);
  return {
    invalid: shown.length > QUOTED_LENGTH ? `${shown.slice(0, QUOTED_LENGTH)}…` : shown,
    spans: [{ start: invalid.index, end: invalid.index + invalid.word.length }],
  };
}
