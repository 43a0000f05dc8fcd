import type { IntentDefinition, Logger, z } from '@hotello/core';
import type { IntentLogRepository, LlmOutcome } from '../cost/intent-log';
import { monthIn, type LlmBudget } from '../cost/llm-budget';
import type { LlmOptions } from '../options';
import type { LlmClient } from './llm-client';
import { buildPrompt } from './llm-prompt';
import type { LlmOutput } from './llm-schema';
import { estimateCost, roughTokens } from './pricing';

export interface LlmAsk {
  readonly hotelId: string;
  readonly hotelName: string;
  readonly timeZone: string;
  readonly today: string;
  readonly now: Date;
  readonly text: string;
  readonly language: string;
  readonly intents: readonly IntentDefinition[];
  /** The hotel's output schema (see `buildOutputSchema`). */
  readonly schema: z.ZodType<LlmOutput>;
}

export type LlmVerdict =
  | { readonly kind: 'answer'; readonly intent: string; readonly confidence: number; readonly slots?: Readonly<Record<string, unknown>> }
  | { readonly kind: 'skipped'; readonly reason: 'budget' }
  | { readonly kind: 'failed'; readonly reason: LlmOutcome | 'unsure' };

class LlmTimeout extends Error {}

/** Rejects after `ms` even if the client ignores the abort signal. */
function deadline<T>(work: Promise<T>, ms: number, controller: AbortController): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new LlmTimeout(`no answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/**
 * The last layer: asks an LLM when the local layers are unsure, within the hotel's monthly
 * budget and a hard time limit. Any failure — timeout, error, output outside the schema, a
 * model that is not sure — returns a verdict the classifier turns into a safe fallback; nothing
 * is thrown into the turn. Every call is logged with its tokens and estimated cost.
 */
export class LlmLayer {
  constructor(
    private readonly client: LlmClient,
    private readonly options: LlmOptions,
    private readonly log: IntentLogRepository,
    private readonly budget: LlmBudget,
    private readonly logger: Logger,
  ) {}

  /** Loads the client's libraries ahead of the first guest message. */
  async warmUp(): Promise<void> {
    await this.client.warmUp?.();
  }

  async classify(ask: LlmAsk): Promise<LlmVerdict> {
    const month = monthIn(ask.timeZone, ask.now);
    if (!(await this.budget.allows(ask.hotelId, month, this.options.monthlyBudgetUsd))) return { kind: 'skipped', reason: 'budget' };

    const prompt = buildPrompt({
      hotelName: ask.hotelName,
      intents: ask.intents,
      text: ask.text,
      language: ask.language,
      today: ask.today,
      timeZone: ask.timeZone,
    });
    const controller = new AbortController();
    const started = performance.now();
    let outcome: LlmOutcome = 'ok';
    let inputTokens = 0;
    let outputTokens = 0;
    let parsed: LlmOutput | undefined;
    try {
      const reply = await deadline(this.client.classify(prompt, ask.schema, controller.signal), this.options.timeoutMs, controller);
      inputTokens = reply.inputTokens;
      outputTokens = reply.outputTokens;
      const checked = ask.schema.safeParse(reply.parsed);
      if (checked.success) parsed = checked.data;
      else outcome = 'invalid';
    } catch (err) {
      const aborted =
        err instanceof LlmTimeout || (err as Error)?.name === 'AbortError' || /timed? ?out/i.test(String((err as Error)?.message));
      outcome = aborted ? 'timeout' : 'error';
      this.logger.warn({ err, hotel: ask.hotelId, outcome }, 'intent LLM call failed; falling back');
    }
    const latencyMs = performance.now() - started;
    // Without reported usage (a timeout), charge an estimate of the prompt: the provider may bill it.
    const estimated = inputTokens === 0;
    if (estimated) inputTokens = roughTokens(prompt.system + prompt.user);
    const costUsd = estimateCost(inputTokens, outputTokens, this.options.pricing);
    this.budget.charge(ask.hotelId, month, costUsd);
    await this.log
      .recordLlmUsage({
        hotelId: ask.hotelId,
        at: ask.now,
        month,
        model: this.options.model,
        inputTokens,
        outputTokens,
        estimated,
        costUsd,
        latencyMs,
        outcome,
      })
      .catch((err: unknown) => this.logger.error({ err }, 'could not record LLM usage'));

    if (!parsed) return { kind: 'failed', reason: outcome };
    if (parsed.intent === 'none' || parsed.confidence < this.options.minConfidence) return { kind: 'failed', reason: 'unsure' };
    return { kind: 'answer', intent: parsed.intent, confidence: parsed.confidence, slots: parsed.slots };
  }
}
