import { z } from 'zod';

/** `jobs` in the config: how the store backend looks for runs, and how many run at once per instance. */
export const jobsConfigSchema = z
  .object({
    /** Store backend: the longest wait between two looks for due runs (a timer wakes it at the next run anyway). */
    pollIntervalMs: z.number().int().positive().default(5_000),
    /** Store backend: how long a taken run is held before another instance may take it; renewed while it runs. */
    leaseMs: z.number().int().min(100).default(30_000),
    /** Runs one instance handles at the same time (both backends). */
    concurrency: z.number().int().positive().default(4),
  })
  .strict();

export type JobsConfig = z.infer<typeof jobsConfigSchema>;
