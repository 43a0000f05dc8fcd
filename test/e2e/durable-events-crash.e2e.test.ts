import fs from 'node:fs';
import path from 'node:path';
import { BotProcess, freePort, writeConfig } from '../reliability/bot-process';
import { GraphSink } from '../reliability/graph-sink';
import { guestNumber, runLoad } from '../reliability/load';
import { until } from '../fakes/until';

// The bot runs as operators run it (`hotello start`, a separate process on the test MongoDB)
// and is killed with SIGKILL between a turn's commit and the delivery of its events. After a
// restart every event reaches the listener, and the idempotent listener acts once per event.

const mongoBase = () => process.env.MONGODB_URI!.replace(/\/[^/]*$/, '');

interface Probe {
  readonly dir: string;
  readonly config: string;
  /** `<event id> <guest> <text>` per effect, in the order the listener acted. */
  effects(): string[][];
  /** `<event id> <attempt> <text>` per arrival. */
  attempts(): string[][];
}

function probe(name: string): Probe {
  const config = writeConfig({
    mongoUri: `${mongoBase()}/events_crash_${name}_${Date.now()}`,
    plugin: path.join(__dirname, 'fixtures', 'event-probe.js'),
    extra: 'events: { leaseMs: 1500, retryDelayMs: 100, maxRetryDelayMs: 1000 }',
  });
  const dir = path.dirname(config);
  const lines = (file: string) =>
    fs.existsSync(path.join(dir, file))
      ? fs
          .readFileSync(path.join(dir, file), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split(' '))
      : [];
  return { dir, config, effects: () => lines('effects.log'), attempts: () => lines('attempts.log') };
}

describe('durable events survive SIGKILL', () => {
  const cleanup: (() => Promise<void>)[] = [];
  const savedEnv = { ...process.env };
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn().catch(() => undefined);
    process.env = { ...savedEnv };
  });

  async function startBot(p: Probe, sink: GraphSink, env: Record<string, string>): Promise<BotProcess> {
    // The bot process inherits the test's environment.
    Object.assign(process.env, { PROBE_DIR: p.dir, ...env });
    const bot = new BotProcess(p.config, await freePort(), sink.url);
    await bot.start();
    cleanup.push(() => bot.kill('SIGKILL'));
    return bot;
  }

  it('redelivers an event whose delivery was cut by SIGKILL, and the listener acts once', async () => {
    const sink = await new GraphSink().start();
    cleanup.push(() => sink.close());
    const p = probe('mid_delivery');
    const bot = await startBot(p, sink, { PROBE_KILL_ON_FIRST_DELIVERY: '1' });
    await runLoad({ guests: 1, perGuest: 1, concurrency: 1, targets: () => [bot.url], deliveries: () => 1 });
    await bot.exited();
    expect(fs.existsSync(path.join(p.dir, 'killed'))).toBe(true);
    expect(p.effects()).toEqual([]);

    const again = await startBot(p, sink, { PROBE_KILL_ON_FIRST_DELIVERY: '0' });
    await until(() => p.effects().length === 1, 30_000);
    const [[eventId, guest, text]] = p.effects() as [[string, string, string]];
    expect([guest, text]).toEqual([guestNumber(0), 'g0-m1']);
    expect(
      p
        .attempts()
        .filter(([id]) => id === eventId)
        .map(([, attempt]) => attempt),
    ).toEqual(['1', '2']);
    await again.kill('SIGTERM');
  }, 120_000);

  it('delivers every event of turns committed before SIGKILL after the restart, once each and in order per guest', async () => {
    const sink = await new GraphSink().start();
    cleanup.push(() => sink.close());
    const p = probe('after_commit');
    const GUESTS = 3;
    const PER_GUEST = 8;
    let bot = await startBot(p, sink, { PROBE_LISTENER_MS: '150' });
    const load = runLoad({ guests: GUESTS, perGuest: PER_GUEST, concurrency: GUESTS, targets: () => [bot.url], deliveries: () => 1 });

    // A reply reaches the provider only after its turn committed; the slow listener lags behind.
    await until(() => sink.delivered.length >= 8, 60_000);
    const committed = sink.delivered.length;
    const delivered = p.effects().length;
    await bot.kill('SIGKILL');
    expect(committed).toBeGreaterThan(delivered);

    bot = await startBot(p, sink, { PROBE_LISTENER_MS: '0' });
    await load;
    await until(() => p.effects().length >= GUESTS * PER_GUEST, 60_000);
    const effects = p.effects();
    expect(effects).toHaveLength(GUESTS * PER_GUEST);
    expect(new Set(effects.map(([id]) => id)).size).toBe(GUESTS * PER_GUEST);
    for (let g = 0; g < GUESTS; g++) {
      const texts = effects.filter(([, guest]) => guest === guestNumber(g)).map(([, , text]) => text);
      expect(texts).toEqual(Array.from({ length: PER_GUEST }, (_, m) => `g${g}-m${m + 1}`));
    }
    await bot.kill('SIGTERM');
  }, 180_000);
});
