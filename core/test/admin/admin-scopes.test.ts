import { definePlugin, requireRole } from '@hotello/core';
import { createTestBot, signTestJwt, type TestBot } from '@hotello/core/testing';

// Admin access per hotel and role: a key or token opens only its hotels (any other hotel answers
// exactly like one that does not exist) and only routes at or below its role on the ladder
// front-desk < manager < admin.

const FULL_KEY = 'full-access-key-0123456789';
const DESK_KEY = 'seaside-desk-key-0123456789';
const MANAGER_KEY = 'seaside-manager-key-0123456789';
const ANY_DESK_KEY = 'any-hotel-desk-key-0123456789';
const SECRET = 'a-shared-jwt-secret-of-at-least-32-chars';

/** A plugin with admin routes at each rung of the ladder; `/settings` declares no role, so it needs admin. */
const reports = definePlugin({
  name: 'reports',
  register({ http }) {
    http.adminRouter.get('/desk', requireRole('front-desk'), (ctx) => {
      ctx.body = { hotel: ctx.state.hotel?.id, admin: ctx.state.admin };
    });
    http.adminRouter.get('/report', requireRole('manager'), (ctx) => {
      ctx.body = { report: ctx.state.hotel?.id };
    });
    http.adminRouter.get('/settings', (ctx) => {
      ctx.body = { settings: ctx.state.hotel?.id };
    });
  },
});

const HOTELS = [
  { id: 'seaside', name: 'Seaside' },
  { id: 'citylodge', name: 'City Lodge' },
];

async function startBot(admin: Record<string, unknown>): Promise<{ bot: TestBot; base: string }> {
  const bot = await createTestBot({ plugins: [reports], config: { admin, hotels: HOTELS } });
  return { bot, base: `http://127.0.0.1:${await bot.kernel.listen(0, '127.0.0.1')}` };
}

/** Everything a caller sees of an answer except the Date header; one request id makes bodies comparable. */
async function answer(base: string, path: string, token: string, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'x-request-id': 'same-request-id', 'content-type': 'application/json' },
  });
  const headers = [...res.headers.entries()].filter(([name]) => name !== 'date');
  return { status: res.status, headers, body: await res.text() };
}

describe('admin access per hotel and role: API keys', () => {
  let bot: TestBot;
  let base: string;
  const status = async (path: string, token: string, init?: RequestInit) => (await answer(base, path, token, init)).status;

  beforeAll(async () => {
    ({ bot, base } = await startBot({
      apiKeys: [
        FULL_KEY,
        { key: DESK_KEY, hotels: ['seaside'], role: 'front-desk', name: 'Seaside front desk' },
        { key: MANAGER_KEY, hotels: ['seaside'], role: 'manager' },
        { key: ANY_DESK_KEY, hotels: '*', role: 'front-desk' },
      ],
    }));
  });
  afterAll(() => bot.stop());

  it('lets a key read its own hotel, on core and plugin routes, and tells the route who called', async () => {
    expect(await status('/admin/hotels/seaside/conversations', DESK_KEY)).toBe(200);
    const desk = await answer(base, '/admin/hotels/seaside/desk', DESK_KEY);
    expect(desk.status).toBe(200);
    expect(JSON.parse(desk.body)).toEqual({
      hotel: 'seaside',
      admin: { via: 'api-key', name: 'Seaside front desk', hotels: ['seaside'], role: 'front-desk' },
    });
  });

  it.each(['/conversations', '/conversations/some-id', '/desk', '/report', '/settings'])(
    'answers another hotel (%s) byte for byte like an unknown one',
    async (route) => {
      const other = await answer(base, `/admin/hotels/citylodge${route}`, DESK_KEY);
      const unknown = await answer(base, `/admin/hotels/atlantis${route}`, DESK_KEY);
      expect(other.status).toBe(404);
      expect(other).toEqual(unknown);
      // A key for every hotel does see the hotel, so the 404 is the scope's doing.
      expect(JSON.parse(other.body)).toMatchObject({ message: 'unknown hotel' });
      expect(JSON.parse((await answer(base, `/admin/hotels/citylodge${route}`, FULL_KEY)).body)).not.toMatchObject({
        message: 'unknown hotel',
      });
    },
  );

  it('answers a hotel outside the key like an unknown one for POST routes too', async () => {
    const init = { method: 'POST', body: '{}' };
    const other = await answer(base, '/admin/hotels/citylodge/conversations/some-id/handoff', DESK_KEY, init);
    expect(other.status).toBe(404);
    expect(other).toEqual(await answer(base, '/admin/hotels/atlantis/conversations/some-id/handoff', DESK_KEY, init));
  });

  it('refuses a role below the route’s with 403, and lets higher roles through', async () => {
    expect(await status('/admin/hotels/seaside/desk', DESK_KEY)).toBe(200);
    const low = await answer(base, '/admin/hotels/seaside/report', DESK_KEY);
    expect(low.status).toBe(403);
    expect(JSON.parse(low.body)).toMatchObject({ error: 'forbidden', message: 'this needs the manager role or higher' });
    expect(await status('/admin/hotels/seaside/settings', DESK_KEY)).toBe(403);

    expect(await status('/admin/hotels/seaside/desk', MANAGER_KEY)).toBe(200);
    expect(await status('/admin/hotels/seaside/report', MANAGER_KEY)).toBe(200);
    expect(await status('/admin/hotels/seaside/settings', MANAGER_KEY)).toBe(403);
    expect(await status('/admin/hotels/seaside/conversations', MANAGER_KEY)).toBe(200);

    for (const route of ['desk', 'report', 'settings', 'conversations']) {
      expect(await status(`/admin/hotels/citylodge/${route}`, FULL_KEY)).toBe(200);
    }
  });

  it('checks the hotel before the role, so a low role learns nothing about other hotels', async () => {
    const other = await answer(base, '/admin/hotels/citylodge/report', DESK_KEY);
    expect(other.status).toBe(404);
    expect(other).toEqual(await answer(base, '/admin/hotels/atlantis/report', DESK_KEY));
  });

  it('gives a front-desk key for every hotel the front desk’s routes everywhere, and nothing above', async () => {
    for (const hotel of ['seaside', 'citylodge']) {
      expect(await status(`/admin/hotels/${hotel}/conversations`, ANY_DESK_KEY)).toBe(200);
      expect(await status(`/admin/hotels/${hotel}/report`, ANY_DESK_KEY)).toBe(403);
    }
  });
});

describe('admin access per hotel and role: JWT claims', () => {
  let bot: TestBot;
  let base: string;
  const token = (claims: Record<string, unknown>, options: { expiresIn?: number | null } = {}) =>
    signTestJwt({ key: SECRET, claims, ...options });
  const status = async (path: string, jwt: string) => (await answer(base, path, jwt)).status;

  beforeAll(async () => {
    ({ bot, base } = await startBot({ jwt: { secret: SECRET, maxLifetimeMinutes: 60 } }));
  });
  afterAll(() => bot.stop());

  it('scopes a token by its hotels and role claims', async () => {
    const desk = token({ hotels: ['seaside'], role: 'front-desk' });
    expect(await status('/admin/hotels/seaside/conversations', desk)).toBe(200);
    expect(await status('/admin/hotels/seaside/desk', desk)).toBe(200);
    expect(await status('/admin/hotels/seaside/report', desk)).toBe(403);
    const other = await answer(base, '/admin/hotels/citylodge/conversations', desk);
    expect(other.status).toBe(404);
    expect(other).toEqual(await answer(base, '/admin/hotels/atlantis/conversations', desk));

    const manager = token({ hotels: '*', role: 'manager' });
    expect(await status('/admin/hotels/citylodge/report', manager)).toBe(200);
    expect(await status('/admin/hotels/citylodge/settings', manager)).toBe(403);
    expect(await status('/admin/hotels/citylodge/settings', token({ hotels: '*', role: 'admin' }))).toBe(200);
  });

  it('gives a token without a hotels claim no hotel, and one without a known role no route', async () => {
    for (const claims of [{ role: 'admin' }, { hotels: 'seaside', role: 'admin' }, { hotels: [42], role: 'admin' }]) {
      const noHotel = await answer(base, '/admin/hotels/seaside/conversations', token(claims));
      expect(noHotel.status).toBe(404);
      expect(noHotel).toEqual(await answer(base, '/admin/hotels/atlantis/conversations', token(claims)));
    }
    for (const claims of [{ hotels: '*' }, { hotels: '*', role: 'owner' }, { hotels: '*', role: ['admin'] }]) {
      expect(await status('/admin/hotels/seaside/conversations', token(claims))).toBe(403);
      expect(await status('/admin/hotels/seaside/desk', token(claims))).toBe(403);
    }
  });

  it('refuses tokens that live longer than admin.jwt.maxLifetimeMinutes, as merely invalid', async () => {
    const scope = { hotels: '*', role: 'admin' };
    const now = Math.floor(Date.now() / 1000);
    expect(await status('/admin/hotels/seaside/conversations', token(scope, { expiresIn: 55 * 60 }))).toBe(200);
    const refused = [
      token({ ...scope, exp: 1e300 }),
      token({ ...scope, exp: Number.MAX_SAFE_INTEGER }),
      token(scope, { expiresIn: 2 * 60 * 60 }),
      token(scope, { expiresIn: null }),
      // Only ten minutes left, but issued to live two hours.
      token({ ...scope, iat: now - 110 * 60, exp: now + 10 * 60 }),
    ];
    for (const jwt of refused) {
      const res = await answer(base, '/admin/hotels/seaside/conversations', jwt);
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ error: 'unauthorized', message: 'invalid admin token' });
    }
  });
});

describe('admin access: claim names and the default lifetime', () => {
  it('reads hotels and role from the configured claims, and caps lifetimes at 24 hours by default', async () => {
    const claims = { hotels: 'https://hotello.example/hotels', role: 'https://hotello.example/role' };
    const { bot, base } = await startBot({ jwt: { secret: SECRET, claims } });
    try {
      const namespaced = { [claims.hotels]: ['seaside'], [claims.role]: 'manager' };
      expect((await answer(base, '/admin/hotels/seaside/report', signTestJwt({ key: SECRET, claims: namespaced }))).status).toBe(200);
      // The default names mean nothing here.
      const plain = signTestJwt({ key: SECRET, claims: { hotels: ['seaside'], role: 'manager' } });
      expect((await answer(base, '/admin/hotels/seaside/report', plain)).status).toBe(404);

      const day = (hours: number) => signTestJwt({ key: SECRET, claims: namespaced, expiresIn: hours * 60 * 60 });
      expect((await answer(base, '/admin/hotels/seaside/report', day(23))).status).toBe(200);
      expect((await answer(base, '/admin/hotels/seaside/report', day(25))).status).toBe(401);
      expect(
        (await answer(base, '/admin/hotels/seaside/report', signTestJwt({ key: SECRET, claims: { ...namespaced, exp: 1e300 } }))).status,
      ).toBe(401);
    } finally {
      await bot.stop();
    }
  });
});
