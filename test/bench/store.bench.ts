/**
 * Conversation store benchmark: `npm run bench -- store [--quick]` (or `BENCH_QUICK=1`).
 *
 * 1. Turns per second for a turn's store work — load (upsert) + save (version-guarded update) —
 *    through MongoConversationStore, and the same two operations written against the raw
 *    `mongodb` driver, interleaved in the same run on the same server; printed as a ratio.
 *    Round trips per turn are counted from the driver's command monitoring.
 * 2. Load latency (p50/p95/p99) with 100k conversations in the collection (10k with --quick).
 *
 * Uses the shared test services (or MONGODB_URI); `--dedicated` starts a private FerretDB instead, so other
 * test runs sharing the server cannot disturb the figures. Prints figures, asserts nothing.
 */
import mongoose from 'mongoose';
import { performance } from 'node:perf_hooks';
import { createLogger } from '../../core/src/logging/logger';
import type { ConversationKey } from '../../core/src/store/conversation';
import { freshConversationFields, expiryFrom } from '../../core/src/store/conversation-document';
import { MongoConversationStore } from '../../core/src/store/mongo/mongo-store';
import { CONVERSATION_INDEXES } from '../../core/src/store/mongo/schemas';
import { ensureSharedServices, startMongo } from '../services';

export interface StoreBenchOptions {
  quick: boolean;
  /** A private server instead of the shared one. */
  dedicated?: boolean;
  log?: (line: string) => void;
}

export interface TurnFigures {
  turnsPerSecond: number;
  p50Ms: number;
  roundTripsPerTurn: number;
  /** This process's CPU time per turn: the client-side cost, independent of the server's speed. */
  clientCpuUsPerTurn: number;
}

export interface StoreBenchResult {
  server: string;
  sequential: { raw: TurnFigures; store: TurnFigures; ratio: number };
  concurrent: { workers: number; raw: TurnFigures; store: TurnFigures; ratio: number };
  population: { conversations: number; samples: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number };
}

const TTL_DAYS = 30;
const HOTELS = 20;

function keyOf(i: number): ConversationKey {
  return { hotelId: `hotel-${i % HOTELS}`, channelId: 'cloud-api', guest: `+2547${String(i).padStart(8, '0')}` };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One turn's store work, as each contender does it. */
type Turn = (key: ConversationKey, n: number) => Promise<void>;

/** What the store does in a turn, written directly against the driver: the baseline. */
function rawTurn(collection: mongoose.mongo.Collection): Turn {
  return async (key, n) => {
    const now = new Date();
    const doc = await collection.findOneAndUpdate(
      key,
      { $setOnInsert: { ...freshConversationFields(now, TTL_DAYS), version: 0 } },
      { upsert: true, returnDocument: 'after' },
    );
    if (!doc) throw new Error('upsert returned nothing');
    const saved = await collection.findOneAndUpdate(
      { _id: doc._id, hotelId: key.hotelId, version: doc.version },
      { $set: { 'slots.turn': n, lastInboundAt: now, updatedAt: now, expiresAt: expiryFrom(now, TTL_DAYS) }, $inc: { version: 1 } },
      { returnDocument: 'after' },
    );
    if (!saved) throw new Error('raw save lost a race it cannot have');
  };
}

function storeTurn(store: MongoConversationStore): Turn {
  return async (key, n) => {
    const conversation = await store.load(key);
    await store.save(conversation, { slots: { turn: n }, lastInboundAt: new Date() });
  };
}

/** Runs `turns` turns spread over `workers` concurrent loops, each on its own conversations. */
async function runTurns(turn: Turn, keys: ConversationKey[], turns: number, workers: number, latencies: number[]): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (;;) {
        const n = next++;
        if (n >= turns) return;
        // Worker w only touches keys ≡ w (mod workers): no two loops race on one conversation.
        const key = keys[(w + workers * (n % Math.floor(keys.length / workers))) % keys.length]!;
        const t = performance.now();
        await turn(key, n);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return performance.now() - started;
}

function commandCounter(client: mongoose.mongo.MongoClient): { count(): number; reset(): void } {
  let commands = 0;
  client.on('commandStarted', () => {
    commands += 1;
  });
  return {
    count: () => commands,
    reset: () => {
      commands = 0;
    },
  };
}

async function compareTurns(
  contenders: { raw: Turn; store: Turn },
  counters: { raw: ReturnType<typeof commandCounter>; store: ReturnType<typeof commandCounter> },
  keys: ConversationKey[],
  turns: number,
  workers: number,
): Promise<{ raw: TurnFigures; store: TurnFigures; ratio: number }> {
  const rounds = 10;
  const perRound = Math.ceil(turns / rounds);
  const totals = {
    raw: { ms: 0, turns: 0, commands: 0, cpuUs: 0, latencies: [] as number[] },
    store: { ms: 0, turns: 0, commands: 0, cpuUs: 0, latencies: [] as number[] },
  };
  // Warm both paths (connections, JIT, server caches) before measuring.
  await runTurns(contenders.raw, keys, Math.min(200, turns), workers, []);
  await runTurns(contenders.store, keys, Math.min(200, turns), workers, []);
  for (let round = 0; round < rounds; round++) {
    // Alternate who goes first so drift on a busy machine hurts both equally.
    const order: ('raw' | 'store')[] = round % 2 === 0 ? ['raw', 'store'] : ['store', 'raw'];
    for (const who of order) {
      counters[who].reset();
      const cpu = process.cpuUsage();
      totals[who].ms += await runTurns(contenders[who], keys, perRound, workers, totals[who].latencies);
      const used = process.cpuUsage(cpu);
      totals[who].cpuUs += used.user + used.system;
      totals[who].turns += perRound;
      totals[who].commands += counters[who].count();
    }
  }
  const figures = (t: (typeof totals)['raw']): TurnFigures => ({
    turnsPerSecond: (t.turns / t.ms) * 1000,
    p50Ms: percentile(
      [...t.latencies].sort((a, b) => a - b),
      50,
    ),
    roundTripsPerTurn: t.commands / t.turns,
    clientCpuUsPerTurn: t.cpuUs / t.turns,
  });
  const raw = figures(totals.raw);
  const store = figures(totals.store);
  return { raw, store, ratio: store.turnsPerSecond / raw.turnsPerSecond };
}

async function describeServer(client: mongoose.mongo.MongoClient): Promise<{ label: string; ferretV1: boolean }> {
  const info = await client.db('admin').command({ buildInfo: 1 });
  if (typeof info.ferretdbVersion === 'string') {
    const ferretV1 = !/^v?([2-9]|\d{2,})\./.test(info.ferretdbVersion);
    return { label: `FerretDB ${info.ferretdbVersion} (reports MongoDB ${info.version})`, ferretV1 };
  }
  return { label: `MongoDB ${info.version}`, ferretV1: false };
}

export async function runStoreBench(options: StoreBenchOptions): Promise<StoreBenchResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const turns = options.quick ? 1_200 : 6_000;
  const population = options.quick ? 10_000 : 100_000;
  const sampleTarget = options.quick ? 200 : 1_000;
  const sampleBudgetMs = Number(process.env.BENCH_SAMPLE_BUDGET_MS) || (options.quick ? 60_000 : 180_000);
  const workers = 8;

  const services = options.dedicated
    ? await startMongo().then((m) => ({ mongoUri: m.uri, stop: () => m.stop() }))
    : await ensureSharedServices();
  const logger = createLogger({ level: process.env.BENCH_LOG ?? 'silent' });
  const dbName = `bench_store_${process.pid}`;
  const store = new MongoConversationStore({
    uri: services.mongoUri,
    dbName,
    logger,
    conversationTtlDays: TTL_DAYS,
    monitorCommands: true,
    // Generous: this measures latency, and must not cut the slow tail off.
    operationTimeoutMs: 120_000,
  });
  const rawClient = new mongoose.mongo.MongoClient(services.mongoUri, { monitorCommands: true });
  try {
    await store.open();
    await rawClient.connect();
    const server = await describeServer(rawClient);
    log(`store benchmark — ${server.label}, ${options.dedicated ? 'dedicated' : 'shared'} server, ${options.quick ? 'quick' : 'full'} run`);

    const rawCollection = rawClient.db(dbName).collection('raw_conversations');
    // The baseline gets the store's indexes, so the ratio measures the store's code, not its schema.
    for (const index of CONVERSATION_INDEXES)
      await rawCollection.createIndex(index.fields as Record<string, 1 | -1>, {
        name: index.options.name,
        unique: index.options.unique === true,
      });
    await rawCollection.createIndex({ expiresAt: 1 });
    const contenders = { raw: rawTurn(rawCollection), store: storeTurn(store) };
    const counters = { raw: commandCounter(rawClient), store: commandCounter(store.connection.getClient()) };
    const keys = Array.from({ length: 64 }, (_, i) => keyOf(i));

    const line = (name: string, f: TurnFigures) =>
      `  ${name.padEnd(11)} ${f.turnsPerSecond.toFixed(0).padStart(6)} turns/s   p50 ${f.p50Ms.toFixed(2).padStart(6)} ms   ${f.roundTripsPerTurn.toFixed(2)} round trips/turn   client CPU ${f.clientCpuUsPerTurn.toFixed(0).padStart(4)} µs/turn`;

    log(`\nturns (load + save), one at a time, ${turns} turns over ${keys.length} conversations:`);
    const sequential = await compareTurns(contenders, counters, keys, turns, 1);
    log(line('raw driver', sequential.raw));
    log(line('store', sequential.store));
    log(`  ratio store/raw ${sequential.ratio.toFixed(2)}   (goal ≥ 0.80; round trips goal ≤ 2)`);

    log(`\nturns (load + save), ${workers} concurrent workers on distinct conversations, ${turns} turns:`);
    const concurrent = await compareTurns(contenders, counters, keys, turns, workers);
    log(line('raw driver', concurrent.raw));
    log(line('store', concurrent.store));
    log(`  ratio store/raw ${concurrent.ratio.toFixed(2)}`);

    // Population: documents shaped exactly as the store writes them, inserted in bulk.
    log(`\nload latency with ${population} conversations in the collection:`);
    const conversations = store.connection.getClient().db(dbName).collection('conversations');
    await conversations.deleteMany({});
    const insertStarted = performance.now();
    const now = new Date();
    for (let i = 0; i < population; i += 1_000) {
      const batch = Array.from({ length: Math.min(1_000, population - i) }, (_, j) => ({
        ...keyOf(i + j),
        ...freshConversationFields(now, TTL_DAYS),
        slots: { checkIn: '2030-01-01', nights: (i + j) % 7 },
        version: 1,
      }));
      await conversations.insertMany(batch, { ordered: false });
    }
    log(`  inserted in ${((performance.now() - insertStarted) / 1000).toFixed(1)} s (insertMany, batches of 1000)`);
    if (server.ferretV1) {
      log('  note: FerretDB v1 (SQLite) pushes no filter but a lone _id down to SQLite and uses no secondary index,');
      log('        so every load scans the collection here; on MongoDB it is one lookup in the unique key index.');
    }
    const latencies: number[] = [];
    const sampleStarted = performance.now();
    while (latencies.length < sampleTarget && performance.now() - sampleStarted < sampleBudgetMs) {
      const key = keyOf(Math.floor(Math.random() * population));
      const t = performance.now();
      const loaded = await store.load(key);
      latencies.push(performance.now() - t);
      if (loaded.version !== 1) throw new Error('load did not find the pre-inserted conversation');
    }
    latencies.sort((a, b) => a - b);
    const populationFigures = {
      conversations: population,
      samples: latencies.length,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies[latencies.length - 1] ?? NaN,
    };
    const budgetNote = latencies.length < sampleTarget ? ` (stopped at the ${sampleBudgetMs / 1000} s budget)` : '';
    log(
      `  ${latencies.length} random loads${budgetNote}: p50 ${populationFigures.p50Ms.toFixed(1)} ms   p95 ${populationFigures.p95Ms.toFixed(1)} ms   p99 ${populationFigures.p99Ms.toFixed(1)} ms   max ${populationFigures.maxMs.toFixed(1)} ms`,
    );

    return { server: server.label, sequential, concurrent: { workers, ...concurrent }, population: populationFigures };
  } finally {
    await store.connection.dropDatabase().catch(() => undefined);
    await store.close().catch(() => undefined);
    await rawClient.close().catch(() => undefined);
    await services.stop();
  }
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const quick = argv.includes('--quick') || process.env.BENCH_QUICK === '1';
  await runStoreBench({ quick, dedicated: argv.includes('--dedicated') });
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
