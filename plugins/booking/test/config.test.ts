import { ConfigError, createBot, createLogger } from '@hotello/core';
import intentPlugin from '@hotello/plugin-intent';
import bookingPlugin from '../src';
import { ROOM_TYPES } from './helpers';

function configWith(booking: Record<string, unknown>, global: Record<string, unknown> = {}) {
  return {
    plugins: [{ use: 'booking', options: global }],
    hotels: [{ id: 'seaside', name: 'Seaside', plugins: { booking } }],
  };
}

async function startError(config: Record<string, unknown>): Promise<ConfigError> {
  const bot = createBot({ config, extraPlugins: [intentPlugin, bookingPlugin], logger: createLogger({ level: 'silent' }) });
  try {
    await bot.start();
  } catch (err) {
    await bot.stop().catch(() => undefined);
    if (err instanceof ConfigError) return err;
    throw err;
  }
  await bot.stop();
  throw new Error('expected a ConfigError');
}

function planError(config: Record<string, unknown>): ConfigError {
  try {
    createBot({ config, extraPlugins: [intentPlugin, bookingPlugin], logger: createLogger({ level: 'silent' }) });
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('booking config errors name the exact path', () => {
  it('a hotel with booking on but no room types', async () => {
    const err = await startError(configWith({}));
    expect(err.issues).toEqual([
      expect.objectContaining({ path: 'hotels[0].plugins.booking.roomTypes', message: expect.stringMatching(/at least one room type/) }),
    ]);
  });

  it('an invalid room type, season and currency, all at once', () => {
    const err = planError(
      configWith({
        currency: 'euro',
        roomTypes: [
          {
            id: 'Double Room',
            name: 'Double',
            adults: 0,
            rooms: 2,
            rate: -5,
            seasons: [{ from: '2027-08-01', to: '2027-07-01', rate: 10 }],
          },
        ],
      }),
    );
    const paths = err.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'hotels[0].plugins.booking.currency',
        'hotels[0].plugins.booking.roomTypes[0].id',
        'hotels[0].plugins.booking.roomTypes[0].adults',
        'hotels[0].plugins.booking.roomTypes[0].rate',
        'hotels[0].plugins.booking.roomTypes[0].seasons[0]',
      ]),
    );
  });

  it('duplicate room type ids', () => {
    const err = planError(configWith({ roomTypes: [ROOM_TYPES[0], ROOM_TYPES[0]] }));
    expect(err.message).toMatch(/hotels\[0\]\.plugins\.booking\.roomTypes\[1\]\.id: duplicate room type "double"/);
  });

  it('an HTTP backend without a valid URL', () => {
    const err = planError(configWith({ backend: { type: 'http', baseUrl: 'not a url' } }));
    expect(err.issues.map((i) => i.path)).toContain('hotels[0].plugins.booking.backend.baseUrl');
  });

  it('a room types file that is missing or invalid', async () => {
    const err = await startError(configWith({ roomTypesFile: 'does/not/exist.yaml' }));
    expect(err.issues[0]).toMatchObject({ path: 'hotels[0].plugins.booking.roomTypesFile', message: expect.stringMatching(/cannot read/) });
  });
});
