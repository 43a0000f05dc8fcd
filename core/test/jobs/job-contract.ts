import type { Kernel } from '@hotello/core';
import { captureLogs } from '../../../test/fakes/log-capture';
import { HOTELS, PLUGIN, type JobEnvironment, type JobHarness, type RecordedRun } from './job-fixtures';

const HOTEL = 'seaside';

/** The same promises on every backend: what `ctx.jobs` means does not depend on where schedules live. */
export function describeJobContract(harness: JobHarness): void {
  describe(`jobs contract: ${harness.name}`, () => {
    let env: JobEnvironment;
    let bot: Kernel;
    const jobs = () => bot.contextOf(PLUGIN)!.jobs;
    const runsOf = (job: string, key?: string): RecordedRun[] =>
      env.runs.filter((r) => r.job === job && (key === undefined || r.key === key));
    const now = () => env.clock.now().getTime();
    /**
     * Proof that something did not run by a time, without a timed assertion: a sentinel run due
     * after that time has run, and runs are taken in due order.
     */
    const sentinelAfter = async (ms: number) => {
      const key = `sentinel-${Math.random()}`;
      await jobs().schedule('ping', { hotelId: HOTEL, key, delayMs: ms });
      await env.elapse(ms, () => runsOf('ping', key).length === 1);
      expect(runsOf('ping', key)).toHaveLength(1);
    };

    beforeEach(async () => {
      env = await harness.create();
      bot = await env.startBot();
    });
    afterEach(() => env.cleanup());

    it('runs a job once after its delay, and once at its time, never before', async () => {
      const at = new Date(now() + 500);
      const byTime = await jobs().schedule('ping', { hotelId: HOTEL, key: 'at', at, data: { n: 1 } });
      const byDelay = await jobs().schedule('ping', { hotelId: HOTEL, key: 'delay', delayMs: 300, data: { n: 2 } });
      expect(byTime.runAt).toEqual(at);
      if (env.fakeTime) {
        await env.elapse(299, () => true);
        expect(env.runs).toEqual([]);
      }
      await env.elapse(500, () => runsOf('ping').length === 2);
      expect(runsOf('ping').map((r) => [r.key, r.data, r.attempt])).toEqual([
        ['delay', { n: 2 }, 1],
        ['at', { n: 1 }, 1],
      ]);
      const [delayed, timed] = runsOf('ping');
      expect(timed!.scheduledFor).toEqual(at);
      expect(delayed!.scheduledFor).toEqual(byDelay.runAt);
      for (const run of runsOf('ping')) expect(run.ranAt.getTime()).toBeGreaterThanOrEqual(run.scheduledFor.getTime());
      await sentinelAfter(400);
      expect(runsOf('ping', 'at')).toHaveLength(1);
      expect(runsOf('ping', 'delay')).toHaveLength(1);
    });

    it('keeps one run per key: the same schedule twice is one run, a new time and data replace the pending run', async () => {
      const at = new Date(now() + 300);
      await jobs().schedule('ping', { hotelId: HOTEL, key: 'same', at, data: 'first' });
      await jobs().schedule('ping', { hotelId: HOTEL, key: 'same', at, data: 'first' });
      const later = new Date(now() + 600);
      await jobs().schedule('ping', { hotelId: HOTEL, key: 'moved', at, data: 'old' });
      await jobs().schedule('ping', { hotelId: HOTEL, key: 'moved', at: later, data: 'new' });
      if (env.fakeTime) {
        await env.elapse(300, () => true);
        expect(runsOf('ping').map((r) => r.key)).toEqual(['same']);
      }
      await env.elapse(300, () => runsOf('ping', 'moved').length === 1);
      await sentinelAfter(500);
      expect(runsOf('ping', 'same').map((r) => r.data)).toEqual(['first']);
      expect(runsOf('ping', 'moved').map((r) => [r.data, r.scheduledFor])).toEqual([['new', later]]);
    });

    it('gives an unkeyed schedule its own key, so each call is a run of its own', async () => {
      const a = await jobs().schedule('ping', { hotelId: HOTEL, delayMs: 200 });
      const b = await jobs().schedule('ping', { hotelId: HOTEL, delayMs: 200 });
      expect(a.key).not.toBe(b.key);
      await env.elapse(200, () => runsOf('ping').length === 2);
      expect(
        runsOf('ping')
          .map((r) => r.key)
          .sort(),
      ).toEqual([a.key, b.key].sort());
    });

    it('cancels a pending run by key, once', async () => {
      await jobs().schedule('ping', { hotelId: HOTEL, key: 'doomed', delayMs: 300 });
      expect(await jobs().cancel('ping', { hotelId: HOTEL, key: 'doomed' })).toBe(true);
      expect(await jobs().cancel('ping', { hotelId: HOTEL, key: 'doomed' })).toBe(false);
      await sentinelAfter(500);
      expect(runsOf('ping', 'doomed')).toEqual([]);
    });

    it('repeats every interval from right away, one run per slot however often repeat is called, until cancelled', async () => {
      for (let i = 0; i < 3; i++) await jobs().repeat('ping', { hotelId: HOTEL, key: 'tick', everyMs: 300 });
      const ticks = () => runsOf('ping', 'tick');
      // The first run is due right away: with fake time, let "right away" happen before moving on.
      await env.elapse(0, () => true);
      if (env.fakeTime) for (let i = 0; i < 3; i++) await env.elapse(300, () => true);
      else await env.elapse(900, () => ticks().length >= 3);
      const slots = ticks().map((r) => r.scheduledFor.getTime());
      expect(new Set(slots).size).toBe(slots.length);
      expect(slots.length).toBeGreaterThanOrEqual(3);
      for (let i = 1; i < slots.length; i++) expect((slots[i]! - slots[0]!) % 300).toBe(0);
      expect(await jobs().cancel('ping', { hotelId: HOTEL, key: 'tick' })).toBe(true);
      const atCancel = ticks().length;
      await sentinelAfter(1_000);
      // A run already taken when the repeat was cancelled finishes; none starts after it.
      expect(ticks().length).toBeLessThanOrEqual(atCancel + (env.fakeTime ? 0 : 1));
    });

    it('retries a throwing job with backoff, then records it failed with a log line', async () => {
      const logs = captureLogs('info');
      await env.cleanup();
      env = await harness.create();
      bot = await env.startBot({ logger: logs.logger });
      env.behaviour.current = (run) => {
        if (run.key === 'broken') throw new Error(`reservation system down (attempt ${run.attempt})`);
      };
      const scheduled = await jobs().schedule('flaky', { hotelId: HOTEL, key: 'broken', data: { booking: 'B1' } });
      const failedLine = () => logs.lines().find((l) => String(l.msg).startsWith('job run recorded failed'));
      await env.elapse(0, () => true);
      await env.elapse(200, () => true);
      await env.elapse(400, () => failedLine() !== undefined);
      const attempts = runsOf('flaky', 'broken');
      expect(attempts.map((r) => r.attempt)).toEqual([1, 2, 3]);
      // Retries are the same run: same slot, same data.
      expect(new Set(attempts.map((r) => r.scheduledFor.getTime()))).toEqual(new Set([scheduled.runAt.getTime()]));
      expect(attempts.every((r) => JSON.stringify(r.data) === '{"booking":"B1"}')).toBe(true);
      expect(attempts[1]!.ranAt.getTime() - attempts[0]!.ranAt.getTime()).toBeGreaterThanOrEqual(200);
      expect(attempts[2]!.ranAt.getTime() - attempts[1]!.ranAt.getTime()).toBeGreaterThanOrEqual(400);
      const line = failedLine()!;
      expect(line).toMatchObject({ level: 'error', job: `${PLUGIN}/flaky`, hotelId: HOTEL, key: 'broken', attempt: 3, attempts: 3 });
      expect(line.msg).toMatch(/after 3 attempt\(s\): reservation system down \(attempt 3\)/);
      expect(
        logs
          .lines()
          .filter((l) => String(l.msg).startsWith('job run failed'))
          .map((l) => l.attempt),
      ).toEqual([1, 2]);
      const metrics = await bot.metrics.registry.getSingleMetricAsString('hotello_job_runs_total');
      expect(metrics).toContain('hotello_job_runs_total{owner="recorder",job="flaky",outcome="retried"} 2');
      expect(metrics).toContain('hotello_job_runs_total{owner="recorder",job="flaky",outcome="failed"} 1');
      await sentinelAfter(1_000);
      expect(runsOf('flaky', 'broken')).toHaveLength(3);
    });

    it('succeeds on a retry when the handler recovers', async () => {
      env.behaviour.current = (run) => {
        if (run.attempt === 1) throw new Error('blip');
      };
      await jobs().schedule('flaky', { hotelId: HOTEL, key: 'blip', delayMs: 100 });
      await env.elapse(100, () => true);
      await env.elapse(200, () => runsOf('flaky', 'blip').length === 2);
      await sentinelAfter(1_000);
      expect(runsOf('flaky', 'blip').map((r) => r.attempt)).toEqual([1, 2]);
    });

    it('keeps a repeating job on its schedule after a failed run', async () => {
      let failed = false;
      env.behaviour.current = (run) => {
        if (run.key === 'wobbly' && !failed) {
          failed = true;
          throw new Error('first run fails');
        }
      };
      await jobs().repeat('once-only', { hotelId: HOTEL, key: 'wobbly', everyMs: 300 });
      await env.elapse(0, () => true);
      if (env.fakeTime) for (let i = 0; i < 3; i++) await env.elapse(300, () => true);
      else await env.elapse(900, () => runsOf('once-only', 'wobbly').length >= 3);
      const wobbly = runsOf('once-only', 'wobbly');
      expect(wobbly.length).toBeGreaterThanOrEqual(3);
      expect(wobbly.every((r) => r.attempt === 1)).toBe(true);
      const slots = wobbly.map((r) => r.scheduledFor.getTime());
      expect(slots[1]! - slots[0]!).toBe(300);
    });

    it('refuses to schedule what cannot run, with errors that say why', async () => {
      await expect(jobs().schedule('nope', { hotelId: HOTEL })).rejects.toThrow(/no job "nope" is defined by plugin "recorder"/);
      await expect(jobs().schedule('ping', { hotelId: 'atlantis' })).rejects.toThrow(/unknown hotel "atlantis"/);
      await expect(jobs().schedule('ping', { hotelId: HOTEL, at: new Date(), delayMs: 5 })).rejects.toThrow(/not both/);
      await expect(jobs().schedule('ping', { hotelId: HOTEL, delayMs: -1 })).rejects.toThrow(/delayMs/);
      await expect(jobs().schedule('ping', { hotelId: HOTEL, data: { f: () => 1 } })).rejects.toThrow(/JSON/);
      await expect(jobs().repeat('ping', { hotelId: HOTEL, cron: '61 * * * *' })).rejects.toThrow(
        /invalid cron expression "61 \* \* \* \*"/,
      );
      await expect(jobs().repeat('ping', { hotelId: HOTEL, cron: '0 10 * * *', everyMs: 5 })).rejects.toThrow(
        /exactly one of cron and everyMs/,
      );
      await expect(jobs().cancel('ping', { hotelId: HOTEL, key: '' })).rejects.toThrow(/key/);
      expect(() => jobs().define('late', () => undefined)).toThrow(/after the bot started: define jobs in register/);
      expect(env.runs).toEqual([]);
    });

    // Restarts and several instances need schedules that outlive a bot: a database or Redis.
    if (!harness.shared) return;

    it('loses no run across a restart: a job scheduled before a stop runs on the next bot', async () => {
      const at = new Date(now() + 600);
      await jobs().schedule('ping', { hotelId: HOTEL, key: 'survivor', at, data: 'kept' });
      await jobs().repeat('ping', { hotelId: HOTEL, key: 'daily', cron: '0 10 * * *' });
      await bot.stop();
      const next = await env.startBot({ instance: 'after-restart' });
      await env.elapse(600, () => runsOf('ping', 'survivor').length === 1);
      expect(runsOf('ping', 'survivor')).toMatchObject([{ instance: 'after-restart', data: 'kept', scheduledFor: at }]);
      expect(runsOf('ping', 'survivor')[0]!.ranAt.getTime()).toBeGreaterThanOrEqual(at.getTime());
      // The repeat is still there: cancelling it finds it.
      expect(await next.contextOf(PLUGIN)!.jobs.cancel('ping', { hotelId: HOTEL, key: 'daily' })).toBe(true);
    });

    it('runs a job scheduled on three instances exactly once, at its time', async () => {
      const instances = [bot, await env.startBot(), await env.startBot()];
      const at = new Date(now() + 800);
      // Every instance schedules the same keyed run (each heard of the same booking, say) and the same repeat.
      await Promise.all(instances.map((k) => k.contextOf(PLUGIN)!.jobs.schedule('ping', { hotelId: HOTEL, key: 'reminder', at })));
      await Promise.all(instances.map((k) => k.contextOf(PLUGIN)!.jobs.repeat('ping', { hotelId: HOTEL, key: 'every', everyMs: 400 })));
      if (env.fakeTime) for (let i = 0; i < 3; i++) await env.elapse(400, () => true);
      else await env.elapse(1_200, () => runsOf('ping', 'reminder').length === 1 && runsOf('ping', 'every').length >= 3);
      await sentinelAfter(600);
      const reminder = runsOf('ping', 'reminder');
      expect(reminder).toHaveLength(1);
      expect(reminder[0]!.scheduledFor).toEqual(at);
      expect(reminder[0]!.ranAt.getTime()).toBeGreaterThanOrEqual(at.getTime());
      const slots = runsOf('ping', 'every').map((r) => r.scheduledFor.getTime());
      expect(new Set(slots).size).toBe(slots.length);
    });

    it('skips, with a log line, a run for a hotel where the plugin was turned off since it was scheduled', async () => {
      const logs = captureLogs('info');
      await jobs().schedule('ping', { hotelId: 'savanna', key: 'stale', delayMs: 300 });
      await bot.stop();
      const off = [HOTELS[0], { ...HOTELS[1], plugins: { [PLUGIN]: false } }];
      const next = await env.startBot({ hotels: off, logger: logs.logger });
      const skipped = () => logs.lines().find((l) => String(l.msg).startsWith('job run skipped'));
      await env.elapse(300, () => skipped() !== undefined);
      expect(skipped()).toMatchObject({
        job: `${PLUGIN}/ping`,
        hotelId: 'savanna',
        key: 'stale',
        reason: `plugin "${PLUGIN}" is off for hotel "savanna"`,
      });
      bot = next;
      await sentinelAfter(300);
      expect(runsOf('ping', 'stale')).toEqual([]);
      await expect(jobs().schedule('ping', { hotelId: 'savanna' })).rejects.toThrow(/plugin "recorder" is off for hotel "savanna"/);
    });
  });
}
