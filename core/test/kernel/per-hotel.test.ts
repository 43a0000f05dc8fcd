import path from 'node:path';
import { createTestBot, type TestBot } from '@hotello/core/testing';

const fixtures = path.join(__dirname, '..', 'fixtures', 'plugins');

describe('a plugin switched off for one hotel', () => {
  let bot: TestBot;
  let base: string;

  beforeAll(async () => {
    bot = await createTestBot({
      config: {
        plugins: [{ use: path.join(fixtures, 'greeter.js') }],
        hotels: [
          { id: 'seaside', name: 'Seaside' },
          { id: 'citylodge', name: 'City Lodge', plugins: { greeter: false } },
        ],
      },
    });
    base = `http://127.0.0.1:${await bot.kernel.listen(0, '127.0.0.1')}`;
  });
  afterAll(() => bot.stop());

  it("never runs in that hotel's turns", async () => {
    const atSeaside = await bot.guest('+254700000001', { hotel: 'seaside' }).says('hello');
    const atCity = await bot.guest('+254700000001', { hotel: 'citylodge' }).says('hello');
    expect(atSeaside.map((r) => r.text)).toEqual(['greeter at seaside']);
    expect(atCity.map((r) => r.text)).not.toContain('greeter at citylodge');
    expect(atCity).toHaveLength(1);
  });

  it('answers 404 on its routes for that hotel, like an unknown hotel', async () => {
    const on = await fetch(`${base}/hotels/seaside/greeter/hello`);
    expect(on.status).toBe(200);
    expect(await on.json()).toEqual({ hello: 'seaside' });
    const off = await fetch(`${base}/hotels/citylodge/greeter/hello`);
    const unknown = await fetch(`${base}/hotels/atlantis/greeter/hello`);
    expect(off.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await off.json()).toMatchObject({ error: 'not_found', message: 'unknown hotel' });
  });
});
