import { StoreUnavailableError, type Command, type Hotel, type Kernel, type PluginCommandContext } from '@hotello/core';
import { BackendUnavailableError } from '../backend/booking-backend';
import { todayIn } from '../domain/calendar';
import type { BookingOptions } from '../options';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT, parseBookingListQuery, type OperatorListQuery } from '../admin/booking-list-query';
import { formatBookingTable, toBookingListView, type BookingListView } from '../admin/booking-view';
import { CommandError, openHotelBackend, type OpenedBackend } from './open-hotel-backend';

/** The plugin's name in the config (`hotels[].plugins.booking`). */
const PLUGIN = 'booking';

/** Where a command writes: results to `out` (stdout), problems to `err` (stderr). */
export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

export interface BookingCommandOptions {
  readonly output?: CommandOutput;
  /** Opens a hotel's backend; tests hand in a fake. Defaults to {@link openHotelBackend}. */
  readonly openBackend?: (bot: Kernel, hotelId: string, options: BookingOptions) => Promise<OpenedBackend>;
  /** The clock "today" (the default `--from`) is read from. */
  readonly now?: () => Date;
}

interface ListOptions {
  readonly hotel: string;
  readonly from?: string;
  readonly to?: string;
  readonly status?: string;
  readonly limit?: string;
  readonly json?: boolean;
}

const stdio: CommandOutput = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

/**
 * `hotello bookings list --hotel <id> [--from <date>] [--to <date>] [--status <list>] [--limit <n>] [--json] [--config <file>]`:
 * a hotel's bookings as a table or, with `--json`, as `GET /admin/hotels/:hotel/bookings` answers.
 */
export function registerBookingCommands(program: Command, ctx: PluginCommandContext, options: BookingCommandOptions = {}): void {
  const output = options.output ?? stdio;
  const bookings = program.command('bookings').description("operators' view of room bookings");
  bookings
    .command('list')
    .description("a hotel's bookings by check-in: reference, status, room type, stay, guest, total")
    .requiredOption('--hotel <id>', 'hotel id')
    .option('--from <date>', 'stays ending after this date, YYYY-MM-DD (default: today at the hotel)')
    .option('--to <date>', 'stays starting before this date, YYYY-MM-DD')
    .option('--status <list>', 'only these statuses, comma-separated: pending, held, confirmed, cancelled, expired, failed')
    .option('--limit <n>', `at most this many bookings (default ${DEFAULT_LIST_LIMIT}, at most ${MAX_LIST_LIMIT})`)
    .option('--json', 'print JSON, the same as GET /admin/hotels/:hotel/bookings')
    .option('-c, --config <file>', 'config file (else HOTELLO_CONFIG, else config/default.yaml)')
    .action(async (opts: ListOptions) => {
      try {
        await listBookings(ctx.loadBot(), opts, output, options);
      } catch (err) {
        if (!(err instanceof CommandError)) throw err;
        output.err(err.message);
        process.exitCode = 1;
      }
    });
}

function bookingHotel(bot: Kernel, hotelId: string): Hotel {
  const hotel = bot.hotels.get(hotelId);
  const bookingHotels = bot.hotels
    .list()
    .filter((h) => bot.hotels.isEnabled(h.id, PLUGIN))
    .map((h) => h.id);
  const where = `booking is on at: ${bookingHotels.join(', ') || 'no hotel'}`;
  if (!hotel) throw new CommandError(`unknown hotel "${hotelId}"; ${where}`);
  if (!bookingHotels.includes(hotel.id)) throw new CommandError(`booking is off at hotel "${hotelId}"; ${where}`);
  return hotel;
}

async function listBookings(bot: Kernel, opts: ListOptions, output: CommandOutput, options: BookingCommandOptions): Promise<void> {
  const hotel = bookingHotel(bot, opts.hotel);
  const today = todayIn(hotel.timezone, (options.now ?? (() => new Date()))());
  const parsed = parseBookingListQuery({ from: opts.from, to: opts.to, status: opts.status, limit: opts.limit }, today);
  if (!parsed.ok) throw new CommandError(parsed.problems.map((p) => p.replace(/^(from|to|status|limit):/, '--$1:')).join('\n'));

  const opened = await (options.openBackend ?? openHotelBackend)(bot, hotel.id, bot.hotels.optionsFor<BookingOptions>(hotel.id, PLUGIN)!);
  let view: BookingListView;
  try {
    view = toBookingListView(hotel.id, parsed.query, await opened.backend.list(hotel.id, parsed.query));
  } catch (err) {
    if (err instanceof BackendUnavailableError)
      throw new CommandError(`the reservation system of hotel "${hotel.id}" is not answering: ${err.message}`);
    if (err instanceof StoreUnavailableError) throw new CommandError(`the store is not answering: ${err.message}`);
    throw err;
  } finally {
    await opened.close();
  }

  if (opts.json) {
    output.out(JSON.stringify(view, null, 2));
    return;
  }
  printTable(hotel, view, output);
}

function describeQuery(query: OperatorListQuery): string {
  return [
    `from ${query.from}`,
    ...(query.to ? [`to ${query.to}`] : []),
    ...(query.statuses ? [`status ${query.statuses.join(', ')}`] : []),
  ].join(' ');
}

function printTable(hotel: Hotel, view: BookingListView, output: CommandOutput): void {
  const heading = `${hotel.name} (${hotel.id}), ${describeQuery(view.query)}`;
  if (view.bookings.length === 0) {
    output.out(`${heading}: no bookings`);
    return;
  }
  output.out(`${heading}:`);
  for (const line of formatBookingTable(view.bookings)) output.out(line);
  const count = view.bookings.length;
  output.out(
    count >= view.query.limit
      ? `${count} bookings shown, there may be more: narrow --from/--to or raise --limit (at most ${MAX_LIST_LIMIT})`
      : `${count} booking${count === 1 ? '' : 's'}`,
  );
}
