import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { isAdminPath } from '@hotello/core';
import { createTestBot, type TestBot } from '@hotello/core/testing';
import YAML from 'yaml';

// Issue 11: the admin API answered without a key when the path's case changed, because the check
// was bound to a prefix that matched only one spelling. This suite finds EVERY admin route the
// running bot serves — core's and every plugin's, by reading the routers' stacks, so a route added
// later is covered without touching this file — and asks each with every spelling a lenient
// router, proxy or client might treat as the same path.

const ADMIN_KEY = 'coverage-admin-key-0123456789';
const HOTEL = 'demo';
const ROOT = path.resolve(__dirname, '../..');

/** The demo bot (config/default.yaml: simulator, intent, booking) plus the other channel adapters. */
function demoConfig(): Record<string, unknown> {
  const doc = YAML.parse(fs.readFileSync(path.join(ROOT, 'config/default.yaml'), 'utf8')) as { plugins: { use: string }[] };
  const plugins = [...doc.plugins, ...['cloud-api', 'twilio', 'green-api'].map((name) => ({ use: `@hotello/adapter-${name}` }))];
  return { ...doc, server: { port: 0 }, plugins, admin: { apiKeys: [ADMIN_KEY] } };
}

interface AdminRoute {
  readonly pattern: string;
  readonly methods: readonly string[];
  /** The pattern with sample parameters: the demo hotel, a real conversation. */
  readonly path: string;
}

/** Every route layer (not `use` middleware) whose path is under /admin, from every router the app mounts. */
function adminRoutesOf(bot: TestBot, params: Record<string, string>): AdminRoute[] {
  return bot.kernel.routers.flatMap((router) =>
    router.stack
      .filter((layer) => layer.methods.length > 0)
      .map((layer) => {
        if (typeof layer.path !== 'string') throw new Error(`cannot enumerate a RegExp route (${String(layer.path)}); extend this test`);
        const filled = layer.path.replace(/[{}]/g, '').replace(/[:*](\w+)/g, (_m, name: string) => params[name] ?? `sample-${name}`);
        return { pattern: layer.path, methods: layer.methods, path: filled };
      })
      .filter((route) => isAdminPath(route.path)),
  );
}

/** Spellings of one admin path that must never reach a handler without credentials. */
function variantsOf(route: AdminRoute): string[] {
  const rest = route.path.slice('/admin'.length);
  // Later segments in mixed case: only the literal ones, so the hotel id stays a real one.
  const literal = route.pattern.split('/');
  const mixedCase = route.path
    .split('/')
    .map((segment, i) => (i > 1 && literal[i] === segment && segment ? segment[0]!.toUpperCase() + segment.slice(1) : segment))
    .join('/');
  return [
    `/ADMIN${rest}`,
    `/Admin${rest}`,
    `/%61dmin${rest}`,
    `/%41DMIN${rest}`,
    `/%2561dmin${rest}`,
    `//admin${rest}`,
    `/./admin${rest}`,
    `/x/../admin${rest}`,
    `/%2e/admin${rest}`,
    `/admin/.${rest}`,
    `${route.path}/`,
    `${route.path}//`,
    mixedCase,
  ];
}

interface RawResponse {
  readonly status: number;
  readonly body: string;
}

/** A request whose path goes on the wire exactly as written (fetch would resolve `/./` and `/../`). */
function rawRequest(port: number, method: string, target: string, key?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const withBody = method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: target,
        agent: false,
        headers: {
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...(withBody ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(withBody ? '{}' : undefined);
  });
}

describe('every admin route, however its path is spelled', () => {
  let bot: TestBot;
  let port: number;
  let routes: AdminRoute[];

  beforeAll(async () => {
    bot = await createTestBot({ config: demoConfig() });
    port = await bot.kernel.listen(0, '127.0.0.1');
    const guest = bot.guest('+351912000001', { hotel: HOTEL });
    await guest.says('hello');
    const [conversation] = await bot.kernel.store.list(HOTEL, { limit: 1 });
    routes = adminRoutesOf(bot, { hotel: HOTEL, id: conversation!.id });
  });
  afterAll(() => bot.stop());

  it('finds core’s and the plugins’ admin routes', () => {
    const patterns = routes.map((r) => r.pattern);
    expect(patterns).toEqual(
      expect.arrayContaining([
        '/admin/hotels/:hotel/conversations',
        '/admin/hotels/:hotel/conversations/:id',
        '/admin/hotels/:hotel/conversations/:id/messages',
        '/admin/hotels/:hotel/conversations/:id/handoff',
        '/admin/hotels/:hotel/conversations/:id/handback',
        '/admin/hotels/:hotel/bookings',
      ]),
    );
  });

  it('answers 401, never 2xx, without a key: on every route, variant and method', async () => {
    const answers: string[] = [];
    for (const route of routes) {
      for (const target of [route.path, ...variantsOf(route)]) {
        for (const method of [...route.methods, 'OPTIONS']) {
          const { status } = await rawRequest(port, method, target);
          if (status !== 401) answers.push(`${method} ${target} → ${status}`);
        }
      }
    }
    expect(answers).toEqual([]);
  });

  it('with a valid key, no variant reaches a handler (404) and the canonical path does', async () => {
    const answers: string[] = [];
    for (const route of routes) {
      for (const method of route.methods) {
        for (const target of variantsOf(route)) {
          const res = await rawRequest(port, method, target, ADMIN_KEY);
          const unrouted = res.status === 404 && (method === 'HEAD' || JSON.parse(res.body).message === 'no such route');
          if (!unrouted) answers.push(`${method} ${target} → ${res.status} ${res.body}`);
        }
        if (method === 'HEAD') continue;
        const canonical = await rawRequest(port, method, route.path, ADMIN_KEY);
        const reached = ![401, 403].includes(canonical.status) && !canonical.body.includes('no such route');
        if (!reached) answers.push(`canonical ${method} ${route.path} → ${canonical.status} ${canonical.body}`);
      }
    }
    expect(answers).toEqual([]);
  });
});
