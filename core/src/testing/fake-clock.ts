import type { ControlledClock } from '../kernel/clock';

/**
 * A clock for tests: time stands still until `advance(ms)` or `set(date)`, which resolve once
 * whatever fell due ran — the store-backed jobs scheduler runs every run due by then (and the
 * retries those runs scheduled, if they fall due too). Pass it as `createTestBot({ clock })` or
 * `createBot({ clock })`; several bots may share one.
 */
export class FakeClock implements ControlledClock {
  private current: number;
  private readonly listeners = new Set<() => Promise<void> | void>();

  constructor(start: Date | string = '2030-01-01T00:00:00.000Z') {
    this.current = toMillis(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves time forward by `ms` and waits for the work that fell due. */
  advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`FakeClock.advance: expected a duration ≥ 0 in ms, got ${ms}`);
    return this.moveTo(this.current + ms);
  }

  /** Moves time to `date` (never backwards: a clock that runs back would re-run nothing and confuse everything). */
  set(date: Date | string): Promise<void> {
    const target = toMillis(date);
    if (target < this.current)
      throw new RangeError(`FakeClock.set: ${new Date(target).toISOString()} is before now (${new Date(this.current).toISOString()})`);
    return this.moveTo(target);
  }

  onAdvance(listener: () => Promise<void> | void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async moveTo(target: number): Promise<void> {
    this.current = target;
    await Promise.all([...this.listeners].map((listener) => listener()));
  }
}

function toMillis(date: Date | string): number {
  const ms = new Date(date).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`FakeClock: invalid date ${String(date)}`);
  return ms;
}
