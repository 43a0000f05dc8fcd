import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { createBot, createLogger, type Kernel } from '@hotello/core';
import { JOBS_QUEUE, repeatSchedulerId } from '../../src/jobs/bullmq/bullmq-ids';
import { HOTELS, PLUGIN, recorderPlugin, redisUrl, type RecordedRun } from './job-fixtures';

/** What only the BullMQ backend shows: the hotel's zone is handed to BullMQ's own scheduler. */
describe('BullMQ backend', () => {
  const keyPrefix = `hotello-jobs-${randomUUID().slice(0, 8)}:`;
  let bot: Kernel;
  let queue: Queue;

  beforeAll(async () => {
    const runs: RecordedRun[] = [];
    bot = createBot({
      config: { redis: { url: redisUrl(), keyPrefix }, hotels: HOTELS },
      extraPlugins: [recorderPlugin('i0', runs, {}, { now: () => new Date() })],
      logger: createLogger({ level: 'silent' }),
    });
    await bot.start();
    queue = new Queue(JOBS_QUEUE, { connection: { url: redisUrl() }, prefix: `${keyPrefix}bull` });
  });
  afterAll(async () => {
    await bot.stop();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  });

  /** The next 10:00 in a zone `offsetHours` ahead of UTC with no DST (Nairobi: +3), after now. */
  function nextTenOClock(offsetHours: number): Date {
    const next = new Date();
    next.setUTCHours(10 - offsetHours, 0, 0, 0);
    if (next.getTime() <= Date.now()) next.setUTCDate(next.getUTCDate() + 1);
    return next;
  }

  it('stores a cron repeat as a job scheduler with the hotel time zone, due at 10:00 hotel time', async () => {
    const scheduled = await bot.contextOf(PLUGIN)!.jobs.repeat('ping', { hotelId: 'savanna', key: 'morning', cron: '0 10 * * *' });
    const expected = nextTenOClock(3);
    expect(scheduled.runAt).toEqual(expected);
    const scheduler = await queue.getJobScheduler(repeatSchedulerId({ owner: PLUGIN, name: 'ping', hotelId: 'savanna', key: 'morning' }));
    expect(scheduler).toMatchObject({ pattern: '0 10 * * *', tz: 'Africa/Nairobi', next: expected.getTime() });
  });

  it('replaces a repeat whose schedule changed, and a key holds a one-off or a repeat, not both', async () => {
    const jobs = bot.contextOf(PLUGIN)!.jobs;
    const id = { owner: PLUGIN, name: 'ping', hotelId: 'seaside', key: 'switch' };
    await jobs.repeat('ping', { hotelId: 'seaside', key: 'switch', everyMs: 3_600_000 });
    await jobs.repeat('ping', { hotelId: 'seaside', key: 'switch', cron: '30 8 * * 1' });
    expect(await queue.getJobScheduler(repeatSchedulerId(id))).toMatchObject({ pattern: '30 8 * * 1', tz: 'Europe/Lisbon' });
    await jobs.schedule('ping', { hotelId: 'seaside', key: 'switch', delayMs: 3_600_000 });
    expect(await queue.getJobScheduler(repeatSchedulerId(id))).toBeUndefined();
    expect(await jobs.cancel('ping', { hotelId: 'seaside', key: 'switch' })).toBe(true);
    // Of the recorder's runs only the Nairobi scheduler's next one is left (core's own sweeps wait beside it).
    const delayed = (await queue.getDelayed()).filter((j) => j.name === `${PLUGIN}.ping`);
    expect(delayed.map((j) => j.data.hotelId)).toEqual(['savanna']);
  });
});
