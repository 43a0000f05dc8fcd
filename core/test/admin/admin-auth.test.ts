import { generateKeyPairSync } from 'node:crypto';
import { definePlugin } from '@hotello/core';
import { createTestBot, signTestJwt, type TestBot } from '@hotello/core/testing';

const API_KEY = 'admin-api-key-0123456789';
const SECRET = 'a-shared-jwt-secret-of-at-least-32-chars';
const ISSUER = 'https://id.example.com/';
const AUDIENCE = 'hotello-admin';

/** Claims that give a token full access, as a plain API key has. */
const FULL_ACCESS = { hotels: '*', role: 'admin' };

/** A plugin with one admin route (declaring no role, so it needs `admin`) that echoes who passed the check, on for seaside only. */
const frontDesk = definePlugin({
  name: 'front-desk',
  register({ http }) {
    http.adminRouter.get('/arrivals', (ctx) => {
      ctx.body = { hotel: ctx.state.hotel?.id, admin: ctx.state.admin };
    });
  },
});

async function startBot(admin: Record<string, unknown>): Promise<{ bot: TestBot; base: string }> {
  const bot = await createTestBot({
    plugins: [frontDesk],
    config: {
      admin,
      hotels: [
        { id: 'seaside', name: 'Seaside' },
        { id: 'citylodge', name: 'City Lodge', plugins: { 'front-desk': false } },
      ],
    },
  });
  return { bot, base: `http://127.0.0.1:${await bot.kernel.listen(0, '127.0.0.1')}` };
}

const get = (url: string, token?: string) => fetch(url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });

async function failure(res: Response): Promise<{ status: number; message: string; challenge: string | null }> {
  const body = (await res.json()) as { message: string };
  return { status: res.status, message: body.message, challenge: res.headers.get('www-authenticate') };
}

describe('admin API: API keys and JWTs (HS256)', () => {
  let bot: TestBot;
  let base: string;
  const token = (options: Parameters<typeof signTestJwt>[0] = {}) =>
    signTestJwt({
      key: SECRET,
      ...options,
      claims: { sub: 'ops@example.com', iss: ISSUER, aud: AUDIENCE, ...FULL_ACCESS, ...options.claims },
    });

  beforeAll(async () => {
    ({ bot, base } = await startBot({ apiKeys: [API_KEY], jwt: { secret: SECRET, issuer: ISSUER, audience: AUDIENCE } }));
  });
  afterAll(() => bot.stop());

  it('accepts an API key on core and plugin admin routes', async () => {
    expect((await get(`${base}/admin/hotels/seaside/conversations`, API_KEY)).status).toBe(200);
    const res = await get(`${base}/admin/hotels/seaside/arrivals`, API_KEY);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ hotel: 'seaside', admin: { via: 'api-key', hotels: '*', role: 'admin' } });
  });

  it('accepts a valid JWT and exposes its subject to the route', async () => {
    expect((await get(`${base}/admin/hotels/seaside/conversations`, token())).status).toBe(200);
    const res = await get(`${base}/admin/hotels/seaside/arrivals`, token());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      admin: { via: 'jwt', subject: 'ops@example.com', hotels: '*', role: 'admin', claims: { iss: ISSUER, aud: AUDIENCE } },
    });
    expect((await get(`${base}/admin/hotels/seaside/arrivals`, token({ alg: 'HS512' }))).status).toBe(200);
  });

  it('says a token expired, and nothing more', async () => {
    expect(await failure(await get(`${base}/admin/hotels/seaside/arrivals`, token({ expiresIn: -120 })))).toEqual({
      status: 401,
      message: 'the admin token has expired',
      challenge: 'Bearer realm="hotello-admin", error="invalid_token"',
    });
  });

  it.each([
    [
      'signed with another secret',
      () => signTestJwt({ key: 'another-secret-another-secret-1234', claims: { iss: ISSUER, aud: AUDIENCE, ...FULL_ACCESS } }),
    ],
    ['for another audience', () => token({ claims: { aud: 'someone-else' } })],
    ['from another issuer', () => token({ claims: { iss: 'https://evil.example.com/' } })],
    ['without an expiry', () => token({ expiresIn: null })],
    ['unsigned (alg none)', () => token({ alg: 'none' })],
    ['alg none with a signature part', () => `${token({ alg: 'none' })}c2lnbmF0dXJl`],
    ['not a JWT at all', () => 'definitely-not-a-key-or-a-token'],
  ])('refuses a token %s as invalid, without saying why', async (_case, make) => {
    expect(await failure(await get(`${base}/admin/hotels/seaside/conversations`, make()))).toEqual({
      status: 401,
      message: 'invalid admin API key or token',
      challenge: 'Bearer realm="hotello-admin", error="invalid_token"',
    });
  });

  it('asks for credentials when none are sent', async () => {
    expect(await failure(await get(`${base}/admin/hotels/seaside/arrivals`))).toEqual({
      status: 401,
      message: 'missing admin credentials: send "Authorization: Bearer <API key or token>"',
      challenge: 'Bearer realm="hotello-admin"',
    });
  });

  it('guards plugin admin routes: credentials first, then 404 for an unknown hotel or one where the plugin is off', async () => {
    expect((await get(`${base}/admin/hotels/nowhere/arrivals`)).status).toBe(401);
    const unknown = await get(`${base}/admin/hotels/nowhere/arrivals`, API_KEY);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'not_found', message: 'unknown hotel' });
    const off = await get(`${base}/admin/hotels/citylodge/arrivals`, API_KEY);
    expect(off.status).toBe(404);
    expect(await off.json()).toMatchObject({ message: 'unknown hotel' });
    // Core's own admin routes still serve a hotel where the plugin is off.
    expect((await get(`${base}/admin/hotels/citylodge/conversations`, API_KEY)).status).toBe(200);
    expect((await get(`${base}/admin/hotels/seaside/departures`, API_KEY)).status).toBe(404);
    expect(
      (await fetch(`${base}/admin/hotels/seaside/arrivals`, { method: 'POST', headers: { authorization: `Bearer ${API_KEY}` } })).status,
    ).toBe(405);
  });
});

describe('admin API: other configurations', () => {
  it('is off, with 401 on every admin route, when neither API keys nor a JWT key are configured', async () => {
    const { bot, base } = await startBot({});
    try {
      for (const path of ['/admin/hotels/seaside/conversations', '/admin/hotels/seaside/arrivals']) {
        expect(await failure(await get(`${base}${path}`, API_KEY))).toMatchObject({
          status: 401,
          message: 'the admin API is disabled: configure admin.apiKeys or admin.jwt',
        });
      }
    } finally {
      await bot.stop();
    }
  });

  it('works with JWTs alone, and honours the algorithm allow-list', async () => {
    const { bot, base } = await startBot({ jwt: { secret: SECRET, algorithms: ['HS256'] } });
    try {
      expect((await get(`${base}/admin/hotels/seaside/arrivals`, signTestJwt({ key: SECRET, claims: FULL_ACCESS }))).status).toBe(200);
      expect(
        await failure(await get(`${base}/admin/hotels/seaside/arrivals`, signTestJwt({ key: SECRET, alg: 'HS384', claims: FULL_ACCESS }))),
      ).toMatchObject({
        status: 401,
        message: 'invalid admin token',
      });
      expect((await get(`${base}/admin/hotels/seaside/arrivals`, API_KEY)).status).toBe(401);
    } finally {
      await bot.stop();
    }
  });

  it('verifies RS256 tokens with an RSA public key, and refuses other keys and algorithms', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    // Line breaks written as \n, the way PEM keys often arrive through environment variables.
    const { bot, base } = await startBot({ jwt: { publicKey: pem.replace(/\n/g, '\\n'), audience: AUDIENCE } });
    try {
      const url = `${base}/admin/hotels/seaside/arrivals`;
      expect((await get(url, signTestJwt({ alg: 'RS256', key: rsa.privateKey, claims: { aud: AUDIENCE, ...FULL_ACCESS } }))).status).toBe(
        200,
      );
      expect((await get(url, signTestJwt({ alg: 'RS256', key: other.privateKey, claims: { aud: AUDIENCE, ...FULL_ACCESS } }))).status).toBe(
        401,
      );
      // Only RS256 is accepted by default for an RSA key; an HMAC token "signed" with the public key is the classic confusion attack.
      expect((await get(url, signTestJwt({ alg: 'PS256', key: rsa.privateKey, claims: { aud: AUDIENCE, ...FULL_ACCESS } }))).status).toBe(
        401,
      );
      expect((await get(url, signTestJwt({ alg: 'HS256', key: pem, claims: { aud: AUDIENCE, ...FULL_ACCESS } }))).status).toBe(401);
    } finally {
      await bot.stop();
    }
  });

  it('verifies ES256 tokens with a P-256 public key', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const { bot, base } = await startBot({ jwt: { publicKey: ec.publicKey.export({ type: 'spki', format: 'pem' }).toString() } });
    try {
      const url = `${base}/admin/hotels/seaside/arrivals`;
      expect((await get(url, signTestJwt({ alg: 'ES256', key: ec.privateKey, claims: FULL_ACCESS }))).status).toBe(200);
      expect((await get(url, signTestJwt({ alg: 'ES256', key: ec.privateKey, claims: FULL_ACCESS, expiresIn: -60 }))).status).toBe(401);
    } finally {
      await bot.stop();
    }
  });
});
