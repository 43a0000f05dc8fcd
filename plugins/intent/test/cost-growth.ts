/**
 * How much more a piece of work costs on a large input than on a small one, measured so that a
 * noisy, shared 2-core machine does not decide the outcome: no wall-clock threshold, only the
 * ratio of two timings taken back to back, several times, and its median. For inputs 8× apart a
 * linear algorithm gives about 8, a quadratic one about 64; constant overhead only lowers it.
 */
export async function costGrowth(
  work: (input: string) => unknown,
  small: string,
  large: string,
  { rounds = 7, minMs = 20 }: { rounds?: number; minMs?: number } = {},
): Promise<number> {
  // Warm up (JIT, regex compilation, caches) and find how many calls of the small input take
  // long enough for the timer to resolve; the large input is timed with as many calls.
  await work(small);
  await work(large);
  let calls = 1;
  while ((await time(work, small, calls)) < minMs && calls < 1 << 16) calls *= 2;
  const ratios: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const a = await time(work, small, calls);
    const b = await time(work, large, calls);
    ratios.push(b / Math.max(a, 1e-3));
  }
  ratios.sort((x, y) => x - y);
  return ratios[Math.floor(rounds / 2)]!;
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
