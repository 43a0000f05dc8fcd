import { createBot, definePlugin, type Kernel } from '@hotello/core';
import { createLogger } from '@hotello/core';
import { Writable } from 'node:stream';

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk));
    done();
  },
});

const echo = definePlugin({
  name: 'echo',
  register(ctx) {
    ctx.http.router.post('/echo', (koa) => {
      koa.body = { parsed: koa.request.body, raw: koa.request.rawBody?.toString('utf8') };
    });
    ctx.http.router.get('/boom', () => {
      throw new Error('secret internals at /srv/app.js:42');
    });
    ctx.http.router.get('/log-guest', (koa) => {
      koa.state.log!.info({ guest: '+254700000001', accessToken: 'EAAG-very-secret' }, 'message from +254700000001');
      koa.body = { ok: true };
    });
  },
});

describe('HTTP basics', () => {
  let bot: Kernel;
  let base: string;

  beforeAll(async () => {
    bot = createBot({
      config: { server: { bodyLimit: '1kb' }, hotels: [{ id: 'seaside', name: 'Seaside' }] },
      extraPlugins: [echo],
      logger: createLogger({ level: 'info', destination: sink }),
    });
    await bot.start();
    base = `http://127.0.0.1:${await bot.listen(0, '127.0.0.1')}`;
  });
  afterAll(() => bot.stop());

  it('keeps the exact raw bytes and parses JSON and form bodies', async () => {
    const raw = '{"text":"caf\\u00e9",  "n":1}';
    const json = await fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw });
    expect(await json.json()).toEqual({ parsed: { text: 'café', n: 1 }, raw });
    const form = await fetch(`${base}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Body=hi+there&From=whatsapp%3A%2B254700000001',
    });
    expect(((await form.json()) as { parsed: unknown }).parsed).toEqual({ Body: 'hi there', From: 'whatsapp:+254700000001' });
  });

  it('answers 413 for an oversized body, 400 for malformed JSON, 404 for unknown routes', async () => {
    const big = await fetch(`${base}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ x: 'y'.repeat(2000) }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: 'payload_too_large' });
    const bad = await fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"oops":' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'bad_request', message: 'malformed JSON body' });
    const missing = await fetch(`${base}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
  });

  it('never leaks a stack trace and echoes the correlation id', async () => {
    const res = await fetch(`${base}/boom`, { headers: { 'x-request-id': 'req-123' } });
    expect(res.status).toBe(500);
    expect(res.headers.get('x-request-id')).toBe('req-123');
    const body = await res.json();
    expect(body).toEqual({ error: 'internal', message: 'internal error', requestId: 'req-123' });
    expect(JSON.stringify(body)).not.toMatch(/srv|secret|at /);
    const generated = await fetch(`${base}/healthz`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs JSON with the request id, phone numbers masked and secrets redacted', async () => {
    lines.length = 0;
    await fetch(`${base}/log-guest`, { headers: { 'x-request-id': 'req-log' } });
    const record = lines.map((l) => JSON.parse(l)).find((l) => l.msg?.startsWith('message from'));
    expect(record).toMatchObject({ requestId: 'req-log', accessToken: '[redacted]', level: 'info' });
    expect(JSON.stringify(record)).not.toContain('700000001');
    expect(record.guest).toBe('+254…01');
  });

  it('serves /healthz, /readyz and Prometheus /metrics', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { store: 'ok' } });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/hotello_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(metrics).toContain('hotello_process_cpu_seconds_total');
    expect(metrics).toContain('hotello_turns_total');
  });
});
