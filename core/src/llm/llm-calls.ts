import type { Logger } from '../logging/logger';
import { runWithPolicy } from './call-policy';
import type { LlmBudget } from './llm-budget';
import { estimateCost, monthIn } from './llm-cost';
import { LlmBudgetExceededError, LlmOutputError, LlmRequestError, LlmTimeoutError } from './llm-errors';
import type { LlmSettings } from './llm-settings';
import type { LlmCallKind, LlmCallOptions, LlmOutcome } from './llm-types';
import type { LlmUsageRepository } from './llm-usage-log';
import type { ReportedUsage } from './model-factory';
import { errorStatus } from './provider-errors';

/** Whose call it is and under which settings. */
export interface CallScope {
  readonly plugin: string;
  readonly hotelId: string;
  readonly timeZone: string;
  readonly settings: LlmSettings;
}

/** A call the budget let through, until it is settled. */
export interface AdmittedCall {
  readonly scope: CallScope;
  readonly kind: LlmCallKind;
  readonly model: string;
  readonly month: string;
  readonly at: Date;
  readonly started: number;
}

export interface Settlement {
  readonly outcome: LlmOutcome;
  readonly usage?: ReportedUsage;
  readonly attempts: number;
  /** Prompt tokens to charge when the provider reported none (a timeout may still be billed). */
  readonly estimatedInputTokens: number;
}

export interface CallsDeps {
  readonly usage: LlmUsageRepository;
  readonly budget: LlmBudget;
  readonly logger: Logger;
  readonly now: () => Date;
}

/**
 * The part every `ctx.llm` call shares: the budget check before it, the cockatiel policy around
 * it, and the usage record after it (plugin, hotel, model, kind, tokens, cost, latency, outcome).
 * Recording never fails a call: a store hiccup is logged, the answer still returned.
 */
export class LlmCalls {
  constructor(private readonly deps: CallsDeps) {}

  /** Refuses with `LlmBudgetExceededError` over the hotel's monthly budget (and logs the refusal). */
  async admit(scope: CallScope, kind: LlmCallKind, model: string): Promise<AdmittedCall> {
    const at = this.deps.now();
    const month = monthIn(scope.timeZone, at);
    const call: AdmittedCall = { scope, kind, model, month, at, started: performance.now() };
    const budget = scope.settings.monthlyBudgetUsd;
    const check = await this.deps.budget.check(scope.hotelId, month, budget, scope.plugin);
    if (!check.allowed) {
      await this.settle(call, { outcome: 'budget', attempts: 0, estimatedInputTokens: 0 });
      throw new LlmBudgetExceededError(scope.plugin, scope.hotelId, month, check.spentUsd, budget);
    }
    return call;
  }

  /** Logs the call and adds its cost to the hotel's month. */
  async settle(call: AdmittedCall, settlement: Settlement): Promise<void> {
    const { scope } = call;
    const reported = settlement.usage ?? {};
    let inputTokens = reported.input_tokens ?? 0;
    const outputTokens = reported.output_tokens ?? 0;
    const estimated = settlement.outcome !== 'budget' && inputTokens === 0;
    if (estimated) inputTokens = settlement.estimatedInputTokens;
    const price = scope.settings.pricing[call.model] ?? { inputPerMillion: 0, outputPerMillion: 0 };
    const costUsd = settlement.outcome === 'budget' ? 0 : estimateCost(inputTokens, outputTokens, price);
    try {
      const total = await this.deps.usage.record({
        hotelId: scope.hotelId,
        plugin: scope.plugin,
        at: call.at,
        month: call.month,
        kind: call.kind,
        provider: scope.settings.provider,
        model: call.model,
        inputTokens,
        outputTokens,
        estimated,
        costUsd,
        latencyMs: performance.now() - call.started,
        attempts: settlement.attempts,
        outcome: settlement.outcome,
      });
      if (settlement.outcome !== 'budget')
        await this.deps.budget.charged(scope.hotelId, call.month, total, scope.settings.monthlyBudgetUsd, scope.plugin);
    } catch (err) {
      this.deps.logger.error({ err, plugin: scope.plugin, hotel: scope.hotelId }, 'could not record LLM usage');
    }
  }

  /**
   * One whole call: admitted, run under the policy, checked (`check` may throw `LlmOutputError`),
   * settled, and failures turned into the named errors.
   */
  async run<R, T>(
    scope: CallScope,
    kind: LlmCallKind,
    model: string,
    options: LlmCallOptions,
    attempt: (signal: AbortSignal) => Promise<{ value: R; usage?: ReportedUsage }>,
    check: (value: R) => T,
    estimatedInputTokens: number,
  ): Promise<T> {
    const call = await this.admit(scope, kind, model);
    const timeoutMs = options.timeoutMs ?? scope.settings.timeoutMs;
    const result = await runWithPolicy(attempt, {
      timeoutMs,
      retries: options.retries ?? scope.settings.retries,
      maxRetryAfterMs: scope.settings.maxRetryAfterMs,
      signal: options.signal,
    });
    if (!result.ok) {
      const outcome: LlmOutcome = result.timedOut ? 'timeout' : 'error';
      await this.settle(call, { outcome, attempts: result.attempts, estimatedInputTokens });
      this.deps.logger.warn(
        { err: result.error, plugin: scope.plugin, hotel: scope.hotelId, kind, outcome, attempts: result.attempts },
        'LLM call failed',
      );
      if (result.timedOut) throw new LlmTimeoutError(scope.plugin, scope.hotelId, kind, timeoutMs);
      throw new LlmRequestError(scope.plugin, scope.hotelId, kind, errorStatus(result.error), result.attempts, result.error);
    }
    const { value, usage } = result.value;
    try {
      const checked = check(value);
      await this.settle(call, { outcome: 'ok', usage, attempts: result.attempts, estimatedInputTokens });
      return checked;
    } catch (err) {
      await this.settle(call, {
        outcome: err instanceof LlmOutputError ? 'invalid' : 'error',
        usage,
        attempts: result.attempts,
        estimatedInputTokens,
      });
      throw err;
    }
  }
}
