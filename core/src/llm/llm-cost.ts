import type { ModelPrice } from './llm-config';

/** Estimated cost in US dollars of one call, from per-million-token prices. */
export function estimateCost(inputTokens: number, outputTokens: number, price: ModelPrice): number {
  return (inputTokens * price.inputPerMillion + outputTokens * price.outputPerMillion) / 1_000_000;
}

/**
 * A rough token count for text the provider never reported on (a timed-out call may still be
 * billed; embeddings report no usage through langchain): about four characters per token for
 * Latin scripts, two for Arabic.
 */
export function roughTokens(text: string): number {
  const arabic = (text.match(/[\u0600-\u06ff]/g) ?? []).length;
  return Math.ceil((text.length - arabic) / 4 + arabic / 2);
}

/** The calendar month of `now` in a time zone, `YYYY-MM`: budgets reset at the hotel's midnight. */
export function monthIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  return `${parts.find((p) => p.type === 'year')?.value}-${parts.find((p) => p.type === 'month')?.value}`;
}
