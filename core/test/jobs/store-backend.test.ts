import { ConfigError, createBot, systemClock, type Kernel } from '@hotello/core';
import { FakeClock } from '@hotello/core/testing';
import { captureLogs } from '../../../test/fakes/log-capture';
import { until } from '../../../test/fakes/until';
import { memoryStore, mongoStore, PLUGIN, type JobEnvironment } from './job-fixtures';

/** What only the store backend does: cron on the fake clock, and runs taken over from an instance that died. */
describe('store backend', () => {
  let env: JobEnvironment | undefined;
  afterEach(async () => {
    await env?.cleanup();
    env = undefined;
  });

  async function botAt(start: string): Promise<{ bot: Kernel; clock: FakeClock; env: JobEnvironment }> {
    env = await memoryStore.create();
    const clock = new FakeClock(start);
    const bot = await env.startBot({ clock });
    return { bot, clock, env };
  }

  it('runs a cron job at 10:00 hotel time in Africa/Nairobi (UTC+3), never before', async () => {
    const { bot, clock, env } = await botAt('2030-01-01T06:00:00.000Z');
    const jobs = bot.contextOf(PLUGIN)!.jobs;
    const scheduled = await jobs.repeat('ping', { hotelId: 'savanna', key: 'morning', cron: '0 10 * * *' });
    expect(scheduled.runAt.toISOString()).toBe('2030-01-01T07:00:00.000Z');
    await clock.set('2030-01-01T06:59:59.999Z');
    expect(env.runs).toEqual([]);
    await clock.set('2030-01-01T07:00:00.000Z');
    await clock.advance(24 * 3600_000);
    expect(env.runs.map((r) => [r.hotelId, r.scheduledFor.toISOString(), r.ranAt.toISOString()])).toEqual([
      ['savanna', '2030-01-01T07:00:00.000Z', '2030-01-01T07:00:00.000Z'],
      ['savanna', '2030-01-02T07:00:00.000Z', '2030-01-02T07:00:00.000Z'],
    ]);
  });

  it('keeps 10:00 Lisbon time across both DST changes: 10:00Z in winter, 09:00Z in summer', async () => {
    const { bot, clock, env } = await botAt('2030-03-29T12:00:00.000Z');
    const jobs = bot.contextOf(PLUGIN)!.jobs;
    await jobs.repeat('ping', { hotelId: 'seaside', key: 'spring', cron: '0 10 * * *' });
    // Clocks go forward on Sunday 31 March 2030 at 01:00 UTC.
    for (const at of ['2030-03-30T10:00:00.000Z', '2030-03-31T08:59:59.000Z', '2030-03-31T09:00:00.000Z', '2030-04-01T09:00:00.000Z'])
      await clock.set(at);
    expect(env.runs.map((r) => r.scheduledFor.toISOString())).toEqual([
      '2030-03-30T10:00:00.000Z',
      '2030-03-31T09:00:00.000Z',
      '2030-04-01T09:00:00.000Z',
    ]);
    expect(await jobs.cancel('ping', { hotelId: 'seaside', key: 'spring' })).toBe(true);

    // And back on Sunday 27 October 2030 at 01:00 UTC.
    await clock.set('2030-10-26T00:00:00.000Z');
    await jobs.repeat('ping', { hotelId: 'seaside', key: 'autumn', cron: '0 10 * * *' });
    for (const at of ['2030-10-26T09:00:00.000Z', '2030-10-27T09:59:00.000Z', '2030-10-27T10:00:00.000Z']) await clock.set(at);
    expect(env.runs.filter((r) => r.key === 'autumn').map((r) => r.scheduledFor.toISOString())).toEqual([
      '2030-10-26T09:00:00.000Z',
      '2030-10-27T10:00:00.000Z',
    ]);
  });

  it('runs a slot missed while no bot ran once, then goes on from now (no pile-up)', async () => {
    const { bot, clock, env } = await botAt('2030-01-01T00:00:00.000Z');
    await bot.contextOf(PLUGIN)!.jobs.repeat('ping', { hotelId: 'seaside', key: 'sweep', everyMs: 60_000 });
    await clock.advance(0);
    await clock.advance(10 * 60_000 + 1_000);
    // Ten slots passed; the one due runs once and the next is the first slot after now.
    expect(env.runs.map((r) => [r.scheduledFor.toISOString(), r.ranAt.toISOString()])).toEqual([
      ['2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z'],
      ['2030-01-01T00:01:00.000Z', '2030-01-01T00:10:01.000Z'],
    ]);
    await clock.set('2030-01-01T00:10:59.999Z');
    expect(env.runs).toHaveLength(2);
    await clock.set('2030-01-01T00:11:00.000Z');
    expect(env.runs.map((r) => r.scheduledFor.toISOString())[2]).toBe('2030-01-01T00:11:00.000Z');
  });

  it('wakes itself by timer on the real clock: a delayed run and a repeat run with no clock moved by hand', async () => {
    env = await memoryStore.create();
    const real = env;
    const bot = await real.startBot({ clock: systemClock });
    const jobs = bot.contextOf(PLUGIN)!.jobs;
    const once = await jobs.schedule('ping', { hotelId: 'seaside', key: 'soon', delayMs: 150 });
    await jobs.repeat('ping', { hotelId: 'seaside', key: 'tick', everyMs: 100 });
    await until(() => real.runs.filter((r) => r.key === 'tick').length >= 3 && real.runs.some((r) => r.key === 'soon'));
    const soon = real.runs.filter((r) => r.key === 'soon');
    expect(soon).toHaveLength(1);
    expect(soon[0]!.scheduledFor).toEqual(once.runAt);
    expect(soon[0]!.ranAt.getTime()).toBeGreaterThanOrEqual(once.runAt.getTime());
  });

  it('takes over a run whose instance stopped renewing its lease, and the first taker cannot finish it afterwards', async () => {
    env = await mongoStore.create();
    const shared = env;
    const logs = captureLogs('info');
    const config = { jobs: { leaseMs: 1_000 } };
    const clockA = new FakeClock('2030-01-01T00:00:00.000Z');
    const clockB = new FakeClock('2030-01-01T00:00:00.000Z');
    const a = await shared.startBot({ instance: 'a', clock: clockA, config });
    const b = await shared.startBot({ instance: 'b', clock: clockB, config, logger: logs.logger });
    let release!: () => void;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    // Only the first taker hangs (a process frozen mid-run, as far as the others can tell).
    shared.behaviour.current = () => (shared.runs.length === 1 ? stuck : undefined);
    await a.contextOf(PLUGIN)!.jobs.schedule('hold', { hotelId: 'seaside', key: 'stuck', data: 'x' });
    const aRunning = clockA.advance(0);
    await until(() => shared.runs.length === 1);
    // a's real timer keeps renewing the lease by a's clock, which stands still: to b it lapses once b's passes it.
    await clockB.advance(500);
    expect(shared.runs.map((r) => r.instance)).toEqual(['a']);
    await clockB.advance(600);
    expect(shared.runs.map((r) => [r.instance, r.attempt])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(logs.lines().find((l) => String(l.msg).startsWith('job run taken over'))).toMatchObject({ key: 'stuck', hotelId: 'seaside' });
    release();
    await aRunning;
    // b finished the run (gone); a's late finish matched nothing, and nothing runs again.
    await clockA.advance(5_000);
    await clockB.advance(5_000);
    expect(shared.runs).toHaveLength(2);
    expect(await b.contextOf(PLUGIN)!.jobs.cancel('hold', { hotelId: 'seaside', key: 'stuck' })).toBe(false);
  });

  it('stops gracefully: no new runs, a running one finishes, one that outlasts shutdownTimeoutMs is left to its lease', async () => {
    env = await memoryStore.create();
    const shared = env;
    const logs = captureLogs('info');
    const clock = new FakeClock('2030-01-01T00:00:00.000Z');
    const bot = await shared.startBot({ clock, logger: logs.logger, config: { server: { shutdownTimeoutMs: 300 } } });
    const jobs = bot.contextOf(PLUGIN)!.jobs;
    let finished = false;
    let releaseSlow!: () => void;
    shared.behaviour.current = (run) =>
      run.key === 'quick'
        ? new Promise<void>((resolve) => setTimeout(() => ((finished = true), resolve()), 50))
        : new Promise<void>((resolve) => (releaseSlow = resolve));
    await jobs.schedule('hold', { hotelId: 'seaside', key: 'quick' });
    await jobs.schedule('hold', { hotelId: 'seaside', key: 'slow' });
    await jobs.schedule('ping', { hotelId: 'seaside', key: 'later', delayMs: 1_000 });
    const running = clock.advance(0);
    await until(() => shared.runs.length === 2);
    await bot.stop();
    expect(finished).toBe(true);
    expect(logs.lines().some((l) => String(l.msg).startsWith('jobs still running at shutdown'))).toBe(true);
    await expect(jobs.schedule('ping', { hotelId: 'seaside' })).rejects.toThrow(/stopping/);
    releaseSlow();
    await running;
    await clock.advance(2_000);
    expect(shared.runs.map((r) => r.key).sort()).toEqual(['quick', 'slow']);
  });

  it('refuses jobs options that make no sense, naming the path', () => {
    const build = () => createBot({ config: { jobs: { leaseMs: 5, concurrency: 0 }, hotels: [{ id: 'a', name: 'A' }] } });
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/jobs\.leaseMs[\s\S]*jobs\.concurrency/);
  });
});
