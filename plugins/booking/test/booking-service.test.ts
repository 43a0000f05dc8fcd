import { createLogger, HotelDirectory, type HotelloEvents, type PluginEvents } from '@hotello/core';
import { createTestStorage } from '@hotello/core/testing';
import { BackendRegistry } from '../src/backend/backend-registry';
import { BookingStateError, BookingNotFoundError } from '../src/backend/booking-backend';
import { BookingService } from '../src/booking-service';
import { addDays } from '../src/domain/calendar';
import { RoomCatalog } from '../src/domain/room-catalog';
import { bookingOptionsSchema } from '../src/options';

const HOTEL = 'seaside';
const CHECK_IN = '2030-03-10';
const STAY = { checkIn: CHECK_IN, checkOut: addDays(CHECK_IN, 2), adults: 2, children: 0, roomType: 'double' };
const GUEST = { phone: '+351910000001', name: 'Ana Silva', email: 'ana@example.com' };

function setUp(options: Record<string, unknown> = {}, paymentsOn = false) {
  let now = new Date('2030-01-01T10:00:00Z');
  const parsed = bookingOptionsSchema.parse({
    roomTypes: [{ id: 'double', name: 'Double', adults: 2, rooms: 1, rate: 100 }],
    ...options,
  });
  const emitted: { event: keyof HotelloEvents; payload: unknown }[] = [];
  const events: PluginEvents = {
    on: () => () => undefined,
    emit: async (event, payload) => void emitted.push({ event, payload }),
  };
  const hotels = new HotelDirectory([{ id: HOTEL, name: 'Seaside', timezone: 'Europe/Lisbon' } as never], [], []);
  if (paymentsOn) jest.spyOn(hotels, 'isEnabled').mockImplementation((_hotel, plugin) => plugin === 'payments');
  const logger = createLogger({ level: 'silent' });
  const registry = new BackendRegistry([{ hotelId: HOTEL, options: parsed }], {
    storage: createTestStorage('booking'),
    catalog: RoomCatalog.of({ [HOTEL]: { rooms: parsed.roomTypes } }),
    logger,
    now: () => now,
  });
  const service = new BookingService({ registry, hotels, optionsFor: () => parsed, events, logger, now: () => now });
  return { service, emitted, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('BookingService', () => {
  it('holds pending payment where payments are on, and confirms directly where not', async () => {
    expect(setUp({}, true).service.holdsFor(HOTEL)).toBe(true);
    expect(setUp({}, false).service.holdsFor(HOTEL)).toBe(false);
    expect(setUp({ confirmation: 'direct' }, true).service.holdsFor(HOTEL)).toBe(false);
    expect(setUp({ confirmation: 'hold' }, false).service.holdsFor(HOTEL)).toBe(true);
  });

  it('releases an unpaid hold by itself once it expires, announcing it once', async () => {
    const { service, emitted, advance } = setUp({ confirmation: 'hold', holdMinutes: 30 });
    const held = await service.book(HOTEL, 'k1', STAY, GUEST);
    expect(held.status).toBe('held');
    expect(await service.search(HOTEL, STAY)).toEqual([]);

    advance(29 * 60_000);
    expect(await service.sweep()).toBe(0);
    advance(2 * 60_000);
    expect(await service.sweep()).toBe(1);
    expect(await service.sweep()).toBe(0);
    expect(emitted).toEqual([
      {
        event: 'booking.expired',
        payload: { hotelId: HOTEL, booking: expect.objectContaining({ reference: held.reference, status: 'expired' }) },
      },
    ]);
    expect((await service.search(HOTEL, STAY)).map((o) => o.roomType)).toEqual(['double']);
    await expect(service.confirmPaid(HOTEL, held.reference)).rejects.toBeInstanceOf(BookingStateError);
  });

  it('confirms a paid hold, which then never expires', async () => {
    const { service, emitted, advance } = setUp({ confirmation: 'hold', holdMinutes: 30 });
    const held = await service.book(HOTEL, 'k1', STAY, GUEST);
    const confirmed = await service.confirmPaid(HOTEL, held.reference);
    expect(confirmed.status).toBe('confirmed');
    advance(60 * 60_000);
    expect(await service.sweep()).toBe(0);
    expect(emitted.map((e) => e.event)).toEqual(['booking.confirmed']);
  });

  it('is idempotent on the key: the same confirmation twice is one booking', async () => {
    const { service } = setUp();
    const first = await service.book(HOTEL, 'same-key', STAY, GUEST);
    const again = await service.book(HOTEL, 'same-key', STAY, GUEST);
    expect(again.reference).toBe(first.reference);
    expect(await service.upcomingFor(HOTEL, GUEST.phone)).toHaveLength(1);
  });

  it("never lets a guest see or cancel someone else's booking", async () => {
    const { service } = setUp();
    const booking = await service.book(HOTEL, 'k1', STAY, GUEST);
    expect(await service.findOwn(HOTEL, booking.reference, '+351910000999')).toBeUndefined();
    await expect(service.cancelOwn(HOTEL, booking.reference, '+351910000999')).rejects.toBeInstanceOf(BookingNotFoundError);
    expect((await service.findOwn(HOTEL, booking.reference.toLowerCase(), GUEST.phone))?.status).toBe('confirmed');
  });

  it('suggests nearby stays of the same length when the dates are full', async () => {
    const { service } = setUp();
    await service.book(HOTEL, 'k1', STAY, GUEST);
    const nearby = await service.nearby(HOTEL, STAY, 3);
    expect(nearby.length).toBeGreaterThan(0);
    for (const stay of nearby) {
      expect(stay.checkOut).toBe(addDays(stay.checkIn, 2));
      expect(stay.checkIn >= STAY.checkOut || stay.checkOut <= STAY.checkIn).toBe(true);
    }
  });

  it('checks stays and parties against the hotel', async () => {
    const { service } = setUp({ maxNights: 5, maxAdvanceDays: 100 });
    expect(service.checkStay(HOTEL, '2029-12-31', '2030-01-02')).toEqual({ code: 'date_in_past' });
    expect(service.checkStay(HOTEL, '2030-01-05', '2030-01-05')).toEqual({ code: 'checkout_not_after_checkin' });
    expect(service.checkStay(HOTEL, '2030-01-05', '2030-01-11')).toEqual({ code: 'stay_too_long', maxNights: 5 });
    expect(service.checkStay(HOTEL, '2030-06-01', '2030-06-02')).toEqual({ code: 'too_far_ahead', lastDate: '2030-04-11' });
    expect(service.checkStay(HOTEL, '2030-01-01', '2030-01-03')).toBeUndefined();
    expect(await service.checkParty(HOTEL, 3, 0)).toEqual({ code: 'too_many_guests', maxAdults: 2, maxChildren: 0 });
    expect(await service.checkParty(HOTEL, 2, 0)).toBeUndefined();
  });
});
