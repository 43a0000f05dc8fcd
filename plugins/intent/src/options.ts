import { z } from '@hotello/core';
import { DEFAULT_MENU } from './builtin/intents';
import { SUPPORTED_LANGUAGES } from './builtin/languages';
import { ROOM_TYPES } from './slots/slot-types';

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

const language = z.string().refine((l) => SUPPORTED_LANGUAGES.includes(l), {
  message: `expected one of ${SUPPORTED_LANGUAGES.join(', ')}`,
});

const intentName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected an intent name such as "book_room"');

/** Prices in US dollars per million tokens, to estimate what each LLM call cost. */
export const pricingSchema = z
  .object({
    inputPerMillion: z.number().min(0),
    outputPerMillion: z.number().min(0),
  })
  .strict();

export const llmOptionsSchema = z
  .object({
    /** Per-hotel switch: `llm: { enabled: false }` under a hotel keeps the rest of the settings. */
    enabled: z.boolean().default(true),
    /** Any OpenAI-compatible endpoint (vLLM, Ollama, LM Studio, a gateway); OpenAI when omitted. */
    baseUrl: z.url().optional(),
    model: z.string().min(1).default('gpt-4o-mini'),
    /** The key itself, written as `${SOME_VARIABLE}` (core refuses inline secrets). */
    apiKey: z.string().optional(),
    /** Or the name of the environment variable that holds the key. */
    keyEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/, 'expected an environment variable name')
      .default('OPENAI_API_KEY'),
    /** A slow answer is worse than a clarifying question: past this the turn goes on without it. */
    timeoutMs: z.number().int().positive().max(60_000).default(4_000),
    /** Spend per hotel and calendar month (hotel time zone); past it the LLM layer is skipped. */
    monthlyBudgetUsd: z.number().min(0).default(20),
    pricing: pricingSchema.default({ inputPerMillion: 0.15, outputPerMillion: 0.6 }),
    /** How the model is asked for structured output; function calling works with most servers. */
    method: z.enum(['functionCalling', 'jsonSchema', 'jsonMode']).default('functionCalling'),
    /** LLM answers below this confidence are treated as "not sure". */
    minConfidence: z.number().min(0).max(1).default(0.5),
  })
  .strict();

export const intentOptionsSchema = z
  .object({
    /** Below this confidence the guest gets a short clarifying question instead of a guess. */
    threshold: z.number().min(0).max(1).default(0.55),
    /** Ask "did you mean…?" with buttons when unsure (off: core's fallback reply answers). */
    clarify: z.boolean().default(true),
    /** Languages guests may write in at this hotel (detection chooses among these). */
    languages: z
      .array(language)
      .min(1)
      .default([...SUPPORTED_LANGUAGES]),
    /** Intents offered by the greeting and help menus, in order; those not available at a hotel are left out. */
    menu: z
      .array(intentName)
      .min(1)
      .default([...DEFAULT_MENU]),
    /** Extra words per room type, e.g. `{ suite: ['penthouse'], family: ['bungalow'] }`. */
    roomTypes: z.partialRecord(z.enum(ROOM_TYPES), z.array(z.string().min(2))).default({}),
    /** What a booking reference looks like at this hotel (a regular expression, case-insensitive). */
    bookingRefPattern: z.string().refine(isRegExp, 'expected a valid regular expression').default('[A-Z]{2,4}-?\\d{4,8}'),
    /** Currency of a budget given without one ("under 100"), ISO 4217. */
    defaultCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as "USD"')
      .optional(),
    /** The LLM fallback; off when omitted. */
    llm: llmOptionsSchema.optional(),
  })
  .strict();

export type IntentOptions = z.output<typeof intentOptionsSchema>;
export type LlmOptions = z.output<typeof llmOptionsSchema>;
export type Pricing = z.output<typeof pricingSchema>;

/** Options with every default applied, for code that runs without a config (tests, tools). */
export function defaultOptions(overrides: Partial<z.input<typeof intentOptionsSchema>> = {}): IntentOptions {
  return intentOptionsSchema.parse(overrides);
}
