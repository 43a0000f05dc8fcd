import type { LlmBudgetExceeded } from './llm-types';
import type { LlmUsageRepository } from './llm-usage-log';

/** A budget check's answer: allowed, or refused with what was spent. */
export type BudgetCheck = { readonly allowed: true } | { readonly allowed: false; readonly spentUsd: number };

/**
 * Decides whether a hotel may still call the LLM this month, for every plugin together. Spend is
 * read from the repository (shared by every instance) and cached briefly, so a busy hotel does not
 * query the store per call; each call this instance makes updates the cache with the store's own
 * running total. When a hotel reaches its budget — at the call that crossed it, or at the first
 * call refused — `onExceeded` runs once per hotel and month across instances, because the
 * repository hands the alert to a single claimant. Calls that pass the check at the same moment may
 * overshoot the budget by their own cost; none starts once the total is known to be over.
 */
export class LlmBudget {
  private readonly cache = new Map<string, { spent: number; readAt: number }>();
  /** Hotel-months whose alert this instance sent or saw claimed: no second claim write. */
  private readonly alerted = new Set<string>();

  constructor(
    private readonly usage: LlmUsageRepository,
    private readonly onExceeded: (info: LlmBudgetExceeded) => Promise<void> | void,
    private readonly cacheMs = 30_000,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  async check(hotelId: string, month: string, budgetUsd: number, plugin: string): Promise<BudgetCheck> {
    const spent = await this.spent(hotelId, month);
    if (spent < budgetUsd) return { allowed: true };
    await this.alertOnce({ hotelId, month, spentUsd: spent, budgetUsd, plugin });
    return { allowed: false, spentUsd: spent };
  }

  /** After a call was recorded: `totalUsd` is the store's month total including it. */
  async charged(hotelId: string, month: string, totalUsd: number, budgetUsd: number, plugin: string): Promise<void> {
    this.cache.set(`${hotelId}|${month}`, { spent: totalUsd, readAt: this.clock() });
    if (totalUsd >= budgetUsd) await this.alertOnce({ hotelId, month, spentUsd: totalUsd, budgetUsd, plugin });
  }

  private async alertOnce(info: LlmBudgetExceeded): Promise<void> {
    const key = `${info.hotelId}|${info.month}`;
    if (this.alerted.has(key)) return;
    this.alerted.add(key);
    let claimed: boolean;
    try {
      claimed = await this.usage.claimBudgetAlert(info.hotelId, info.month);
    } catch (err) {
      this.alerted.delete(key); // the store failed: the next call tries again
      throw err;
    }
    if (claimed) await this.onExceeded(info);
  }

  private async spent(hotelId: string, month: string): Promise<number> {
    const key = `${hotelId}|${month}`;
    const cached = this.cache.get(key);
    if (cached && this.clock() - cached.readAt < this.cacheMs) return cached.spent;
    const spent = await this.usage.spent(hotelId, month);
    this.cache.set(key, { spent, readAt: this.clock() });
    return spent;
  }
}
