/**
 * Counts work in progress (requests, turns) so a graceful shutdown can wait for it to finish,
 * up to a bound, before connections close.
 */
export class Inflight {
  private active = 0;
  private waiters: (() => void)[] = [];

  get count(): number {
    return this.active;
  }

  /** Runs `work` counted as in flight. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      if (this.active === 0) this.waiters.splice(0).forEach((w) => w());
    }
  }

  /** Resolves true when nothing is in flight, or false when `timeoutMs` passed first. */
  async drained(timeoutMs: number): Promise<boolean> {
    if (this.active === 0) return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiters.push(done);
    });
  }
}
