import path from 'node:path';
import { issuesOf } from '../helpers/config-issues';
import { createBot, type Kernel } from '@hotello/core';

const fixtures = path.join(__dirname, '..', 'fixtures', 'plugins');
const journal: string[] = ((globalThis as Record<string, unknown>).__hotelloJournal as string[]) ?? [];
(globalThis as Record<string, unknown>).__hotelloJournal = journal;

const hotels = [
  { id: 'seaside', name: 'Seaside' },
  { id: 'citylodge', name: 'City Lodge' },
];

describe('plugin loading', () => {
  let bot: Kernel | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    journal.length = 0;
  });

  it('registers and starts in dependency order, and stops in reverse', async () => {
    bot = createBot({
      config: { plugins: [{ use: './gamma' }, { use: './alpha' }, { use: './beta' }], hotels },
      baseDir: fixtures,
    });
    await bot.start();
    expect(journal).toEqual(['register:beta', 'register:alpha', 'register:gamma', 'start:beta', 'start:alpha', 'start:gamma']);
    journal.length = 0;
    await bot.stop();
    expect(journal).toEqual(['stop:gamma', 'stop:alpha', 'stop:beta']);
  });

  it('fails with the cycle spelled out', () => {
    const issues = issuesOf(() =>
      createBot({ config: { plugins: [{ use: './cycle-a' }, { use: './cycle-b' }], hotels }, baseDir: fixtures }),
    );
    expect(issues).toEqual([{ path: 'plugins[0]', message: 'plugin dependency cycle: cycle-a → cycle-b → cycle-a' }]);
  });

  it('fails naming a missing dependency and an unresolvable plugin', () => {
    const issues = issuesOf(() =>
      createBot({
        config: { plugins: [{ use: './needs-missing' }, { use: '@hotello/plugin-does-not-exist' }], hotels },
        baseDir: fixtures,
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'plugins[0]', message: 'plugin "needs-missing" depends on "not-installed", which is not in the config' },
        { path: 'plugins[1].use', message: 'cannot find plugin package "@hotello/plugin-does-not-exist" (is it installed?)' },
      ]),
    );
  });

  it('validates options globally and per hotel, with per-hotel overrides merged', async () => {
    const issues = issuesOf(() =>
      createBot({
        config: {
          plugins: [{ use: './with-options', options: { fee: -1 } }],
          hotels: [
            { id: 'seaside', name: 'S', plugins: { 'with-options': { latestHour: 22 } } },
            { id: 'citylodge', name: 'C', plugins: { nope: false } },
          ],
        },
        baseDir: fixtures,
      }),
    );
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'plugins[0].options.fee',
        'hotels[0].plugins.with-options.latestHour',
        'hotels[0].plugins.with-options.fee',
        'hotels[1].plugins.nope',
      ]),
    );

    bot = createBot({
      config: {
        plugins: [{ use: './with-options', options: { fee: 20 } }],
        hotels: [
          { id: 'seaside', name: 'S', plugins: { 'with-options': { fee: 25 } } },
          { id: 'citylodge', name: 'C', plugins: { 'with-options': false } },
        ],
      },
      baseDir: fixtures,
    });
    await bot.start();
    const seen = (globalThis as Record<string, unknown>).__withOptions as { global: unknown; ctx: { optionsFor(h: string): unknown } };
    expect(seen.global).toEqual({ fee: 20, latestHour: 14 });
    expect(seen.ctx.optionsFor('seaside')).toEqual({ fee: 25, latestHour: 14 });
    expect(seen.ctx.optionsFor('citylodge')).toBeUndefined();
  });

  it('rejects a plugin that is on where its dependency is off', () => {
    const issues = issuesOf(() =>
      createBot({
        config: { plugins: [{ use: './alpha' }, { use: './beta' }], hotels: [{ id: 'seaside', name: 'S', plugins: { beta: false } }] },
        baseDir: fixtures,
      }),
    );
    expect(issues).toEqual([{ path: 'hotels[0].plugins', message: '"alpha" is on for hotel "seaside" but its dependency "beta" is off' }]);
  });

  it('rejects a channel type no plugin provides', () => {
    const issues = issuesOf(() =>
      createBot({ config: { hotels: [{ id: 'seaside', name: 'S', channels: [{ type: 'carrier-pigeon' }] }] } }),
    );
    expect(issues[0]).toEqual({ path: 'hotels[0].channels[0].type', message: 'no loaded plugin provides channel type "carrier-pigeon"' });
  });
});
