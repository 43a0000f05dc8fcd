import net from 'node:net';
import { createBot, createLogger, type Kernel } from '@hotello/core';

/**
 * Slow-drip clients ("slowloris"): connections that send a byte now and then must be closed
 * once `server.timeouts` says so, instead of holding sockets open indefinitely.
 */

interface Drip {
  readonly closedAfterMs: Promise<number>;
  stop(): void;
}

/** Opens a connection and sends `head` one character every `everyMs`, never finishing the request. */
function drip(port: number, head: string, everyMs: number): Drip {
  const started = Date.now();
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  socket.on('data', () => undefined);
  let sent = 0;
  const timer = setInterval(() => {
    if (socket.destroyed) return;
    socket.write(sent < head.length ? head[sent++]! : 'x');
  }, everyMs);
  const closedAfterMs = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
  void closedAfterMs.then(() => clearInterval(timer));
  return {
    closedAfterMs,
    stop: () => {
      clearInterval(timer);
      socket.destroy();
    },
  };
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | 'still open'> {
  return Promise.race([promise, new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), ms).unref())]);
}

describe('slow clients', () => {
  let bot: Kernel;
  let port: number;

  beforeAll(async () => {
    bot = createBot({
      config: {
        server: { timeouts: { headersMs: 500, requestMs: 1_500, keepAliveMs: 300 } },
        hotels: [{ id: 'seaside', name: 'Seaside' }],
      },
      logger: createLogger({ level: 'silent' }),
    });
    await bot.start();
    port = await bot.listen(0, '127.0.0.1');
  });
  afterAll(() => bot.stop());

  it('closes 20 connections that drip their headers once headersMs has passed', async () => {
    const drips = Array.from({ length: 20 }, () => drip(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ', 50));
    try {
      const closed = await Promise.all(drips.map((d) => withDeadline(d.closedAfterMs, 5_000)));
      expect(closed.filter((c) => c === 'still open')).toHaveLength(0);
      // The server still serves everyone else.
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      drips.forEach((d) => d.stop());
    }
  });

  it('closes a connection that drips its body once requestMs has passed', async () => {
    const head = 'POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n';
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write(head);
    const timer = setInterval(() => socket.writable && socket.write('{'), 100);
    const closed = await withDeadline(new Promise<number>((resolve) => socket.on('close', () => resolve(0))), 5_000);
    clearInterval(timer);
    socket.destroy();
    expect(closed).not.toBe('still open');
  });

  it('closes an idle keep-alive connection after keepAliveMs', async () => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    const answered = new Promise<void>((resolve) => socket.once('data', () => resolve()));
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
    await answered;
    const closed = await withDeadline(new Promise<number>((resolve) => socket.on('close', () => resolve(0))), 3_000);
    socket.destroy();
    expect(closed).not.toBe('still open');
  });

  it('rejects headersMs above requestMs with the path named', () => {
    expect(() =>
      createBot({ config: { server: { timeouts: { headersMs: 5_000, requestMs: 1_000 } }, hotels: [{ id: 'a', name: 'A' }] } }),
    ).toThrow(/server\.timeouts\.headersMs/);
  });
});
