/**
 * Webhook-to-reply throughput and latency of the whole pipeline, beside a bare Koa server
 * doing the same HTTP in and out (verify the signature, parse, acknowledge, POST a reply to
 * the provider) measured in the same run. Prints ratios, not verdicts.
 *
 *   npm run bench -- pipeline            (a) in-memory + in-process, (b) MongoDB + Redis
 *   BENCH_SECONDS=5 npm run bench -- pipeline
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import getRawBody from 'raw-body';
import { createBot, createLogger, definePlugin, type Kernel } from '@hotello/core';
import cloudApi from '@hotello/adapter-cloud-api';

const SECRET = 'bench-app-secret';
const PHONE_NUMBER_ID = '1000001';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);

/** Graph's send endpoint; resolves the waiter of each reply as it arrives. */
class ReplySink {
  private readonly waiters = new Map<string, () => void>();
  private server?: http.Server;
  private sent = 0;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text?: { body: string } };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"messaging_product":"whatsapp","messages":[{"id":"wamid.out.${++this.sent}"}]}`);
        const key = body.text?.body.replace(/^ack /, '') ?? '';
        this.waiters.get(key)?.();
        this.waiters.delete(key);
      });
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  wait(key: string): Promise<void> {
    return new Promise((resolve) => this.waiters.set(key, resolve));
  }

  close(): Promise<void> {
    this.server!.closeAllConnections();
    return new Promise((r) => this.server!.close(() => r()));
  }
}

function webhook(seq: number): { body: string; signature: string; key: string } {
  const from = `2547${String(10_000_000 + (seq % 5000)).slice(-8)}`;
  const key = `m${seq}`;
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '1',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: 'Bench' }, wa_id: from }],
              messages: [
                {
                  from,
                  id: `wamid.bench.${seq}.${Date.now()}`,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: 'text',
                  text: { body: key },
                },
              ],
            },
          },
        ],
      },
    ],
  });
  return { body, key, signature: `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The baseline: the same HTTP work with no framework behind it. */
async function startBareKoa(sinkUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const app = new Koa();
  app.use(async (ctx) => {
    const raw = await getRawBody(ctx.req, { limit: '4mb' });
    const expected = `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`;
    if (ctx.get('x-hub-signature-256') !== expected) ctx.throw(401);
    const payload = JSON.parse(raw.toString('utf8'));
    const message = payload.entry[0].changes[0].value.messages[0];
    ctx.status = 200;
    ctx.body = { accepted: 1 };
    setImmediate(() => {
      void post(
        `${sinkUrl}/v25.0/${PHONE_NUMBER_ID}/messages`,
        JSON.stringify({ messaging_product: 'whatsapp', to: `+${message.from}`, type: 'text', text: { body: `ack ${message.text.body}` } }),
        { authorization: 'Bearer t' },
      );
    });
  });
  const server = http.createServer(app.callback());
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/cloud-api`,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

const echo = definePlugin({
  name: 'echo',
  register: ({ turns }) =>
    turns.use('route', async (ctx, next) => {
      ctx.reply({ kind: 'text', text: `ack ${ctx.text}` });
      await next();
    }),
});

async function startHotello(sinkUrl: string, store: Record<string, unknown>, redis?: string): Promise<{ url: string; bot: Kernel }> {
  const bot = createBot({
    config: {
      store,
      ...(redis ? { redis: { url: redis, keyPrefix: `bench-${Date.now()}:` } } : {}),
      log: { level: 'silent' },
      pipeline: { concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16) },
      hotels: [
        {
          id: 'bench',
          name: 'Bench Hotel',
          rateLimit: { messages: 1_000_000, perSeconds: 1 },
          channels: [
            { type: 'cloud-api', phoneNumberId: PHONE_NUMBER_ID, accessToken: 't', appSecret: SECRET, verifyToken: 'v', baseUrl: sinkUrl },
          ],
        },
      ],
    },
    extraPlugins: [cloudApi, echo],
    logger: createLogger({ level: process.env.BENCH_LOG ?? 'silent' }),
  });
  await bot.start();
  const port = await bot.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}/webhooks/cloud-api`, bot };
}

let seq = 0;

async function oneRound(url: string, sink: ReplySink): Promise<number> {
  const w = webhook(seq++);
  const started = process.hrtime.bigint();
  const replied = sink.wait(w.key);
  const status = await post(url, w.body, { 'x-hub-signature-256': w.signature });
  if (status !== 200) throw new Error(`webhook answered ${status}`);
  await replied;
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Closed loop with many clients: the most messages per second the target sustains. */
async function peak(url: string, sink: ReplySink, concurrency = 64): Promise<number> {
  const end = Date.now() + SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        await oneRound(url, sink);
        done++;
      }
    }),
  );
  return done / SECONDS;
}

/** Open loop at a fixed rate: latency as a guest would see it at that load. */
async function latencyAt(url: string, sink: ReplySink, rate: number): Promise<{ p50: number; p99: number }> {
  const latencies: number[] = [];
  const total = Math.max(50, Math.floor(rate * SECONDS));
  const interval = 1000 / rate;
  const start = Date.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(oneRound(url, sink).then((ms) => void latencies.push(ms)));
  }
  await Promise.all(inflight);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

async function measure(name: string, url: string, sink: ReplySink) {
  await peak(url, sink, 16); // warm-up: JIT, connection pools
  const rate = await peak(url, sink);
  const latency = await latencyAt(url, sink, rate / 2);
  console.log(
    `${name.padEnd(34)} ${rate.toFixed(0).padStart(6)} msg/s   p50 ${latency.p50.toFixed(2).padStart(6)} ms   p99 ${latency.p99.toFixed(2).padStart(6)} ms  (at ${(rate / 2).toFixed(0)} msg/s)`,
  );
  return { rate, ...latency };
}

async function main(): Promise<void> {
  const sink = new ReplySink();
  await sink.start();
  console.log(`pipeline benchmark: ${SECONDS}s per phase, 64 clients for peak, half of peak for latency\n`);

  const bare = await startBareKoa(sink.url);
  const baseline = process.env.BENCH_PROFILE ? { rate: 1, p50: 0, p99: 0 } : await measure('bare Koa (baseline)', bare.url, sink);
  await bare.close();

  const embedded = await startHotello(sink.url, { type: 'memory' });
  const a = await measure('(a) in-memory + in-process', embedded.url, sink);
  await embedded.bot.stop();

  const lines = [`(a) throughput ratio vs bare Koa: ${(a.rate / baseline.rate).toFixed(2)}   p99 at half peak: ${a.p99.toFixed(2)} ms`];

  if (process.env.MONGODB_URI || process.env.BENCH_WITH_SERVICES !== '0') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const services = require('../services') as typeof import('../services');
    const shared = await services.ensureSharedServices();
    const mongo = process.env.MONGODB_URI ? undefined : await services.startMongo({ engine: 'java' } as never).catch(() => undefined);
    const mongoUri = `${(mongo?.uri ?? shared.mongoUri).replace(/\/$/, '')}/bench_pipeline_${Date.now()}`;
    const full = await startHotello(sink.url, { type: 'mongodb', uri: mongoUri }, shared.redisUrl);
    const b = await measure(`(b) MongoDB + Redis`, full.url, sink);
    await full.bot.stop();
    await mongo?.stop();
    await shared.stop();
    lines.push(`(b) throughput ratio vs bare Koa: ${(b.rate / baseline.rate).toFixed(2)}   p99 at half peak: ${b.p99.toFixed(2)} ms`);
  }
  console.log(`\n${lines.join('\n')}`);
  await sink.close();
  agent.destroy();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
