import type { IntentLogRepository } from './intent-log';

/** The calendar month of `now` in a time zone, `YYYY-MM`: budgets reset at the hotel's midnight. */
export function monthIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  return `${parts.find((p) => p.type === 'year')?.value}-${parts.find((p) => p.type === 'month')?.value}`;
}

export interface BudgetExceeded {
  readonly hotelId: string;
  readonly month: string;
  readonly spentUsd: number;
  readonly budgetUsd: number;
}

/**
 * Decides whether a hotel may still call the LLM this month. Spend is read from the repository
 * (shared by every instance) and cached briefly, so a busy hotel does not query the store
 * per message; this instance's own calls are added to the cache as they happen. The first time
 * a hotel is found over budget in a month, `onExceeded` runs — once across instances, because
 * the repository hands the alert to a single claimant.
 */
export class LlmBudget {
  private readonly cache = new Map<string, { spent: number; readAt: number }>();

  constructor(
    private readonly log: IntentLogRepository,
    private readonly onExceeded: (info: BudgetExceeded) => Promise<void> | void,
    private readonly cacheMs = 30_000,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  async allows(hotelId: string, month: string, budgetUsd: number): Promise<boolean> {
    const spent = await this.spent(hotelId, month);
    if (spent < budgetUsd) return true;
    if (await this.log.claimBudgetAlert(hotelId, month)) await this.onExceeded({ hotelId, month, spentUsd: spent, budgetUsd });
    return false;
  }

  /** Adds a call this instance just made, so the next check sees it without a query. */
  charge(hotelId: string, month: string, costUsd: number): void {
    const entry = this.cache.get(`${hotelId}|${month}`);
    if (entry) entry.spent += costUsd;
  }

  private async spent(hotelId: string, month: string): Promise<number> {
    const key = `${hotelId}|${month}`;
    const cached = this.cache.get(key);
    if (cached && this.clock() - cached.readAt < this.cacheMs) return cached.spent;
    const spent = await this.log.llmSpend(hotelId, month);
    this.cache.set(key, { spent, readAt: this.clock() });
    return spent;
  }
}
