import { FakeClock, createTestBot, type TestBot } from '@hotello/core/testing';
import intentPlugin from '@hotello/plugin-intent';
import bookingPlugin, { BOOKING_SERVICE } from '../src';
import { hotelsConfig, inDays } from './helpers';

/** Booking's hold-expiry sweep is a repeating job per hotel, on the bot's clock: a hold expires through it. */
describe("booking's sweep job", () => {
  let bot: TestBot;
  // Starts at the real time, so stays "in 40 days" are valid by the hotel's calendar.
  const clock = new FakeClock(new Date());
  const completedSweeps = async () => {
    const metric = await bot.kernel.metrics.registry.getSingleMetric('hotello_job_runs_total')!.get();
    return metric.values
      .filter((v) => v.labels.owner === 'booking' && v.labels.job === 'sweep' && v.labels.outcome === 'completed')
      .reduce((n, v) => n + v.value, 0);
  };

  beforeAll(async () => {
    bot = await createTestBot({
      config: hotelsConfig({ confirmation: 'hold', holdMinutes: 30, sweepIntervalMs: 60_000 }),
      plugins: [intentPlugin, bookingPlugin],
      clock,
    });
  });
  afterAll(() => bot.stop());

  it('releases an unpaid hold once the job runs after its expiry, announcing it once', async () => {
    const expired: string[] = [];
    bot.kernel.events.on('booking.expired', (e) => void expired.push(e.booking.reference));
    const service = bot.kernel.container.resolve(BOOKING_SERVICE);
    const checkIn = inDays(40);
    const stay = { checkIn, checkOut: inDays(42), adults: 2, children: 0, roomType: 'family' };
    const held = await service.book('seaside', 'k-sweep', stay, { phone: '+351910009001', name: 'Ana', email: 'ana@example.com' });
    expect(held.status).toBe('held');

    await clock.advance(0); // each hotel's first sweep runs right away
    const atStart = await completedSweeps();
    expect(atStart).toBe(2);
    await clock.advance(29 * 60_000);
    await bot.settle();
    expect((await service.findOwn('seaside', held.reference, '+351910009001'))?.status).toBe('held');
    expect(await completedSweeps()).toBeGreaterThan(atStart);

    await clock.advance(2 * 60_000);
    await bot.settle();
    expect((await service.findOwn('seaside', held.reference, '+351910009001'))?.status).toBe('expired');
    await clock.advance(5 * 60_000);
    await bot.settle();
    expect(expired).toEqual([held.reference]);
  });
});
