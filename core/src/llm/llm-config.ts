import { z } from 'zod';

/**
 * Providers langchain's `initChatModel` knows. Only `openai` (any OpenAI-compatible endpoint)
 * ships with core; another needs its package installed beside the bot (`@langchain/anthropic`…).
 * Listed here so a typo is a config error at load, not a failed call at the first guest message.
 */
export const LLM_PROVIDERS = [
  'openai',
  'anthropic',
  'azure_openai',
  'google-genai',
  'google-vertexai',
  'ollama',
  'mistralai',
  'groq',
  'bedrock',
  'deepseek',
  'xai',
  'cerebras',
  'fireworks',
  'together',
  'perplexity',
  'cohere',
] as const;

export type LlmProvider = (typeof LLM_PROVIDERS)[number];

/** How a model is asked for structured output; function calling works with most servers. */
export const STRUCTURED_METHODS = ['functionCalling', 'jsonSchema', 'jsonMode'] as const;
export type StructuredMethod = (typeof STRUCTURED_METHODS)[number];

/** US dollars per million tokens, to estimate what each call cost. */
export const modelPriceSchema = z
  .object({
    inputPerMillion: z.number().min(0),
    outputPerMillion: z.number().min(0).default(0),
  })
  .strict();

export type ModelPrice = z.output<typeof modelPriceSchema>;

/** Prices core knows without being told; `pricing` in the config adds to and overrides them. */
export const KNOWN_PRICES: Readonly<Record<string, ModelPrice>> = {
  'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
  'gpt-4.1-mini': { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  'gpt-4.1-nano': { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  'text-embedding-3-small': { inputPerMillion: 0.02, outputPerMillion: 0 },
  'text-embedding-3-large': { inputPerMillion: 0.13, outputPerMillion: 0 },
};

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'expected an environment variable name such as "OPENAI_API_KEY"');

/**
 * Every field of the `llm` section, none with a default: the same shape is the global section
 * and a hotel's override (`hotels[].llm`), and defaults are applied after merging the two
 * (see `resolveLlmSettings`), so a hotel that changes only `model` keeps the global `baseUrl`.
 */
const llmFields = {
  /** `false` turns the LLM off (for one hotel, under `hotels[].llm`). */
  enabled: z.boolean(),
  provider: z.enum(LLM_PROVIDERS),
  model: z.string().min(1),
  /** An OpenAI-compatible endpoint (vLLM, Ollama, LM Studio, a gateway, the tests' fake); OpenAI when omitted. */
  baseUrl: z.url(),
  /** The key, as `${SOME_VARIABLE}` (core refuses inline secrets). */
  apiKey: z.string(),
  /** Or the variable that holds it. */
  keyEnv: envName,
  /** The model `embed` uses; without it `embed` refuses. */
  embeddings: z.object({ model: z.string().min(1) }).strict(),
  /** Per attempt; a per-call `timeoutMs` overrides it. */
  timeoutMs: z.number().int().positive().max(600_000),
  /** Retries after a 429, a 5xx or a dropped connection (Retry-After honoured); per call too. */
  retries: z.number().int().min(0).max(10),
  /** A Retry-After longer than this is not waited for: the call fails at once. */
  maxRetryAfterMs: z.number().int().min(0).max(600_000),
  temperature: z.number().min(0).max(2),
  structuredMethod: z.enum(STRUCTURED_METHODS),
  /** Estimated spend per hotel and calendar month (hotel time zone), all plugins together. */
  monthlyBudgetUsd: z.number().min(0),
  /** Prices by model name, added to `KNOWN_PRICES`. */
  pricing: z.record(z.string().min(1), modelPriceSchema),
};

/** The top-level `llm` section. */
export const llmConfigSchema = z.object(llmFields).partial().strict();

/** `hotels[].llm`: `false`, or fields that override the global section for this hotel. */
export const hotelLlmSchema = z.union([z.literal(false), llmConfigSchema]);

export type LlmConfig = z.output<typeof llmConfigSchema>;
export type HotelLlmConfig = z.output<typeof hotelLlmSchema>;

/** What a section leaves out. */
export const LLM_DEFAULTS = {
  provider: 'openai',
  model: 'gpt-4o-mini',
  keyEnv: 'OPENAI_API_KEY',
  timeoutMs: 30_000,
  retries: 2,
  maxRetryAfterMs: 30_000,
  structuredMethod: 'functionCalling',
  monthlyBudgetUsd: 20,
} as const satisfies Partial<LlmConfig>;
