import {
  LlmBudgetExceededError,
  LlmOutputError,
  LlmTimeoutError,
  type HotelLlm,
  type IntentDefinition,
  type Logger,
  type z,
} from '@hotello/core';
import type { LlmOptions } from '../options';
import { buildPrompt } from './llm-prompt';
import type { LlmOutput } from './llm-schema';

export interface LlmAsk {
  readonly hotelId: string;
  readonly hotelName: string;
  readonly timeZone: string;
  readonly today: string;
  readonly text: string;
  readonly language: string;
  readonly intents: readonly IntentDefinition[];
  /** The hotel's output schema (see `buildOutputSchema`). */
  readonly schema: z.ZodType<LlmOutput>;
}

/** Why the LLM gave no usable answer. */
export type LlmFailure = 'invalid' | 'timeout' | 'error' | 'unsure';

export type LlmVerdict =
  | { readonly kind: 'answer'; readonly intent: string; readonly confidence: number; readonly slots?: Readonly<Record<string, unknown>> }
  | { readonly kind: 'skipped'; readonly reason: 'budget' }
  | { readonly kind: 'failed'; readonly reason: LlmFailure };

/**
 * The last layer: asks the hotel's LLM (core's `ctx.llm`, which logs the call, prices it and
 * holds the hotel's monthly budget for every plugin) when the local layers are unsure — with a
 * short deadline and no retries, since a slow turn is worse than a clarifying question. Any
 * failure — over budget, timeout, error, output outside the schema, a model that is not sure —
 * returns a verdict the classifier turns into a safe fallback; nothing is thrown into the turn.
 */
export class LlmLayer {
  constructor(
    private readonly llm: HotelLlm,
    private readonly options: LlmOptions,
    private readonly logger: Logger,
  ) {}

  /** Loads the LLM libraries ahead of the first guest message. */
  warmUp(): Promise<void> {
    return this.llm.warmUp();
  }

  async classify(ask: LlmAsk): Promise<LlmVerdict> {
    const prompt = buildPrompt({
      hotelName: ask.hotelName,
      intents: ask.intents,
      text: ask.text,
      language: ask.language,
      today: ask.today,
      timeZone: ask.timeZone,
    });
    let parsed: LlmOutput;
    try {
      parsed = await this.llm.structured(
        [
          { role: 'system', content: prompt.system },
          { role: 'user', content: prompt.user },
        ],
        ask.schema,
        { name: 'classify_guest_message', timeoutMs: this.options.timeoutMs, retries: 0, temperature: 0 },
      );
    } catch (err) {
      if (err instanceof LlmBudgetExceededError) return { kind: 'skipped', reason: 'budget' };
      const reason: LlmFailure = err instanceof LlmOutputError ? 'invalid' : err instanceof LlmTimeoutError ? 'timeout' : 'error';
      this.logger.warn({ err, hotel: ask.hotelId, outcome: reason }, 'intent LLM call failed; falling back');
      return { kind: 'failed', reason };
    }
    if (parsed.intent === 'none' || parsed.confidence < this.options.minConfidence) return { kind: 'failed', reason: 'unsure' };
    return { kind: 'answer', intent: parsed.intent, confidence: parsed.confidence, slots: parsed.slots };
  }
}
