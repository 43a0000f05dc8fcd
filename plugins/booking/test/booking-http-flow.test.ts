import type { TestBot } from '@hotello/core/testing';
import { ReservationSystemFake } from '../../../test/fakes/reservation-system-fake';
import { API_KEY, HOTEL, ROOM_TYPES } from './http-backend-fixtures';
import { bookingBot, inDays, typed } from './helpers';

// A hotel whose reservations live in another system: the same dialog, through the HTTP backend,
// against a local server speaking the documented contract — including when it is slow or down.

describe('booking through an external reservation system', () => {
  let fake: ReservationSystemFake;
  let bot: TestBot;

  beforeAll(async () => {
    fake = await ReservationSystemFake.start({ hotels: { [HOTEL]: ROOM_TYPES }, apiKey: API_KEY, basePath: '/hotello' });
    bot = await bookingBot({
      hotels: [
        {
          id: HOTEL,
          name: 'City Lodge',
          timezone: 'Africa/Nairobi',
          plugins: { booking: { backend: { type: 'http', baseUrl: fake.baseUrl, apiKey: API_KEY, timeoutMs: 300, retries: 1 } } },
        },
      ],
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it('books, lists and cancels in the other system', async () => {
    const guest = bot.guest('+254700000101', { hotel: HOTEL, name: 'Wanjiru' });
    await guest.says(`a room on ${typed(inDays(20, 'Africa/Nairobi'))} for 2 nights for 2 adults`);
    expect(guest.lastReply.list).toEqual(['Double room', 'Suite']);
    await guest.taps('Double room');
    await guest.taps('Yes');
    await guest.says('wanjiru@example.com');
    await guest.taps('Confirm');
    const reference = guest.lastReply.text.match(/reference is (\S+):/)?.[1];
    expect(reference).toBeDefined();
    expect(fake.bookingsOf(HOTEL)).toHaveLength(1);
    expect(fake.requestsTo('POST', /\/bookings$/)[0]?.headers['idempotency-key']).toBeTruthy();

    await guest.says('my bookings');
    expect(guest.lastReply.list).toEqual([reference]);
    await guest.taps(reference!);
    await guest.taps('Yes, cancel it');
    expect(guest.lastReply.text).toBe(`Booking ${reference} is cancelled.`);
    expect(fake.bookingsOf(HOTEL)[0]?.status).toBe('cancelled');
  });

  it('tells the guest politely when the system is down, and goes on when it is back', async () => {
    const guest = bot.guest('+254700000102', { hotel: HOTEL, name: 'Otieno' });
    fake.unavailableNext(2); // the first call and its one retry
    await guest.says(`a room on ${typed(inDays(25, 'Africa/Nairobi'))} for 2 nights for 2 adults`);
    expect(guest.lastReply.text).toMatch(/isn't answering right now, so nothing was booked/);
    await guest.says('book a room');
    expect(guest.lastReply.list).toContain('Double room');
  });

  it('never books twice when a confirmation timed out and the guest taps Confirm again', async () => {
    const guest = bot.guest('+254700000103', { hotel: HOTEL, name: 'Achieng' });
    await guest.says(`a room on ${typed(inDays(30, 'Africa/Nairobi'))} for 3 nights for 2 adults`);
    await guest.taps('Double room');
    await guest.taps('Yes');
    await guest.says('achieng@example.com');
    const before = fake.bookingsOf(HOTEL).length;
    fake.slowNext(2, 1_000); // each attempt is handled, then answered after the 300 ms timeout
    await guest.taps('Confirm');
    expect(guest.lastReply.text).toMatch(/didn't confirm in time/);
    await guest.taps('Confirm');
    expect(guest.lastReply.text).toMatch(/^Booked!/);
    expect(fake.bookingsOf(HOTEL)).toHaveLength(before + 1);
  });
});
