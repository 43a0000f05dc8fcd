/**
 * Knobs of a fuzz run, from the environment so CI and a developer replaying a failure use the
 * same suite: `FUZZ_SEED=<seed> npx jest test/fuzz/<provider>` reruns exactly the cases of a
 * failed run (the seed is printed at the start of every suite).
 */
export interface FuzzSettings {
  /** fast-check seed; random unless FUZZ_SEED is set. */
  readonly seed: number;
  /** Generated cases per provider (FUZZ_RUNS, default 1000). */
  readonly numRuns: number;
  /** An answer slower than this fails the case (FUZZ_BUDGET_MS, default 100). */
  readonly budgetMs: number;
  /**
   * Extra budget per MB of body (FUZZ_BUDGET_MS_PER_MB, default 60): reading and parsing a
   * multi-megabyte body (Meta batches up to 3 MB) costs core's body parser 40–60 ms per 2.4 MB on a
   * quiet 2-core box, several times that when the cores are shared, before any adapter code runs.
   */
  readonly budgetMsPerMb: number;
  /** A request still unanswered after this is a hang: the bot is restarted (FUZZ_HANG_MS, default 1500). */
  readonly hangMs: number;
  /** Most log lines one webhook may cause, turns and replies included (FUZZ_MAX_LOG_LINES, default 5). */
  readonly maxLogLines: number;
  /** Valid fixture deliveries sent first, unmeasured, so JIT and lazy loading do not count (FUZZ_WARMUP, default 30). */
  readonly warmup: number;
  /** Stop generating (and fail) after this long, shrinking included (FUZZ_TIME_LIMIT_MS, default 150000). */
  readonly timeLimitMs: number;
  /** fast-check's replay path of a failure (FUZZ_PATH), with FUZZ_SEED: runs only that shrunk case. */
  readonly path?: string;
  /** FUZZ_SURVEY=1: run every case, then list each distinct failure once (with its smallest body) instead of stopping at the first. */
  readonly survey: boolean;
}

function intFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

export function fuzzSettings(): FuzzSettings {
  return {
    // fast-check seeds are 32-bit integers.
    seed: intFrom('FUZZ_SEED', Math.floor(Math.random() * 0x7fffffff)),
    numRuns: intFrom('FUZZ_RUNS', 1_000),
    budgetMs: intFrom('FUZZ_BUDGET_MS', 100),
    budgetMsPerMb: intFrom('FUZZ_BUDGET_MS_PER_MB', 60),
    hangMs: intFrom('FUZZ_HANG_MS', 1_500),
    maxLogLines: intFrom('FUZZ_MAX_LOG_LINES', 5),
    warmup: intFrom('FUZZ_WARMUP', 30),
    timeLimitMs: intFrom('FUZZ_TIME_LIMIT_MS', 150_000),
    path: process.env.FUZZ_PATH || undefined,
    survey: process.env.FUZZ_SURVEY === '1',
  };
}
