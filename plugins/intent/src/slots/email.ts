import type { Span } from './slot-text';

const EMAIL = /(?<![\w.+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}(?![\w@-])/iu;
/** Something the guest meant as an address but that cannot be one ("ana@gmail", "ana@@x.com"). */
const EMAIL_LIKE = /(?<![\w.+-])[^\s@]+@[^\s]*/u;

export interface EmailFound {
  email?: string;
  /** The text that looked like an address but is not valid. */
  invalid?: string;
  spans: Span[];
}

export function extractEmail(text: string): EmailFound {
  const valid = EMAIL.exec(text);
  if (valid) return { email: valid[0].toLowerCase(), spans: [{ start: valid.index, end: valid.index + valid[0].length }] };
  const like = EMAIL_LIKE.exec(text);
  if (like) return { invalid: like[0].replace(/[.,;!?]+$/, ''), spans: [{ start: like.index, end: like.index + like[0].length }] };
  return { spans: [] };
}
