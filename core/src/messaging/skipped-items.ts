import type { Logger } from '../logging/logger';
import { echoValue } from './echo-value';

/** Distinct reasons kept per webhook; any further reason is counted under {@link OTHER_REASON}. */
const MAX_REASONS = 20;
/** Examples kept per webhook: enough to find the culprit, never a copy of the batch. */
const MAX_EXAMPLES = 3;
const OTHER_REASON = 'other reasons';
const REASON_MAX = 120;

/** What a webhook's ignored items come to, as one log record. */
export interface SkippedSummary {
  readonly total: number;
  /** How many of them failed their schema. */
  readonly malformed: number;
  /** How many items were ignored for each reason. */
  readonly reasons: Readonly<Record<string, number>>;
  /** A few ignored items, each described by capped values. */
  readonly examples: readonly Readonly<Record<string, string>>[];
}

/**
 * Collects the items of one webhook that could not be used (malformed, not for a guest, not
 * tracked). A batch is processed item by item so good items are kept; the bad ones are
 * reported together in one log line per webhook — a 4 MB batch of garbage must not become
 * millions of log lines. Reasons should be fixed phrases (the provider's values belong in the
 * example), and both are bounded anyway.
 */
export class SkippedItems {
  private readonly counts = new Map<string, number>();
  private readonly examples: Record<string, string>[] = [];
  private total = 0;
  private malformedTotal = 0;

  /** Records one ignored item; `example` fields are echoed capped. */
  add(reason: string, example: Readonly<Record<string, unknown>> = {}): void {
    this.total += 1;
    let key = reason.length > REASON_MAX ? echoValue(reason, REASON_MAX) : reason;
    if (!this.counts.has(key) && this.counts.size >= MAX_REASONS) key = OTHER_REASON;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.examples.length < MAX_EXAMPLES) {
      const described: Record<string, string> = { reason: key };
      for (const [field, value] of Object.entries(example)) if (value !== undefined) described[field] = echoValue(value);
      this.examples.push(described);
    }
  }

  /** Records an item that failed its schema: unlike routine skips (echoes, untracked statuses) it deserves a warning. */
  addMalformed(reason: string, example: Readonly<Record<string, unknown>> = {}): void {
    this.malformedTotal += 1;
    this.add(reason, example);
  }

  /** How many of the ignored items were malformed. */
  get malformed(): number {
    return this.malformedTotal;
  }

  /** How many items were ignored so far. */
  get count(): number {
    return this.total;
  }

  summary(): SkippedSummary | undefined {
    if (this.total === 0) return undefined;
    return { total: this.total, malformed: this.malformedTotal, reasons: Object.fromEntries(this.counts), examples: [...this.examples] };
  }

  /**
   * Logs the summary as one line, when anything was ignored: at `level`, or as a warning when
   * something was malformed (a provider sending what its documentation does not describe).
   */
  log(logger: Logger, message = 'webhook items ignored', level: 'debug' | 'info' | 'warn' = 'info'): void {
    const summary = this.summary();
    if (summary) logger[summary.malformed > 0 ? 'warn' : level]({ ignored: summary }, message);
  }
}
