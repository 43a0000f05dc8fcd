import { KNOWN_PRICES, LLM_DEFAULTS, type HotelLlmConfig, type LlmConfig } from './llm-config';
import { mergeLlmConfig } from './llm-settings';

export interface LlmConfigIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/**
 * What the schema of one section cannot see: the global section and each hotel's override
 * together. Every model a hotel may call needs a price (else its spend would read $0 and the
 * budget would never hold), and `baseUrl` and embeddings are OpenAI-compatible features.
 */
export function checkLlmConfig(global: LlmConfig | undefined, hotels: readonly { readonly llm?: HotelLlmConfig }[]): LlmConfigIssue[] {
  const issues: LlmConfigIssue[] = [];
  const check = (section: LlmConfig, at: (string | number)[]) => {
    const provider = section.provider ?? LLM_DEFAULTS.provider;
    const prices = { ...KNOWN_PRICES, ...section.pricing };
    const models = [section.model ?? LLM_DEFAULTS.model, section.embeddings?.model].filter((m): m is string => !!m);
    for (const model of models)
      if (!prices[model])
        issues.push({
          path: [...at, 'pricing'],
          message: `no price for model "${model}": add pricing: { "${model}": { inputPerMillion, outputPerMillion } } (USD per million tokens) so the monthly budget can count it`,
        });
    if (provider !== 'openai' && section.baseUrl)
      issues.push({
        path: [...at, 'baseUrl'],
        message: `baseUrl is for OpenAI-compatible endpoints: expected provider "openai", found "${provider}"`,
      });
    if (provider !== 'openai' && section.embeddings)
      issues.push({
        path: [...at, 'embeddings'],
        message: `embeddings need an OpenAI-compatible endpoint: expected provider "openai", found "${provider}"`,
      });
  };
  if (global) check(global, ['llm']);
  hotels.forEach((hotel, i) => {
    if (!hotel.llm) return;
    const merged = mergeLlmConfig(global, hotel.llm);
    // Issues of the global section itself are reported once, at `llm`, not again per hotel.
    if (merged && merged.enabled !== false) {
      const before = issues.length;
      check(merged, ['hotels', i, 'llm']);
      if (global) issues.splice(before, issues.length - before, ...dedupe(issues.slice(before), issues.slice(0, before)));
    }
  });
  return issues;
}

/** Hotel issues whose message the global section already reported are left out. */
function dedupe(fresh: readonly LlmConfigIssue[], seen: readonly LlmConfigIssue[]): LlmConfigIssue[] {
  return fresh.filter((f) => !seen.some((s) => s.message === f.message));
}
