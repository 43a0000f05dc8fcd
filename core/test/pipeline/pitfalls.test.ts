import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { OutboundMessage } from '@hotello/core';
import { RedisLock } from '../../src/pipeline/scheduler/redis-lock';
import { startCluster, until, type Cluster, type TurnTrace } from './multi-instance.fixture';

const texts = (sent: OutboundMessage[], guest: string) =>
  sent.filter((m) => m.to === guest).map((m) => (m.content as { text: string }).text);

function overlaps(traces: TurnTrace[]): number {
  const sorted = [...traces].sort((a, b) => a.start - b.start);
  let count = 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.start < sorted[i - 1]!.end) count++;
  return count;
}

describe('pipeline pitfalls, designed out', () => {
  let cluster: Cluster | undefined;
  afterEach(async () => {
    await cluster?.stop();
    cluster = undefined;
  });

  it('a lock is extended while its holder works, so it never lapses under a slow turn', async () => {
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      const lock = new RedisLock(redis, 300);
      const key = `hotello-test:lock:${randomUUID()}`;
      const held = await lock.acquire(key);
      expect(held).toBeDefined();
      const stolen: boolean[] = [];
      for (let i = 0; i < 10; i++) {
        await new Promise((r) => setTimeout(r, 120));
        stolen.push((await lock.acquire(key)) !== undefined);
      }
      expect(stolen.every((s) => !s)).toBe(true);
      expect(held!.held).toBe(true);
      await held!.release();
      const again = await lock.acquire(key);
      expect(again).toBeDefined();
      await again!.release();
    } finally {
      redis.disconnect();
    }
  });

  it('turns of one guest never overlap across instances, even when slower than the lock TTL', async () => {
    const sent: OutboundMessage[] = [];
    const traces: TurnTrace[] = [];
    cluster = await startCluster({
      count: 2,
      database: `pitfall_overlap_${Date.now()}`,
      sent,
      traces,
      lockTtlMs: 300,
      behaviour: () => new Promise((r) => setTimeout(r, 700)),
    });
    const guest = '+254733000001';
    for (let i = 1; i <= 4; i++) await cluster.say(i % 2, guest, `m${i}`);
    await until(() => sent.length === 4, 30_000);
    expect(overlaps(traces)).toBe(0);
    expect(traces.map((t) => t.text)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(texts(sent, guest)).toEqual(['ack m1', 'ack m2', 'ack m3', 'ack m4']);
  }, 40_000);

  it('a message arriving while another instance holds the conversation is not stranded', async () => {
    const sent: OutboundMessage[] = [];
    const traces: TurnTrace[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    cluster = await startCluster({
      count: 2,
      database: `pitfall_strand_${Date.now()}`,
      sent,
      traces,
      // A sweep every minute: the rescue must come from the lock holder's re-check, not from a sweep.
      sweepIntervalMs: 60_000,
      behaviour: (text) => (text === 'first' ? gate : Promise.resolve()),
    });
    const guest = '+254733000002';
    await cluster.say(0, guest, 'first');
    await new Promise((r) => setTimeout(r, 300));
    await cluster.say(1, guest, 'second');
    await new Promise((r) => setTimeout(r, 300));
    release();
    await until(() => sent.length === 2, 10_000);
    expect(texts(sent, guest)).toEqual(['ack first', 'ack second']);
  }, 30_000);

  it('a message is marked done only after its turn succeeded: a failed attempt is retried, not lost', async () => {
    const sent: OutboundMessage[] = [];
    const traces: TurnTrace[] = [];
    let failures = 0;
    cluster = await startCluster({
      count: 1,
      database: `pitfall_retry_${Date.now()}`,
      sent,
      traces,
      sweepIntervalMs: 500,
      behaviour: async () => {
        if (failures++ === 0) {
          const { StoreUnavailableError } = await import('@hotello/core');
          throw new StoreUnavailableError('database went away mid-turn');
        }
      },
    });
    const guest = '+254733000003';
    await cluster.say(0, guest, 'hello');
    await until(() => sent.length === 1, 15_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(texts(sent, guest)).toEqual(['ack hello']);
    const history = await cluster.instances[0]!.store.history({ hotelId: 'seaside', channelId: 'recording', guest });
    expect(history.filter((m) => m.direction === 'in').map((m) => m.status)).toEqual(['handled']);
  }, 30_000);

  it('a provider retry of an accepted message is acknowledged and dropped, on any instance', async () => {
    const sent: OutboundMessage[] = [];
    const traces: TurnTrace[] = [];
    cluster = await startCluster({ count: 2, database: `pitfall_dup_${Date.now()}`, sent, traces });
    const guest = '+254733000004';
    await Promise.all([
      cluster.say(0, guest, 'once', 'wamid.same'),
      cluster.say(1, guest, 'once', 'wamid.same'),
      cluster.say(0, guest, 'once', 'wamid.same'),
    ]);
    await until(() => sent.length >= 1, 10_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(texts(sent, guest)).toEqual(['ack once']);
  }, 30_000);
});
