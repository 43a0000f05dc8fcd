import { randomUUID } from 'node:crypto';
import { createBot, createLogger, definePlugin, type Clock, type JobOptions, type JobRun, type Kernel, type Logger } from '@hotello/core';
import { FakeClock } from '@hotello/core/testing';
import { until } from '../../../test/fakes/until';
import { dropDatabase, mongoUri, uniqueDatabaseName } from '../store/mongo-test-db';

/** One run as a handler saw it, and where and when (by the bot's clock) it ran. */
export interface RecordedRun {
  readonly job: string;
  readonly instance: string;
  readonly hotelId: string;
  readonly key: string;
  readonly data: unknown;
  readonly scheduledFor: Date;
  readonly attempt: number;
  readonly ranAt: Date;
}

/** What a test's job does beyond being recorded: throw to fail the attempt, wait to hold it. */
export type Behaviour = (run: JobRun) => Promise<void> | void;

export const PLUGIN = 'recorder';
export const HOTELS = [
  { id: 'seaside', name: 'Seaside', timezone: 'Europe/Lisbon' },
  { id: 'savanna', name: 'Savanna Lodge', timezone: 'Africa/Nairobi' },
];

/**
 * A plugin whose jobs `ping`, `flaky` (3 attempts, 200 ms backoff), `once-only` (1 attempt) and
 * `hold` record every run into a shared array (several bots in one process), then do what the
 * test's behaviour says.
 */
export function recorderPlugin(instance: string, runs: RecordedRun[], behaviour: { current?: Behaviour }, clock: Clock) {
  const jobs: [string, JobOptions][] = [
    ['ping', {}],
    ['flaky', { attempts: 3, backoffMs: 200 }],
    ['once-only', { attempts: 1 }],
    ['hold', { attempts: 1 }],
  ];
  return definePlugin({
    name: PLUGIN,
    register(ctx) {
      for (const [name, options] of jobs)
        ctx.jobs.define(
          name,
          async (run) => {
            runs.push({ job: name, instance, ...pick(run), ranAt: clock.now() });
            await behaviour.current?.(run);
          },
          options,
        );
    },
  });
}

function pick(run: JobRun) {
  return { hotelId: run.hotelId, key: run.key, data: run.data, scheduledFor: run.scheduledFor, attempt: run.attempt };
}

/** Where the bots of one test keep their schedules: a fresh memory store, database or Redis prefix. */
export interface JobEnvironment {
  /** Fake time (the store backend; moved by `elapse`), or the real clock (BullMQ: Redis keeps time). */
  readonly fakeTime: boolean;
  /** Whether bots of this environment share schedules (restarts and several instances); a memory store does not. */
  readonly shared: boolean;
  readonly clock: Clock;
  readonly runs: RecordedRun[];
  readonly behaviour: { current?: Behaviour };
  startBot(options?: {
    instance?: string;
    hotels?: unknown[];
    logger?: Logger;
    clock?: Clock;
    config?: Record<string, unknown>;
  }): Promise<Kernel>;
  /**
   * Lets `ms` of schedule time pass. With fake time the clock moves and whatever fell due has run
   * when this resolves; with real time it waits until `done` holds (so `done` must be what the
   * test expects after `ms`).
   */
  elapse(ms: number, done: () => boolean): Promise<void>;
  cleanup(): Promise<void>;
}

export interface JobHarness {
  readonly name: string;
  /** Whether bots of one environment share schedules (restarts and several instances). */
  readonly shared: boolean;
  create(): Promise<JobEnvironment>;
}

const silent = createLogger({ level: process.env.HOTELLO_TEST_LOG ?? 'silent' });

function environment(
  fakeTime: boolean,
  shared: boolean,
  config: () => Record<string, unknown>,
  cleanup: () => Promise<void>,
): JobEnvironment {
  const clock: Clock = fakeTime ? new FakeClock('2030-01-01T06:00:00.000Z') : { now: () => new Date() };
  const runs: RecordedRun[] = [];
  const behaviour: { current?: Behaviour } = {};
  const bots: Kernel[] = [];
  let count = 0;
  return {
    fakeTime,
    shared,
    clock,
    runs,
    behaviour,
    async startBot(options = {}) {
      const instance = options.instance ?? `i${count++}`;
      const botClock = options.clock ?? clock;
      const kernel = createBot({
        config: { ...config(), ...options.config, hotels: options.hotels ?? HOTELS },
        extraPlugins: [recorderPlugin(instance, runs, behaviour, botClock)],
        logger: options.logger ?? silent,
        clock: botClock,
      });
      await kernel.start();
      bots.push(kernel);
      return kernel;
    },
    async elapse(ms, done) {
      if (clock instanceof FakeClock) await clock.advance(ms);
      else await until(done, 20_000);
    },
    async cleanup() {
      behaviour.current = undefined;
      await Promise.all(bots.map((b) => b.stop()));
      await cleanup();
    },
  };
}

/** Jobs in the memory store, fake time. */
export const memoryStore: JobHarness = {
  name: 'store backend on the memory store',
  shared: false,
  create: async () =>
    environment(
      true,
      false,
      () => ({ store: { type: 'memory' } }),
      async () => undefined,
    ),
};

/** Jobs in FerretDB (the MongoDB the tests use), fake time; bots share the database. */
export const mongoStore: JobHarness = {
  name: 'store backend on MongoDB (FerretDB)',
  shared: true,
  async create() {
    const database = uniqueDatabaseName('jobs');
    const uri = `${mongoUri().replace(/\/[^/]*$/, '')}/${database}`;
    return environment(
      true,
      true,
      () => ({ store: { type: 'mongodb', uri } }),
      () => dropDatabase(mongoUri(), database),
    );
  },
};

/** Jobs on Redis through BullMQ, real time; bots share one key prefix and one database, as instances in production do. */
export const bullmq: JobHarness = {
  name: 'BullMQ on Redis',
  shared: true,
  async create() {
    const keyPrefix = `hotello-jobs-${randomUUID().slice(0, 8)}:`;
    const database = uniqueDatabaseName('jobs_redis');
    const uri = `${mongoUri().replace(/\/[^/]*$/, '')}/${database}`;
    return environment(
      false,
      true,
      () => ({ store: { type: 'mongodb', uri }, redis: { url: redisUrl(), keyPrefix } }),
      async () => {
        await dropKeys(keyPrefix);
        await dropDatabase(mongoUri(), database);
      },
    );
  },
};

export function redisUrl(): string {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('REDIS_URL is not set: run the jobs tests through jest (its global setup starts Redis)');
  return url;
}

async function dropKeys(prefix: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisUrl());
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
