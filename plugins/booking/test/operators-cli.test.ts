import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { createBot, createLogger, definePlugin, type Kernel } from '@hotello/core';
import { createTestBot } from '@hotello/core/testing';
import { registerBookingAdminRoutes } from '../src/admin/bookings-routes';
import { BackendUnavailableError } from '../src/backend/booking-backend';
import { BuiltinBackend } from '../src/backend/builtin';
import { RoomCatalog } from '../src/domain/room-catalog';
import { bookingOptionsSchema } from '../src/options';
import { builtinStorageOn, mongoUri, openMongoStore, silentLogger, uniqueDatabaseName } from './builtin-fixtures';
import { registerBookingCommands, type BookingCommandOptions } from '../src/cli/bookings-command';
import { bookingOptionsOnly, FakeBookingBackend, operatorsConfig, ROOMS } from './operators-fixtures';

const NOW = new Date('2030-03-05T12:00:00Z');

interface Run {
  out: string[];
  err: string[];
  exitCode: number;
  error?: CommanderError;
  bot: Kernel;
}

/** Runs `hotello <args>` in-process against a bot built from `config`, as the CLI would. */
async function run(args: string[], options: BookingCommandOptions & { config?: Record<string, unknown> } = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const bot = createBot({
    config: options.config ?? operatorsConfig(),
    extraPlugins: [bookingOptionsOnly],
    logger: createLogger({ level: 'silent' }),
  });
  const program = new Command('hotello').exitOverride().configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
  registerBookingCommands(
    program,
    { configFile: 'test.yaml', loadBot: () => bot },
    { now: () => NOW, ...options, output: { out: (l) => out.push(l), err: (l) => err.push(l) } },
  );
  process.exitCode = 0;
  let error: CommanderError | undefined;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (caught) {
    if (!(caught instanceof CommanderError)) throw caught;
    error = caught;
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, exitCode, error, bot };
}

/** A fake backend opened the way the real one would be, recording whether it was closed. */
function fakeOpener(backend = new FakeBookingBackend()): {
  backend: FakeBookingBackend;
  closed: () => number;
  open: BookingCommandOptions['openBackend'];
} {
  let closes = 0;
  return {
    backend,
    closed: () => closes,
    open: async () => ({
      backend,
      close: async () => {
        closes += 1;
      },
    }),
  };
}

describe('hotello bookings list', () => {
  it('prints a table with masked phones, from today at the hotel by default', async () => {
    const fake = fakeOpener();
    const { out, err, exitCode } = await run(['bookings', 'list', '--hotel', 'seaside'], { openBackend: fake.open });
    expect({ exitCode, err }).toEqual({ exitCode: 0, err: [] });
    expect(out).toEqual([
      'Seaside Hotel (seaside), from 2030-03-05:',
      'reference  status     room type  check-in    check-out   nights  guests             guest name   phone           total',
      'KMT4821    held       double     2030-03-10  2030-03-12       2  2 adults, 1 child  Amina Njeri  +254…01    EUR 240.00',
      'PLW1093    confirmed  suite      2030-03-11  2030-03-18       7  1 adult            João Silva   +351…78  EUR 2,030.50',
      '2 bookings',
    ]);
    expect(fake.backend.queries).toEqual([{ hotelId: 'seaside', query: { from: '2030-03-05', limit: 100 } }]);
    expect(fake.closed()).toBe(1);
  });

  it('passes --from, --to, --status and --limit on, and says when the list may be cut short', async () => {
    const fake = fakeOpener();
    const { out } = await run(
      [
        'bookings',
        'list',
        '--hotel',
        'seaside',
        '--from',
        '2030-03-01',
        '--to',
        '2030-03-31',
        '--status',
        'held,confirmed',
        '--limit',
        '2',
      ],
      { openBackend: fake.open },
    );
    expect(fake.backend.queries[0]!.query).toEqual({ from: '2030-03-01', to: '2030-03-31', statuses: ['held', 'confirmed'], limit: 2 });
    expect(out[0]).toBe('Seaside Hotel (seaside), from 2030-03-01 to 2030-03-31 status held, confirmed:');
    expect(out[out.length - 1]).toBe('2 bookings shown, there may be more: narrow --from/--to or raise --limit (at most 500)');
  });

  it('says so when there are no bookings', async () => {
    const { out, exitCode } = await run(['bookings', 'list', '--hotel', 'seaside'], {
      openBackend: fakeOpener(new FakeBookingBackend([])).open,
    });
    expect(exitCode).toBe(0);
    expect(out).toEqual(['Seaside Hotel (seaside), from 2030-03-05: no bookings']);
  });

  it('prints with --json exactly what the admin endpoint answers', async () => {
    const backend = new FakeBookingBackend();
    const { out, exitCode } = await run(['bookings', 'list', '--hotel', 'seaside', '--json', '--status', 'held'], {
      openBackend: fakeOpener(backend).open,
    });
    expect(exitCode).toBe(0);

    const plugin = definePlugin({
      name: 'booking',
      options: bookingOptionsOnly.options,
      register: (ctx) => registerBookingAdminRoutes(ctx.http.adminRouter, () => backend, { now: () => NOW }),
    });
    const bot = await createTestBot({ plugins: [plugin], config: operatorsConfig({ admin: { apiKeys: ['admin-key-0123456789abcdef'] } }) });
    try {
      const base = `http://127.0.0.1:${await bot.kernel.listen(0, '127.0.0.1')}`;
      const res = await fetch(`${base}/admin/hotels/seaside/bookings?status=held`, {
        headers: { authorization: 'Bearer admin-key-0123456789abcdef' },
      });
      expect(JSON.parse(out.join('\n'))).toEqual(await res.json());
    } finally {
      await bot.stop();
    }
    expect(JSON.parse(out.join('\n'))).toMatchObject({
      hotelId: 'seaside',
      query: { from: '2030-03-05', statuses: ['held'], limit: 100 },
      bookings: [{ reference: 'KMT4821', guest: { phone: '+254700000001' }, createdAt: '2030-03-01T10:00:00.000Z' }],
    });
  });

  it.each([
    [['--hotel', 'atlantis'], 'unknown hotel "atlantis"; booking is on at: seaside'],
    [['--hotel', 'citylodge'], 'booking is off at hotel "citylodge"; booking is on at: seaside'],
    [['--hotel', 'seaside', '--from', '05/03/2030'], '--from: expected a date as YYYY-MM-DD, got "05/03/2030"'],
    [['--hotel', 'seaside', '--from', '2030-04-01', '--to', '2030-03-01'], 'from (2030-04-01) is after to (2030-03-01)'],
    [['--hotel', 'seaside', '--status', 'paid'], expect.stringMatching(/^--status: expected a comma-separated list of pending, held/)],
    [['--hotel', 'seaside', '--limit', 'all'], '--limit: expected a whole number from 1 to 500, got "all"'],
  ])('refuses %j with a clear message and exit status 1', async (args, message) => {
    const fake = fakeOpener();
    const { out, err, exitCode } = await run(['bookings', 'list', ...args], { openBackend: fake.open });
    expect({ exitCode, out, err }).toEqual({ exitCode: 1, out: [], err: [message] });
    expect(fake.backend.queries).toEqual([]);
  });

  it('reports an unavailable reservation system and still closes what it opened', async () => {
    const fake = fakeOpener();
    fake.backend.failure = new BackendUnavailableError('GET /bookings: timeout after 5000 ms');
    const { err, exitCode } = await run(['bookings', 'list', '--hotel', 'seaside'], { openBackend: fake.open });
    expect(exitCode).toBe(1);
    expect(err).toEqual(['the reservation system of hotel "seaside" is not answering: GET /bookings: timeout after 5000 ms']);
    expect(fake.closed()).toBe(1);
  });

  it('sends operators to the admin endpoint when bookings live in the running bot’s memory', async () => {
    const { err, exitCode } = await run(['bookings', 'list', '--hotel', 'seaside']);
    expect(exitCode).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^hotel "seaside" keeps its bookings in the built-in backend on the in-memory store/);
    expect(err[0]).toContain('GET /admin/hotels/seaside/bookings');
  });

  it('needs --hotel', async () => {
    const { error } = await run(['bookings', 'list']);
    expect(error?.code).toBe('commander.missingMandatoryOptionValue');
  });
});

describe('hotello bookings list on MongoDB', () => {
  it('opens the store, lists what the built-in backend booked there, and closes it', async () => {
    const uri = new URL(mongoUri());
    uri.pathname = `/${uniqueDatabaseName('booking_cli')}`;
    const writer = await openMongoStore(uri.toString(), uri.pathname.slice(1));
    try {
      const catalog = RoomCatalog.of({ seaside: { rooms: bookingOptionsSchema.parse({ roomTypes: ROOMS }).roomTypes } });
      const backend = new BuiltinBackend(builtinStorageOn(writer), { catalog, logger: silentLogger });
      await backend.start();
      const booked = await backend.create('seaside', {
        idempotencyKey: 'cli-1',
        stay: { checkIn: '2030-03-06', checkOut: '2030-03-09', adults: 2, children: 0, roomType: 'double' },
        guest: { phone: '+254711222333', name: 'Achieng Otieno' },
      });

      const { out, err, exitCode, bot } = await run(['bookings', 'list', '--hotel', 'seaside'], {
        config: operatorsConfig({ store: { type: 'mongodb', uri: uri.toString(), operationTimeoutMs: 15_000 } }),
      });
      expect({ exitCode, err }).toEqual({ exitCode: 0, err: [] });
      expect(out[0]).toBe('Seaside Hotel (seaside), from 2030-03-05:');
      expect(out[2]).toMatch(
        new RegExp(
          `^${booked.reference}\\s+confirmed\\s+double\\s+2030-03-06\\s+2030-03-09\\s+3\\s+2 adults\\s+Achieng Otieno\\s+\\+254…33\\s+EUR 300\\.00$`,
        ),
      );
      expect(out[3]).toBe('1 booking');
      await expect(bot.store.ping()).rejects.toThrow();
    } finally {
      await writer.connection.dropDatabase();
      await writer.close();
    }
  });
});

describe('the built hotello CLI', () => {
  // Runs the real binary on the demo config: core finds the command through the booking plugin's definition.
  it('offers `bookings list` from the plugin named in the config', () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    const cli = path.join(root, 'core', 'dist', 'cli', 'main.js');
    const run = (args: string[]) =>
      spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root, env: { PATH: process.env.PATH } });

    const help = run(['bookings', 'list', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--hotel <id>/);

    const list = run(['bookings', 'list', '--hotel', 'demo', '--config', 'config/default.yaml']);
    expect(list.status).toBe(1);
    expect(list.stderr).toMatch(/in-memory store.*GET \/admin\/hotels\/demo\/bookings/s);

    const unknown = run(['bookings', 'list', '--hotel', 'nowhere']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/nowhere/);
  });
});
