import {
  KNOWN_PRICES,
  LLM_DEFAULTS,
  type HotelLlmConfig,
  type LlmConfig,
  type LlmProvider,
  type ModelPrice,
  type StructuredMethod,
} from './llm-config';

/** One hotel's LLM, everything decided: what the model factory and the call policy need. */
export interface LlmSettings {
  readonly provider: LlmProvider;
  readonly model: string;
  readonly baseUrl?: string;
  /** Resolved from `apiKey` or `keyEnv`; undefined lets a provider package read its own variable. */
  readonly apiKey?: string;
  readonly embeddingsModel?: string;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly maxRetryAfterMs: number;
  readonly temperature?: number;
  readonly structuredMethod: StructuredMethod;
  readonly monthlyBudgetUsd: number;
  readonly pricing: Readonly<Record<string, ModelPrice>>;
}

/** A hotel's LLM: its settings, or why it has none. */
export type LlmResolution =
  | { readonly on: true; readonly settings: LlmSettings }
  /** `misconfigured`: meant to be on but cannot be (no key), worth a warning at start. */
  | { readonly on: false; readonly reason: string; readonly misconfigured?: true };

/** The global section and a hotel's override merged, before defaults (`pricing` merged by model). */
export function mergeLlmConfig(global: LlmConfig | undefined, hotel: HotelLlmConfig | undefined): LlmConfig | false | undefined {
  if (hotel === false) return false;
  if (!global && !hotel) return undefined;
  const merged: LlmConfig = { ...global, ...hotel };
  if (global?.pricing || hotel?.pricing) merged.pricing = { ...global?.pricing, ...hotel?.pricing };
  return merged;
}

/**
 * Decides a hotel's LLM from the config: off where there is no `llm` section (global or the
 * hotel's), where the hotel says `llm: false` or `enabled: false`, and where the OpenAI provider
 * would have no key (an OpenAI-compatible `baseUrl` — a local server — needs none).
 */
export function resolveLlm(global: LlmConfig | undefined, hotel: HotelLlmConfig | undefined, env: NodeJS.ProcessEnv): LlmResolution {
  const merged = mergeLlmConfig(global, hotel);
  if (merged === undefined) return { on: false, reason: 'no llm section in the config' };
  if (merged === false) return { on: false, reason: 'llm: false for this hotel' };
  if (merged.enabled === false) return { on: false, reason: 'llm.enabled is false' };
  const provider = merged.provider ?? LLM_DEFAULTS.provider;
  const keyEnv = merged.keyEnv ?? (provider === 'openai' ? LLM_DEFAULTS.keyEnv : undefined);
  let apiKey = merged.apiKey || (keyEnv ? env[keyEnv] : undefined) || undefined;
  if (!apiKey && provider === 'openai') {
    // Local OpenAI-compatible servers (Ollama, vLLM) usually need no key, but the client insists on one.
    if (merged.baseUrl) apiKey = 'not-needed';
    else return { on: false, misconfigured: true, reason: `no API key: set llm.apiKey to \${${keyEnv}} or the variable ${keyEnv}` };
  }
  return {
    on: true,
    settings: {
      provider,
      model: merged.model ?? LLM_DEFAULTS.model,
      baseUrl: merged.baseUrl,
      apiKey,
      embeddingsModel: merged.embeddings?.model,
      timeoutMs: merged.timeoutMs ?? LLM_DEFAULTS.timeoutMs,
      retries: merged.retries ?? LLM_DEFAULTS.retries,
      maxRetryAfterMs: merged.maxRetryAfterMs ?? LLM_DEFAULTS.maxRetryAfterMs,
      temperature: merged.temperature,
      structuredMethod: merged.structuredMethod ?? LLM_DEFAULTS.structuredMethod,
      monthlyBudgetUsd: merged.monthlyBudgetUsd ?? LLM_DEFAULTS.monthlyBudgetUsd,
      pricing: { ...KNOWN_PRICES, ...merged.pricing },
    },
  };
}
