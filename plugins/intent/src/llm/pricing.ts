import type { Pricing } from '../options';

/** Estimated cost in US dollars of one call, from the configured per-million-token prices. */
export function estimateCost(inputTokens: number, outputTokens: number, pricing: Pricing): number {
  return (inputTokens * pricing.inputPerMillion + outputTokens * pricing.outputPerMillion) / 1_000_000;
}

/**
 * A rough token count for text the provider never reported on (a timed-out call may still be
 * billed): about four characters per token for Latin scripts, two for Arabic.
 */
export function roughTokens(text: string): number {
  const arabic = (text.match(/[\u0600-\u06ff]/g) ?? []).length;
  return Math.ceil((text.length - arabic) / 4 + arabic / 2);
}
