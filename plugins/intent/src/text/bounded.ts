import { cutText } from '@hotello/core';

/**
 * How much of a guest message the plugin reads. WhatsApp caps a text at 4,096 characters, but
 * the inbox may accept longer ones (pasted e-mails, other providers), and every layer — the
 * language identifier, rules, the local model, slot extraction, chrono-node and the LLM prompt —
 * costs at least linear time in what it is given. Reading a fixed-size beginning keeps the cost
 * of a turn bounded whatever the guest sends; what a guest wants from a hotel bot is said in
 * the first few sentences, not after two thousand characters.
 */
export const READ_CHARS = 2_000;

/**
 * A cut inside a word is moved back to the space before it, so the last word read is never a
 * truncated one ("ana@example.co" from "ana@example.com", "1" from "15 March"). Only this far,
 * though: a longer run without spaces is longer than any e-mail address (254 characters), date
 * or reference, so cutting through it changes no slot.
 */
const WORD_LOOKBACK = 256;

const isSpace = (code: number): boolean => code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000;

/** The first {@link READ_CHARS} characters of `text` (fewer, to end on a whole word), or `text` itself when shorter. */
export function boundedText(text: string, max: number = READ_CHARS): string {
  if (text.length <= max) return text;
  let cut = cutText(text, max).length;
  if (!isSpace(text.charCodeAt(cut))) {
    for (let i = cut - 1; i >= Math.max(0, cut - WORD_LOOKBACK); i--) {
      if (isSpace(text.charCodeAt(i))) {
        cut = i;
        break;
      }
    }
  }
  return text.slice(0, cut);
}
