import type { z } from 'zod';
import type { StructuredMethod } from './llm-config';

/** What `ctx.llm` calls are logged as. */
export type LlmCallKind = 'chat' | 'structured' | 'embed' | 'stream';

/** How a call ended, as logged: `budget` is a call refused over the monthly budget (nothing sent). */
export type LlmOutcome = 'ok' | 'invalid' | 'timeout' | 'error' | 'budget';

/** One message of a conversation with the model. */
export interface LlmMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** A prompt (sent as one user message) or messages. */
export type LlmInput = string | readonly LlmMessage[];

export interface LlmCallOptions {
  /** Per attempt; default `llm.timeoutMs`. */
  readonly timeoutMs?: number;
  /** Retries after 429/5xx/connection errors; default `llm.retries`. `0` for a turn that cannot wait. */
  readonly retries?: number;
  /** Aborts the call (and a stream) from outside. */
  readonly signal?: AbortSignal;
  /** Default `llm.temperature`, else the provider's. */
  readonly temperature?: number;
  readonly maxTokens?: number;
}

export interface StructuredCallOptions extends LlmCallOptions {
  /** The tool / schema name the model sees (letters, digits, `_`, `-`). Default `answer`. */
  readonly name?: string;
  /** Default `llm.structuredMethod`. */
  readonly method?: StructuredMethod;
}

/** The LLM of one hotel, as one plugin calls it; every call is logged with both names. */
export interface HotelLlm {
  readonly hotelId: string;
  /** Whether this hotel has an LLM; calls throw `LlmUnavailableError` where it has none. */
  readonly available: boolean;
  /** Why not, when `available` is false. */
  readonly reason?: string;
  /** The chat model's name, when available. */
  readonly model?: string;
  /** Whether `embed` has a model here (`llm.embeddings.model`). */
  readonly canEmbed: boolean;
  /** A text answer. */
  chat(input: LlmInput, options?: LlmCallOptions): Promise<string>;
  /** An answer validated by a zod schema; `LlmOutputError` when it does not fit. */
  structured<S extends z.ZodType>(input: LlmInput, schema: S, options?: StructuredCallOptions): Promise<z.output<S>>;
  /** One vector per text, in order. */
  embed(texts: readonly string[], options?: LlmCallOptions): Promise<number[][]>;
  /** The answer as it is written, piece by piece. Retried only before the first piece. */
  stream(input: LlmInput, options?: LlmCallOptions): AsyncIterable<string>;
  /** Loads the LLM libraries now (at `start`), so no guest's turn waits for them. */
  warmUp(): Promise<void>;
}

/** `ctx.llm`: the LLM service as one plugin sees it. */
export interface PluginLlm {
  forHotel(hotelId: string): HotelLlm;
}

/** One call as logged in `core_llmUsage`. */
export interface LlmUsageRecord {
  readonly hotelId: string;
  readonly plugin: string;
  readonly at: Date;
  /** Calendar month in the hotel's time zone, `YYYY-MM`: the budget period. */
  readonly month: string;
  readonly kind: LlmCallKind;
  readonly provider: string;
  readonly model: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Whether the token counts were estimated (not reported: a timeout, embeddings). */
  readonly estimated: boolean;
  readonly costUsd: number;
  readonly latencyMs: number;
  readonly attempts: number;
  readonly outcome: LlmOutcome;
}

/** `llm.budget_exceeded`: once per hotel and month, across instances. */
export interface LlmBudgetExceeded {
  readonly hotelId: string;
  readonly month: string;
  readonly spentUsd: number;
  readonly budgetUsd: number;
  /** The plugin whose call crossed the budget, or was the first refused. */
  readonly plugin: string;
}
