import { createBot, type Kernel } from '@hotello/core';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../../../test/services') as typeof import('../../../test/services');

async function waitFor<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!ok(last) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    last = await probe();
  }
  return last;
}

describe('/readyz with MongoDB and Redis', () => {
  let mongo: Awaited<ReturnType<typeof services.startMongo>>;
  let redis: Awaited<ReturnType<typeof services.startRedis>>;
  let bot: Kernel;
  let base: string;

  beforeAll(async () => {
    [mongo, redis] = await Promise.all([services.startMongo(), services.startRedis()]);
    bot = createBot({
      config: {
        store: { type: 'mongodb', uri: `${mongo.uri.replace(/\/$/, '')}/readyz_test`, operationTimeoutMs: 1000 },
        redis: { url: redis.url },
        hotels: [{ id: 'seaside', name: 'Seaside' }],
      },
    });
    await bot.start();
    base = `http://127.0.0.1:${await bot.listen(0, '127.0.0.1')}`;
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await Promise.all([mongo?.stop(), redis?.stop()]);
  });

  const ready = async () => {
    const res = await fetch(`${base}/readyz`);
    return { status: res.status, body: (await res.json()) as { checks: Record<string, string> } };
  };

  it('is ready when both answer', async () => {
    expect(await ready()).toEqual({ status: 200, body: { status: 'ready', checks: { mongodb: 'ok', redis: 'ok' } } });
  });

  it('goes 503 naming Redis when it stops, and recovers when it is back', async () => {
    await redis.stop();
    const down = await waitFor(ready, (r) => r.status === 503);
    expect(down.status).toBe(503);
    expect(down.body.checks.redis).not.toBe('ok');
    expect(down.body.checks.mongodb).toBe('ok');
    await redis.restart();
    expect((await waitFor(ready, (r) => r.status === 200)).status).toBe(200);
  }, 60_000);

  it('goes 503 naming MongoDB when it stops, and recovers when it is back', async () => {
    await mongo.stop();
    const down = await waitFor(ready, (r) => r.status === 503);
    expect(down.status).toBe(503);
    expect(down.body.checks.mongodb).not.toBe('ok');
    await mongo.restart();
    expect((await waitFor(ready, (r) => r.status === 200, 40_000)).status).toBe(200);
  }, 90_000);
});
