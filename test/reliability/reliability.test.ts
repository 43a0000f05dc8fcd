import { BotProcess, freePort, writeConfig } from './bot-process';
import { GraphSink } from './graph-sink';
import { guestNumber, report, runLoad, verdict, waitForReplies } from './load';

// Four scenarios from the pipeline's guarantees: nothing lost, nothing doubled, in order.
// Bots run as separate processes (`hotello start`) against the test MongoDB and Redis, and
// answer through the real Cloud API adapter into a local Graph API sink.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../services') as typeof import('../services');

// FerretDB v1/SQLite filters without indexes (a pending-work query takes 320 ms at 2,000
// messages), so the load suite runs on the in-memory mongo-java-server engine; set
// RELIABILITY_MONGODB_URI to run it against a real MongoDB instead.
let mongoUri = process.env.RELIABILITY_MONGODB_URI ?? '';
let javaMongo: { stop(): Promise<void> } | undefined;
beforeAll(async () => {
  if (mongoUri) return;
  const handle = await services.startMongo({ engine: 'java' });
  javaMongo = handle;
  mongoUri = handle.uri;
}, 300_000);
afterAll(() => javaMongo?.stop());

const mongoBase = () => mongoUri.replace(/\/[^/]*$/, '').replace(/\/$/, '');
const GUESTS = 200;
const PER_GUEST = 10;

describe('reliability', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn().catch(() => undefined);
  });

  async function startBots(count: number, sink: GraphSink, name: string, redis: boolean): Promise<BotProcess[]> {
    const config = writeConfig({
      mongoUri: `${mongoBase()}/reliability_${name}_${Date.now()}`,
      redisUrl: redis ? process.env.REDIS_URL : undefined,
    });
    const bots: BotProcess[] = [];
    for (let i = 0; i < count; i++) {
      const bot = new BotProcess(config, await freePort(), sink.url);
      await bot.start();
      cleanup.push(() => bot.kill('SIGTERM'));
      bots.push(bot);
    }
    return bots;
  }

  it('1. duplicate delivery: every message handled once, every reply sent once', async () => {
    const sink = await new GraphSink().start();
    cleanup.push(() => sink.close());
    const [bot] = await startBots(1, sink, 'duplicates', false);
    const acknowledged = await runLoad({
      guests: GUESTS,
      perGuest: PER_GUEST,
      concurrency: 40,
      targets: () => [bot!.url],
      deliveries: (g, m) => 1 + ((g * 7 + m * 3) % 3),
    });
    await waitForReplies(acknowledged, sink.delivered, 300_000);
    const v = verdict({ guests: GUESTS, perGuest: PER_GUEST }, sink.delivered);
    report('duplicate delivery', v);
    expect(v).toEqual({ sent: 2000, lost: 0, duplicated: 0, out_of_order: 0 });
    expect(sink.delivered.every((d) => d.to.replace(/^\+/, '') === guestNumber(Number(/^ack g(\d+)/.exec(d.text)![1])).slice(1))).toBe(
      true,
    );
  }, 600_000);

  it('2. crash: killed with SIGKILL three times under load, every acknowledged message answered exactly once', async () => {
    // Like Meta, the sink reports each accepted reply back with a status webhook that echoes
    // our outbox id: that is how a reply sent just before a SIGKILL is recognised after restart.
    let statusTarget = '';
    const sink = await new GraphSink({ statusTargets: () => [statusTarget] }).start();
    cleanup.push(() => sink.close());
    const [bot] = await startBots(1, sink, 'crash', false);
    statusTarget = bot!.url;
    const total = GUESTS * PER_GUEST;
    const kills = [0.2, 0.45, 0.7].map((f) => Math.floor(total * f));
    let killing = Promise.resolve();
    const load = runLoad({
      guests: GUESTS,
      perGuest: PER_GUEST,
      concurrency: 40,
      targets: () => [bot!.url],
      deliveries: () => 1,
      onProgress: (n) => {
        if (n === kills[0]) {
          kills.shift();
          killing = killing.then(async () => {
            await bot!.kill('SIGKILL');
            await bot!.start();
          });
        }
      },
    });
    const acknowledged = await load;
    await killing;
    await waitForReplies(acknowledged, sink.delivered, 300_000);
    const v = verdict({ guests: GUESTS, perGuest: PER_GUEST }, sink.delivered);
    report('crash (3 x SIGKILL)', v);
    expect(kills).toEqual([]);
    expect(v).toEqual({ sent: 2000, lost: 0, duplicated: 0, out_of_order: 0 });
  }, 600_000);

  it('3. flaky provider: 20% of sends fail with 500 or 429 + Retry-After, every reply delivered exactly once', async () => {
    const sink = await new GraphSink({ failRate: 0.2 }).start();
    cleanup.push(() => sink.close());
    const [bot] = await startBots(1, sink, 'flaky', false);
    const acknowledged = await runLoad({
      guests: GUESTS,
      perGuest: PER_GUEST,
      concurrency: 40,
      targets: () => [bot!.url],
      deliveries: () => 1,
    });
    await waitForReplies(acknowledged, sink.delivered, 300_000);
    const v = verdict({ guests: GUESTS, perGuest: PER_GUEST }, sink.delivered);
    report('flaky provider (20% 500/429)', v, `${sink.failures} failed calls retried`);
    expect(sink.failures).toBeGreaterThan(200);
    expect(v).toEqual({ sent: 2000, lost: 0, duplicated: 0, out_of_order: 0 });
  }, 600_000);

  it('4. three instances sharing MongoDB and Redis: no duplicate, no loss, per-guest order kept', async () => {
    const sink = await new GraphSink().start();
    cleanup.push(() => sink.close());
    const bots = await startBots(3, sink, 'cluster', true);
    const acknowledged = await runLoad({
      guests: GUESTS,
      perGuest: PER_GUEST,
      concurrency: 40,
      targets: () => bots.map((b) => b.url),
      deliveries: (g, m) => 1 + ((g + m) % 2),
    });
    await waitForReplies(acknowledged, sink.delivered, 300_000);
    const v = verdict({ guests: GUESTS, perGuest: PER_GUEST }, sink.delivered);
    report('three instances', v);
    expect(v).toEqual({ sent: 2000, lost: 0, duplicated: 0, out_of_order: 0 });
  }, 600_000);
});
