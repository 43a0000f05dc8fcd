import { definePlugin, isAdminPath } from '@hotello/core';
import { normalizeRequestPath } from '@hotello/core/internal';
import { createTestBot } from '@hotello/core/testing';

describe('normalizeRequestPath', () => {
  it.each([
    ['/admin/hotels/x', '/admin/hotels/x'],
    ['/ADMIN/Hotels/X', '/admin/hotels/x'],
    ['/%61dmin', '/admin'],
    ['/%41DMIN/', '/admin'],
    ['/%2561dmin', '/admin'],
    ['//admin//hotels', '/admin/hotels'],
    ['/./admin/.', '/admin'],
    ['/x/../admin', '/admin'],
    ['/../../admin', '/admin'],
    ['/x%2F..%2Fadmin', '/admin'],
    ['\\admin\\hotels', '/admin/hotels'],
    ['/%E0%A4%A/admin', `/${String.fromCharCode(0xe0, 0xa4)}%a/admin`],
    ['/', '/'],
  ])('%s → %s', (raw, normalized) => {
    expect(normalizeRequestPath(raw)).toBe(normalized);
  });

  it('classifies /admin and below, and nothing else', () => {
    for (const path of ['/admin', '/Admin/', '/x/../ADMIN/hotels', '//%61dmin/x']) expect(isAdminPath(path)).toBe(true);
    for (const path of ['/', '/administrator', '/healthz', '/admin-tools', '/webhooks/admin']) expect(isAdminPath(path)).toBe(false);
  });
});

describe('the app-level admin gate', () => {
  it('demands admin credentials for any /admin path before a router runs, even a route registered without its check', async () => {
    // A careless plugin: an "admin" page on its plain, case-insensitive router, with no check of its own.
    const careless = definePlugin({
      name: 'careless',
      register({ http }) {
        http.router.get('/admin/debug', (ctx) => {
          ctx.body = { secrets: 'leaked' };
        });
      },
    });
    const key = 'gate-admin-key-0123456789';
    const bot = await createTestBot({
      plugins: [careless],
      config: { admin: { apiKeys: [key] }, hotels: [{ id: 'seaside', name: 'Seaside' }] },
    });
    try {
      const base = `http://127.0.0.1:${await bot.kernel.listen(0, '127.0.0.1')}`;
      for (const path of ['/admin/debug', '/ADMIN/debug', '/admin/debug/', '/admin/nothing-here']) {
        const res = await fetch(`${base}${path}`);
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer realm="hotello-admin"');
      }
      expect((await fetch(`${base}/admin/debug`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await bot.stop();
    }
  });

  it('answers 401 on /admin paths when the admin API is off', async () => {
    const bot = await createTestBot();
    try {
      const base = `http://127.0.0.1:${await bot.kernel.listen(0, '127.0.0.1')}`;
      const res = await fetch(`${base}/ADMIN/hotels/test-hotel/conversations`);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ message: 'the admin API is disabled: configure admin.apiKeys or admin.jwt' });
    } finally {
      await bot.stop();
    }
  });
});
