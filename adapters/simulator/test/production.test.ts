import { ConfigError, createBot, createLogger, type Kernel } from '@hotello/core';
import simulator from '@hotello/adapter-simulator';

// The simulator lets anyone write as any guest number, so a production bot refuses it unless the
// operator opted in for that channel.

const hotel = (channel: Record<string, unknown>) => ({
  id: 'seaside',
  name: 'Seaside Hotel',
  channels: [{ type: 'simulator', ...channel }],
});

function build(channel: Record<string, unknown>, lines: string[] = []): Kernel {
  return createBot({
    config: { hotels: [{ id: 'citylodge', name: 'City Lodge' }, hotel(channel)] },
    extraPlugins: [simulator],
    logger: createLogger({ level: 'warn', destination: { write: (line: string) => lines.push(line) } }),
  });
}

describe('the simulator under NODE_ENV=production', () => {
  const previous = process.env.NODE_ENV;
  beforeEach(() => {
    process.env.NODE_ENV = 'production';
  });
  afterEach(() => {
    process.env.NODE_ENV = previous;
  });

  it('is refused at start with a config error naming the channel and the option that allows it', async () => {
    let error: unknown;
    try {
      await build({}).start();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual([
      {
        path: 'hotels[1].channels[0].allowInProduction',
        message: expect.stringMatching(/off when NODE_ENV=production.*allowInProduction: true/),
      },
    ]);
  });

  it('runs, with a warning, when the channel sets allowInProduction: true', async () => {
    const lines: string[] = [];
    const bot = build({ allowInProduction: true }, lines);
    await bot.start();
    try {
      const port = await bot.listen(0, '127.0.0.1');
      expect((await fetch(`http://127.0.0.1:${port}/simulator/hotels`)).status).toBe(200);
      const warnings = lines.map((l) => JSON.parse(l) as { level: string; msg: string; hotels?: string[] });
      expect(warnings).toContainEqual(
        expect.objectContaining({ level: 'warn', hotels: ['seaside'], msg: expect.stringMatching(/simulator runs in production/) }),
      );
    } finally {
      await bot.stop();
    }
  });
});

describe('the simulator outside production', () => {
  it('needs no opt-in', async () => {
    expect(process.env.NODE_ENV).not.toBe('production');
    const bot = build({});
    await bot.start();
    await bot.stop();
  });
});
