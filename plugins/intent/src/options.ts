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

/** Keys that moved to core's `llm` section when the LLM became one service for every plugin. */
const MOVED_TO_CORE = {
  baseUrl: 'baseUrl',
  model: 'model',
  apiKey: 'apiKey',
  keyEnv: 'keyEnv',
  monthlyBudgetUsd: 'monthlyBudgetUsd',
  pricing: 'pricing',
  method: 'structuredMethod',
} as const;

/** Accepts nothing: a key that moved says where it lives now (`plugins[i].options.llm.model: moved…`). */
function movedToCore(key: keyof typeof MOVED_TO_CORE) {
  const target = MOVED_TO_CORE[key];
  return z
    .unknown()
    .refine((v) => v === undefined, {
      message: `moved to core's llm section: write llm.${target} at the top level of the config (or hotels[].llm.${target} for one hotel); see core/README.md, "LLM service"`,
    })
    .optional();
}

/**
 * What the intent plugin decides about its LLM layer. Which model, where, with which key, budget
 * and prices is core's `llm` section: the layer uses the hotel's LLM from `ctx.llm` wherever core
 * has one, unless `enabled: false`.
 */
export const llmOptionsSchema = z
  .object({
    /** Per-hotel switch: `llm: { enabled: false }` keeps the LLM away from this plugin's turns. */
    enabled: z.boolean().default(true),
    /** A slow answer is worse than a clarifying question: past this the turn goes on without it (no retries). */
    timeoutMs: z.number().int().positive().max(60_000).default(4_000),
    /** LLM answers below this confidence are treated as "not sure". */
    minConfidence: z.number().min(0).max(1).default(0.5),
    ...Object.fromEntries(Object.keys(MOVED_TO_CORE).map((k) => [k, movedToCore(k as keyof typeof MOVED_TO_CORE)])),
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
    /** The LLM layer, used where core's `llm` gives the hotel a model. */
    llm: llmOptionsSchema.default({ enabled: true, timeoutMs: 4_000, minConfidence: 0.5 }),
  })
  .strict();

export type IntentOptions = z.output<typeof intentOptionsSchema>;
export type LlmOptions = Pick<z.output<typeof llmOptionsSchema>, 'enabled' | 'timeoutMs' | 'minConfidence'>;

/** Options with every default applied, for code that runs without a config (tests, tools). */
export function defaultOptions(overrides: Partial<z.input<typeof intentOptionsSchema>> = {}): IntentOptions {
  return intentOptionsSchema.parse(overrides);
}
