import type { z } from 'zod';
import type { LlmCallKind } from './llm-types';

/** Any refusal or failure of a `ctx.llm` call; `plugin` and `hotelId` say whose call it was. */
export class LlmError extends Error {
  constructor(
    message: string,
    readonly plugin: string,
    readonly hotelId: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LlmError';
  }
}

/** The hotel has no LLM (none configured, `llm: false`, no API key, or no embeddings model for `embed`). */
export class LlmUnavailableError extends LlmError {
  constructor(
    plugin: string,
    hotelId: string,
    readonly reason: string,
  ) {
    super(`no LLM for hotel "${hotelId}" (plugin "${plugin}"): ${reason}`, plugin, hotelId);
    this.name = 'LlmUnavailableError';
  }
}

/** The hotel spent its monthly budget: no call is made until the month (hotel time) ends. */
export class LlmBudgetExceededError extends LlmError {
  constructor(
    plugin: string,
    hotelId: string,
    readonly month: string,
    readonly spentUsd: number,
    readonly budgetUsd: number,
  ) {
    super(
      `LLM budget of hotel "${hotelId}" spent for ${month}: $${spentUsd.toFixed(4)} of $${budgetUsd} (call by plugin "${plugin}" refused)`,
      plugin,
      hotelId,
    );
    this.name = 'LlmBudgetExceededError';
  }
}

/** No answer within the call's `timeoutMs` (on the last attempt). */
export class LlmTimeoutError extends LlmError {
  constructor(
    plugin: string,
    hotelId: string,
    readonly kind: LlmCallKind,
    readonly timeoutMs: number,
  ) {
    super(`LLM ${kind} call by plugin "${plugin}" for hotel "${hotelId}" got no answer within ${timeoutMs} ms`, plugin, hotelId);
    this.name = 'LlmTimeoutError';
  }
}

/** The provider refused or failed (after the retries a 429/5xx gets); `status` when it answered. */
export class LlmRequestError extends LlmError {
  constructor(
    plugin: string,
    hotelId: string,
    readonly kind: LlmCallKind,
    readonly status: number | undefined,
    readonly attempts: number,
    cause: unknown,
  ) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      `LLM ${kind} call by plugin "${plugin}" for hotel "${hotelId}" failed${status ? ` with HTTP ${status}` : ''} after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${detail}`,
      plugin,
      hotelId,
      { cause },
    );
    this.name = 'LlmRequestError';
  }
}

/** A structured answer that does not fit the caller's schema (or is not JSON at all). */
export class LlmOutputError extends LlmError {
  constructor(
    plugin: string,
    hotelId: string,
    /** What the model returned, parsed as far as it could be (null when it was not JSON). */
    readonly output: unknown,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    const first = issues[0];
    const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'the answer was not valid JSON';
    super(
      `LLM answer for plugin "${plugin}" at hotel "${hotelId}" does not fit its schema (${where}${issues.length > 1 ? `, and ${issues.length - 1} more` : ''})`,
      plugin,
      hotelId,
    );
    this.name = 'LlmOutputError';
  }
}
