import type { Logger } from '../../src/logging/logger';
import { startExpirySweeper } from '../../src/store/expiry-sweeper';
import { MemoryConversationStore } from '../../src/store/memory/memory-store';

const DAY = 24 * 60 * 60 * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function fakeLogger() {
  return { info: jest.fn(), warn: jest.fn() };
}

describe('startExpirySweeper', () => {
  it('sweeps at once and then every interval until stopped', async () => {
    const sweepExpired = jest.fn().mockResolvedValue(0);
    const stop = startExpirySweeper({ sweepExpired }, { intervalMs: 20, logger: fakeLogger() as unknown as Logger });
    await sleep(5);
    expect(sweepExpired).toHaveBeenCalledTimes(1);
    await sleep(80);
    expect(sweepExpired.mock.calls.length).toBeGreaterThanOrEqual(3);
    await stop();
    const calls = sweepExpired.mock.calls.length;
    await sleep(60);
    expect(sweepExpired).toHaveBeenCalledTimes(calls);
  });

  it('never runs two sweeps at once, and stop waits for the one in progress', async () => {
    let running = 0;
    let most = 0;
    let finished = 0;
    const sweepExpired = jest.fn(async () => {
      running += 1;
      most = Math.max(most, running);
      await sleep(30);
      running -= 1;
      finished += 1;
      return 0;
    });
    const stop = startExpirySweeper({ sweepExpired }, { intervalMs: 1, logger: fakeLogger() as unknown as Logger });
    await sleep(100);
    await stop();
    expect(most).toBe(1);
    expect(running).toBe(0);
    expect(finished).toBe(sweepExpired.mock.calls.length);
  });

  it('logs a failed sweep and tries again on the next tick', async () => {
    const logger = fakeLogger();
    const sweepExpired = jest.fn().mockRejectedValueOnce(new Error('store down')).mockResolvedValue(2);
    const stop = startExpirySweeper({ sweepExpired }, { intervalMs: 10, logger: logger as unknown as Logger });
    await sleep(50);
    await stop();
    expect(logger.warn).toHaveBeenCalledWith({ err: expect.any(Error) }, expect.stringMatching(/failed/));
    expect(logger.info).toHaveBeenCalledWith(expect.objectContaining({ removed: 2 }), expect.any(String));
  });

  it('refuses a nonsensical interval', () => {
    expect(() => startExpirySweeper({ sweepExpired: jest.fn() }, { intervalMs: 0, logger: fakeLogger() as unknown as Logger })).toThrow(
      /intervalMs/,
    );
  });

  it('removes expired conversations from a real store', async () => {
    let now = Date.now();
    const store = new MemoryConversationStore({ clock: () => new Date(now) });
    await store.open();
    const c = await store.load({ hotelId: 'seaside', channelId: 'cloud-api', guest: '+254700000001' });
    now += 31 * DAY;
    const stop = startExpirySweeper(store, { intervalMs: 1000, logger: fakeLogger() as unknown as Logger });
    await sleep(10);
    await stop();
    expect(await store.find('seaside', c.id)).toBeUndefined();
  });
});
