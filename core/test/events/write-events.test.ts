import {
  createLogger,
  definePlugin,
  EventBus,
  DuplicateKeyError,
  Schema,
  StoreValidationError,
  writeEvent,
  type HotelCollection,
} from '@hotello/core';
import { createTestBot, createTestStorage, FakeClock, type TestBot } from '@hotello/core/testing';
import { until } from '../../../test/fakes/until';
import { dropDatabase, mongoUri, uniqueDatabaseName } from '../store/mongo-test-db';

// A plugin's write to its own collection can carry events: they are delivered exactly when the
// write happened, also when the process dies between the write and the delivery.

declare module '@hotello/core' {
  interface HotelloEvents {
    'ledger.paid': { hotelId: string; reference: string; amount: number };
  }
}

interface Invoice {
  reference: string;
  status: 'open' | 'paid';
  amount: number;
}

const invoiceSchema = new Schema({
  reference: { type: String, required: true },
  status: { type: String, required: true },
  amount: { type: Number, required: true },
});

const events = { maxAttempts: 3, retryDelayMs: 10, maxRetryDelayMs: 20, leaseMs: 1_000 };

describe.each(['memory', 'mongodb'] as const)('events recorded with a plugin write on the %s store', (storeType) => {
  let dbName = '';
  let bot: TestBot;
  let clock: FakeClock;
  let invoices: (hotelId: string) => HotelCollection<Invoice>;
  const heard: { reference: string; id: string }[] = [];

  const ledger = definePlugin({
    name: 'ledger',
    register({ storage, events: bus }) {
      const collection = storage.define<Invoice>('invoices', invoiceSchema, { indexes: [{ fields: { reference: 1 }, unique: true }] });
      invoices = (hotelId) => collection.forHotel(hotelId);
      bus.on('ledger.paid', (payload, meta) => {
        heard.push({ reference: payload.reference, id: meta.id });
      });
    },
  });

  beforeEach(async () => {
    dbName = uniqueDatabaseName('write_events');
    heard.length = 0;
    clock = new FakeClock();
    const store = storeType === 'memory' ? { type: 'memory' } : { type: 'mongodb', uri: `${mongoUri().replace(/\/[^/]*$/, '')}/${dbName}` };
    bot = await createTestBot({
      config: { store, events, pipeline: { sweepIntervalMs: 200 }, hotels: [{ id: 'seaside', name: 'Seaside' }] },
      plugins: [ledger],
      clock,
    });
  });
  afterEach(async () => {
    await bot.stop();
    if (storeType === 'mongodb') await dropDatabase(mongoUri(), dbName);
  });

  const paid = (reference: string, amount: number) => writeEvent('ledger.paid', { reference, amount }, { id: `paid:${reference}` });

  it('delivers the events of an update that happened, and none of one whose filter matched nothing', async () => {
    await invoices('seaside').insertOne({ reference: 'INV-1', status: 'open', amount: 120 });
    const first = await invoices('seaside').updateOne(
      { reference: 'INV-1', status: 'open' },
      { $set: { status: 'paid' } },
      { events: [paid('INV-1', 120)] },
    );
    // The same payment reported again: the filter no longer matches, so nothing new is announced.
    const again = await invoices('seaside').updateOne(
      { reference: 'INV-1', status: 'open' },
      { $set: { status: 'paid' } },
      { events: [writeEvent('ledger.paid', { reference: 'INV-1', amount: 120 }, { id: 'paid:INV-1:again' })] },
    );
    await bot.settle();
    expect([first.matchedCount, again.matchedCount]).toEqual([1, 0]);
    expect(heard).toEqual([{ reference: 'INV-1', id: 'paid:INV-1' }]);
    expect(await bot.kernel.eventDeliveries.ofEvent('seaside', 'paid:INV-1:again')).toEqual([]);
    // Core's marker never shows in what the plugin reads.
    expect(Object.keys((await invoices('seaside').findOne({ reference: 'INV-1' }))!).sort()).toEqual([
      '_id',
      'amount',
      'hotelId',
      'reference',
      'status',
    ]);
  });

  it('delivers the events of an insert and of a findOneAndUpdate, with the hotel filled in', async () => {
    const inserted = await invoices('seaside').insertOne(
      { reference: 'INV-2', status: 'paid', amount: 80 },
      { events: [paid('INV-2', 80)] },
    );
    expect(Object.keys(inserted)).not.toContain('_hotelloEvents');
    await invoices('seaside').insertOne({ reference: 'INV-3', status: 'open', amount: 50 });
    const updated = await invoices('seaside').findOneAndUpdate(
      { reference: 'INV-3', status: 'open' },
      { $set: { status: 'paid' } },
      { events: [paid('INV-3', 50)] },
    );
    expect(updated).toMatchObject({ status: 'paid' });
    expect(Object.keys(updated!)).not.toContain('_hotelloEvents');
    await bot.settle();
    expect(heard.map((h) => h.reference).sort()).toEqual(['INV-2', 'INV-3']);
    const [row] = await bot.kernel.eventDeliveries.ofEvent('seaside', 'paid:INV-2');
    expect(row!.payload).toEqual({ hotelId: 'seaside', reference: 'INV-2', amount: 80 });
  });

  it('recovers the events of a write whose writer died before putting them in force', async () => {
    await invoices('seaside').insertOne({ reference: 'INV-4', status: 'open', amount: 200 });
    // The write lands, then the process "dies" before the events are put in force.
    const promote = jest.spyOn(bot.kernel.eventDeliveries, 'promote').mockRejectedValueOnce(new Error('process died'));
    await expect(
      invoices('seaside').updateOne({ reference: 'INV-4', status: 'open' }, { $set: { status: 'paid' } }, { events: [paid('INV-4', 200)] }),
    ).rejects.toThrow('process died');
    promote.mockRestore();
    await bot.settle();
    expect(heard).toEqual([]);
    // Once the staged rows are older than a lease, the event sweep finds the write's marker.
    await clock.advance(events.leaseMs + 500);
    await until(() => heard.length === 1);
    expect(heard).toEqual([{ reference: 'INV-4', id: 'paid:INV-4' }]);
    const [doc] = await invoices('seaside').find({ reference: 'INV-4' });
    expect(doc).toMatchObject({ status: 'paid' });
  });

  it('drops the events of a write that failed', async () => {
    await invoices('seaside').insertOne({ reference: 'INV-5', status: 'open', amount: 10 });
    await expect(
      invoices('seaside').insertOne({ reference: 'INV-5', status: 'paid', amount: 10 }, { events: [paid('INV-5', 10)] }),
    ).rejects.toBeInstanceOf(DuplicateKeyError);
    await clock.advance(events.leaseMs + 500);
    await bot.settle();
    expect(heard).toEqual([]);
    expect(await bot.kernel.eventDeliveries.ofEvent('seaside', 'paid:INV-5')).toEqual([]);
  });

  it('refuses events for another hotel and writes that touch the marker, changing nothing', async () => {
    await expect(
      invoices('seaside').insertOne(
        { reference: 'INV-6', status: 'paid', amount: 1 },
        { events: [writeEvent('ledger.paid', { hotelId: 'citylodge', reference: 'INV-6', amount: 1 })] },
      ),
    ).rejects.toThrow(/payload\.hotelId: expected "seaside"/);
    await expect(
      invoices('seaside').updateOne({ reference: 'INV-6' }, { $set: { _hotelloEvents: ['x'] } as never }),
    ).rejects.toBeInstanceOf(StoreValidationError);
    expect(await invoices('seaside').countDocuments({})).toBe(0);
  });
});

it("hands a test storage's write events to its bus once the write happened", async () => {
  const bus = new EventBus(createLogger({ level: 'silent' }));
  const heard: string[] = [];
  bus.on('ledger.paid', ({ reference }) => {
    heard.push(reference);
  });
  const collection = createTestStorage('ledger', undefined, { events: bus }).define<Invoice>('invoices', invoiceSchema);
  await collection.forHotel('seaside').insertOne({ reference: 'INV-7', status: 'open', amount: 1 });
  // Paid twice: the second update matches nothing (no longer open), so it announces nothing.
  for (let i = 0; i < 2; i++)
    await collection
      .forHotel('seaside')
      .updateOne(
        { reference: 'INV-7', status: 'open' },
        { $set: { status: 'paid' } },
        { events: [writeEvent('ledger.paid', { reference: 'INV-7', amount: 1 })] },
      );
  expect(heard).toEqual(['INV-7']);
});
