import type { InjectionToken } from 'tsyringe';
import { ConfigError } from '../../src/config/config-error';
import { createBot } from '../../src/kernel/kernel';
import { definePlugin, type PluginDefinition } from '../../src/plugins/define-plugin';
import { UndeclaredServiceError } from '../../src/plugins/plugin-services';
import { createTestBot } from '../../src/testing';

interface Greeter {
  greet(name: string): string;
}
const GREETER: InjectionToken<Greeter> = Symbol.for('test.greeter');

const provider = definePlugin({
  name: 'greeter',
  provides: [GREETER],
  register(ctx) {
    ctx.services.provide(GREETER, { greet: (name: string) => `hello ${name}` });
  },
});

/** Answers every message through the greeter service, as a handler would. */
function consumer(declares: Partial<Pick<PluginDefinition, 'dependsOn' | 'uses'>> = { dependsOn: ['greeter'], uses: [GREETER] }) {
  return definePlugin({
    name: 'welcome',
    ...declares,
    register(ctx) {
      ctx.turns.use('understand', async (turn, next) => {
        turn.intent = { name: 'welcome', confidence: 1, slots: {}, slotErrors: [] };
        await next();
      });
      ctx.handlers.on('welcome', ({ services, say }) => say.text(services.get(GREETER).greet('guest')));
    },
  });
}

const hotels = [
  { id: 'seaside', name: 'Seaside' },
  { id: 'citylodge', name: 'City Lodge' },
];

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('services between plugins', () => {
  it('gives a handler the service its plugin declared in `uses`', async () => {
    const bot = await createTestBot({ plugins: [provider, consumer()], config: { hotels } });
    try {
      const guest = bot.guest('+254700000501', { hotel: 'seaside' });
      await guest.says('hi');
      expect(guest.lastReply.text).toBe('hello guest');
    } finally {
      await bot.stop();
    }
  });

  it('refuses a consumer whose provider is not in dependsOn, naming what to add', () => {
    const err = configError(() => createBot({ config: { hotels }, extraPlugins: [provider, consumer({ uses: [GREETER] })] }));
    expect(err.message).toContain(
      'plugin "welcome" uses service "test.greeter" of plugin "greeter" but does not depend on it: add "greeter" to its dependsOn',
    );
  });

  it('refuses a service no loaded plugin provides', () => {
    const err = configError(() => createBot({ config: { hotels }, extraPlugins: [consumer({ uses: [GREETER] })] }));
    expect(err.message).toContain('plugin "welcome" uses service "test.greeter", which no loaded plugin provides');
  });

  it('refuses a consumer on at a hotel where its provider is off', () => {
    const off = [hotels[0], { ...hotels[1], plugins: { greeter: false } }];
    const err = configError(() => createBot({ config: { hotels: off }, extraPlugins: [provider, consumer()] }));
    expect(err.issues).toContainEqual({
      path: 'hotels[1].plugins',
      message: '"welcome" is on for hotel "citylodge" but its dependency "greeter" is off',
    });
  });

  it('turns getting an undeclared service into an error naming `uses`', async () => {
    let caught: unknown;
    const sneaky = definePlugin({
      name: 'sneaky',
      dependsOn: ['greeter'],
      register(ctx) {
        try {
          ctx.services.get(GREETER);
        } catch (err) {
          caught = err;
        }
      },
    });
    const bot = await createTestBot({ plugins: [provider, sneaky], config: { hotels } });
    await bot.stop();
    expect(caught).toBeInstanceOf(UndeclaredServiceError);
    expect((caught as Error).message).toContain("add it to the plugin's `uses`");
  });

  it('refuses to start when a declared service was never provided', async () => {
    const lazy = definePlugin({ name: 'lazy', provides: [GREETER], register() {} });
    const bot = createBot({ config: { hotels }, extraPlugins: [lazy] });
    await expect(bot.start()).rejects.toThrow(
      'plugin "lazy" declares it provides service "test.greeter" but did not call services.provide',
    );
    await bot.stop();
  });
});

describe('plugin state: register returns { start, stop }', () => {
  it('runs the closures register returned, start in dependency order and stop in reverse', async () => {
    const calls: string[] = [];
    const plugin = (name: string, dependsOn: string[] = []) =>
      definePlugin({
        name,
        dependsOn,
        register() {
          const opened = `${name} state`;
          return {
            start: () => void calls.push(`start ${opened}`),
            stop: () => void calls.push(`stop ${opened}`),
          };
        },
      });
    const bot = await createTestBot({ plugins: [plugin('b', ['a']), plugin('a')], config: { hotels } });
    await bot.stop();
    expect(calls).toEqual(['start a state', 'start b state', 'stop b state', 'stop a state']);
  });

  it('refuses a v1 plugin that still declares start beside register', async () => {
    const v1 = { name: 'old', register() {}, start() {} } as unknown as PluginDefinition;
    const bot = createBot({ config: { hotels }, extraPlugins: [v1] });
    await expect(bot.start()).rejects.toThrow('plugin "old" declares start beside register: return { start } from register instead');
    await bot.stop();
  });
});
