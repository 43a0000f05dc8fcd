/**
 * How much more a piece of work costs on a large input than on a small one, measured so that a
 * noisy, shared 2-core machine does not decide the outcome: no wall-clock threshold, only the
 * ratio of the cost per call on each input. Each input is timed over as many calls as fill a
 * window of about `minMs` (so both windows are equally exposed to other processes), several
 * times, alternating; the ratio is of the fastest window of each. Other processes, garbage
 * collection and timer jitter only ever add time, so the fastest window is the closest to the
 * work's own cost, where a median still moves with a busy machine. For inputs 8× apart a linear
 * algorithm gives about 8, a quadratic one about 64; fixed overhead only lowers it.
 */
export async function costGrowth(
  work: (input: string) => unknown,
  small: string,
  large: string,
  { rounds = 7, minMs = 25 }: { rounds?: number; minMs?: number } = {},
): Promise<number> {
  // Warm up first: JIT, regex compilation and tier-up, caches.
  await work(small);
  await work(large);
  const smallCalls = await callsFor(work, small, minMs);
  const largeCalls = await callsFor(work, large, minMs);
  let fastestSmall = Infinity;
  let fastestLarge = Infinity;
  for (let i = 0; i < rounds; i++) {
    fastestSmall = Math.min(fastestSmall, (await time(work, small, smallCalls)) / smallCalls);
    fastestLarge = Math.min(fastestLarge, (await time(work, large, largeCalls)) / largeCalls);
  }
  return fastestLarge / Math.max(fastestSmall, 1e-6);
}

/** How many calls on `input` take at least `minMs`. */
async function callsFor(work: (input: string) => unknown, input: string, minMs: number): Promise<number> {
  let calls = 1;
  while ((await time(work, input, calls)) < minMs && calls < 1 << 16) calls *= 2;
  return calls;
}

async function time(work: (input: string) => unknown, input: string, calls: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < calls; i++) await work(input);
  return performance.now() - started;
}

/** `unit` repeated to exactly `length` characters. */
export function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/**
 * {@link costGrowth}, measured again (up to `attempts` times) while it is not below `limit`; the
 * lowest. A linear algorithm on a machine that was busy for one measurement passes on the next,
 * a quadratic one stays far above the limit every time.
 */
export async function lowestGrowth(
  work: (input: string) => unknown,
  small: string,
  large: string,
  limit: number,
  { attempts = 3, ...options }: { attempts?: number; rounds?: number; minMs?: number } = {},
): Promise<number> {
  let lowest = Infinity;
  for (let i = 0; i < attempts && lowest >= limit; i++) lowest = Math.min(lowest, await costGrowth(work, small, large, options));
  return lowest;
}
