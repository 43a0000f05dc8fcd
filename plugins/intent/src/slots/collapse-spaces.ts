import type { Span } from './slot-text';

export interface CollapsedText {
  /** The text with every run of spaces shortened to one. */
  readonly text: string;
  /** The span in the original text of `text.slice(start, end)` (`end > start`). */
  spanOf(start: number, end: number): Span;
}

/**
 * Shortens runs of spaces (what masking leaves where slot values were) for parsers that are
 * slow on them, and maps what they find back to the original offsets.
 */
export function collapseSpaces(original: string): CollapsedText {
  const origin: number[] = [];
  let text = '';
  for (let i = 0; i < original.length; i++) {
    if (original[i] === ' ' && original[i - 1] === ' ') continue;
    origin.push(i);
    text += original[i];
  }
  return {
    text,
    spanOf: (start, end) => ({ start: origin[start]!, end: origin[end - 1]! + 1 }),
  };
}
