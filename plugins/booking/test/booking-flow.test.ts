import type { TestBot, TestGuest } from '@hotello/core/testing';
import { BOOKING_SERVICE } from '../src';
import { bookingBot, hotelsConfig, inDays, typed } from './helpers';

const REFERENCE = /\b([A-Z]{3}\d{4})\b/;

function referenceIn(text: string): string {
  const match = text.match(REFERENCE);
  if (!match) throw new Error(`no booking reference in "${text}"`);
  return match[1]!;
}

/** Walks a guest from the first message to the summary. */
async function toSummary(guest: TestGuest, checkIn: string, nights = 2, room = 'Double room'): Promise<void> {
  await guest.says(`Do you have a room on ${typed(checkIn)} for ${nights} nights for 2 adults?`);
  await guest.taps(room);
  await guest.taps('Yes');
  await guest.says('ana@example.com');
}

describe('booking a room through the flow', () => {
  let bot: TestBot;
  let phone = 0;
  const nextGuest = (options: { hotel?: string; language?: string; name?: string } = { name: 'Ana Silva' }) =>
    bot.guest(`+3519100${String(++phone).padStart(5, '0')}`, { hotel: 'seaside', ...options });

  beforeAll(async () => {
    bot = await bookingBot();
  });
  afterAll(() => bot.stop());

  it('books from one sentence: rooms with totals, name from the profile, email, summary, confirmation', async () => {
    const guest = nextGuest();
    const checkIn = inDays(40);
    await guest.says(`Do you have a room on ${typed(checkIn)} for 2 nights for 2 adults?`);
    expect(guest.lastReply.list).toEqual(expect.arrayContaining(['Double room', 'Family room', 'Suite']));
    expect(JSON.stringify(guest.lastReply.content)).toMatch(/total/);
    await guest.taps('Double room');
    expect(guest.lastReply.text).toContain('Ana Silva');
    expect(guest.lastReply.buttons).toEqual(['Yes', 'Another name']);
    await guest.taps('Yes');
    expect(guest.lastReply.text).toMatch(/email/i);
    await guest.says('ana@example.com');
    expect(guest.lastReply.buttons).toEqual(['Confirm', 'Change', 'Cancel']);
    expect(guest.lastReply.text).toContain('Ana Silva · ana@example.com');
    expect(guest.lastReply.text).toContain('2 nights');
    await guest.taps('Confirm');
    expect(guest.lastReply.text).toMatch(/^Booked! ✅ Your reference is [A-Z]{3}\d{4}/);
    expect(guest.lastReply.text).toMatch(/Free cancellation until/);

    const service = bot.kernel.container.resolve(BOOKING_SERVICE);
    const mine = await service.upcomingFor('seaside', guest.phone);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      status: 'confirmed',
      roomType: 'double',
      checkIn,
      nights: 2,
      adults: 2,
      guest: { name: 'Ana Silva', email: 'ana@example.com' },
    });
  });

  it('asks for what is missing one question at a time', async () => {
    const guest = nextGuest({ name: undefined });
    await guest.says('I would like to book a room');
    expect(guest.lastReply.text).toMatch(/When would you like to arrive/);
    await guest.says(typed(inDays(50)));
    expect(guest.lastReply.text).toMatch(/How many nights/);
    await guest.says('3');
    expect(guest.lastReply.text).toMatch(/How many guests/);
    await guest.says('2 adults and 1 child');
    expect(guest.lastReply.list).toEqual(['Double room', 'Family room', 'Suite']); // a child may take an adult's bed
    await guest.taps('Family room');
    expect(guest.lastReply.text).toMatch(/What name/);
    await guest.says('Jo Kamau');
    await guest.says('jo@example.com');
    expect(guest.lastReply.text).toContain('3 nights');
    expect(guest.lastReply.text).toContain('2 adults, 1 child');
    expect(guest.lastReply.text).toContain('€480.00');
  });

  it('takes a change mid-flow ("make it 3 nights") and recomputes the total', async () => {
    const guest = nextGuest();
    const checkIn = inDays(60);
    await toSummary(guest, checkIn, 2);
    expect(guest.lastReply.text).toContain('2 nights');
    await guest.says('make it 3 nights');
    expect(guest.lastReply.buttons).toEqual(['Confirm', 'Change', 'Cancel']);
    expect(guest.lastReply.text).toContain('3 nights');
  });

  it('goes back a step', async () => {
    const guest = nextGuest({ name: undefined });
    await guest.says(`a room on ${typed(inDays(45))} for 2 nights for 2 adults`);
    await guest.taps('Double room');
    await guest.says('Maria Lopez');
    expect(guest.lastReply.text).toMatch(/email/i);
    await guest.says('back');
    expect(guest.lastReply.text).toMatch(/What name/);
  });

  it('lets the guest leave for another question and come back to the same step', async () => {
    const guest = nextGuest();
    await guest.says(`a room on ${typed(inDays(46))} for 2 nights for 2 adults`);
    await guest.taps('Double room');
    await guest.taps('Yes');
    expect(guest.lastReply.text).toMatch(/email/i);
    const before = guest.replies.length;
    await guest.says('hello');
    expect(guest.replies.length).toBeGreaterThan(before);
    expect(guest.lastReply.text).not.toMatch(/email/i);
    await guest.says('I want to book a room');
    const replies = guest.replies.slice(-2).map((r) => r.text);
    expect(replies[0]).toMatch(/continue your booking/);
    expect(replies[1]).toMatch(/email/i);
  });

  it('changes a detail from the summary and abandons cleanly', async () => {
    const guest = nextGuest();
    await toSummary(guest, inDays(70));
    await guest.taps('Change');
    expect(guest.lastReply.list).toEqual(['Dates', 'Guests', 'Room', 'Name', 'Email']);
    await guest.taps('Room');
    expect(guest.lastReply.list).toContain('Double room');
    await guest.taps('Suite');
    expect(guest.lastReply.text).toContain('Suite');
    await guest.taps('Cancel');
    expect(guest.lastReply.text).toMatch(/nothing was booked/);
    expect(await bot.kernel.container.resolve(BOOKING_SERVICE).upcomingFor('seaside', guest.phone)).toHaveLength(0);
  });

  describe('bad input gets a helpful reply', () => {
    it('a date in the past', async () => {
      const guest = nextGuest();
      await guest.says(`a room on ${typed(inDays(-3))} for 2 nights for 2 adults`);
      const texts = guest.replies.map((r) => r.text).join('\n');
      expect(texts).toMatch(/already passed/);
      expect(guest.lastReply.text).toMatch(/When would you like to arrive/);
    });

    it('check-out not after check-in', async () => {
      const guest = nextGuest();
      const checkIn = inDays(30);
      await guest.says(`book a room from ${typed(checkIn)} to ${typed(inDays(28))} for 2 adults`);
      expect(guest.replies.map((r) => r.text).join('\n')).toMatch(/Check-out must be after check-in|already passed|How many nights/);
      expect(guest.lastReply.text).toMatch(/When would you like to arrive|How many nights/);
    });

    it('a stay longer than the hotel allows', async () => {
      const guest = nextGuest();
      await guest.says(`a room on ${typed(inDays(30))} for 20 nights for 2 adults`);
      expect(guest.replies.map((r) => r.text).join('\n')).toMatch(/up to 14 nights/);
      expect(guest.lastReply.text).toMatch(/How many nights/);
    });

    it('more guests than any room holds', async () => {
      const guest = nextGuest();
      await guest.says(`a room on ${typed(inDays(30))} for 2 nights for 7 adults`);
      expect(guest.replies.map((r) => r.text).join('\n')).toMatch(/largest room sleeps 3 adults/);
      expect(guest.lastReply.text).toMatch(/How many guests/);
    });

    it("an unknown, or someone else's, booking reference", async () => {
      const owner = nextGuest();
      await toSummary(owner, inDays(80));
      await owner.taps('Confirm');
      const reference = referenceIn(owner.lastReply.text);

      const stranger = nextGuest();
      await stranger.says(`cancel ${reference}`);
      expect(stranger.lastReply.text).toBe(
        `I couldn't find booking ${reference} for your number at Seaside Hotel. Please check the reference.`,
      );
      await stranger.says('cancel ZZZ9999');
      expect(stranger.lastReply.text).toMatch(/couldn't find booking ZZZ9999/);

      const sameNumberOtherHotel = bot.guest(owner.phone, { hotel: 'citylodge' });
      await sameNumberOtherHotel.says(`cancel ${reference}`);
      expect(sameNumberOtherHotel.lastReply.text).toMatch(/couldn't find booking/);
      expect((await bot.kernel.container.resolve(BOOKING_SERVICE).findOwn('seaside', reference, owner.phone))?.status).toBe('confirmed');
    });
  });

  it('lists my bookings and cancels one after confirmation, releasing the room', async () => {
    const guest = nextGuest();
    const checkIn = inDays(90);
    await toSummary(guest, checkIn, 2, 'Family room');
    await guest.taps('Confirm');
    const reference = referenceIn(guest.lastReply.text);
    const service = bot.kernel.container.resolve(BOOKING_SERVICE);
    const query = { checkIn, checkOut: inDays(92), adults: 2, children: 0 };
    expect((await service.search('seaside', query)).map((o) => o.roomType)).not.toContain('family');

    await guest.says('my bookings');
    expect(guest.lastReply.text).toContain(reference);
    expect(guest.lastReply.list).toEqual([reference]);
    await guest.taps(reference);
    expect(guest.lastReply.text).toMatch(new RegExp(`Cancel ${reference} .*free`));
    expect(guest.lastReply.buttons).toEqual(['Yes, cancel it', 'No, keep it']);
    await guest.taps('Yes, cancel it');
    expect(guest.lastReply.text).toBe(`Booking ${reference} is cancelled.`);
    expect((await service.search('seaside', query)).map((o) => o.roomType)).toContain('family');

    await guest.says('my bookings');
    expect(guest.lastReply.text).toMatch(/no upcoming bookings/);
  });

  it('cancels by reference typed in lower case, and keeps it on "no"', async () => {
    const guest = nextGuest();
    await toSummary(guest, inDays(100));
    await guest.taps('Confirm');
    const reference = referenceIn(guest.lastReply.text);
    await guest.says(`cancel ${reference.toLowerCase()}`);
    expect(guest.lastReply.buttons).toEqual(['Yes, cancel it', 'No, keep it']);
    await guest.taps('No, keep it');
    expect(guest.lastReply.text).toBe(`OK, booking ${reference} stays as it is.`);
  });

  it('shows numbered menus on a channel without lists and buttons', async () => {
    const textBot = await bookingBot(hotelsConfig(), 'text-only');
    try {
      const guest = textBot.guest('+351910000999', { hotel: 'seaside', name: 'Rui Costa' });
      await guest.says(`a room on ${typed(inDays(33))} for 2 nights for 2 adults`);
      expect(guest.lastReply.content.kind).toBe('text');
      expect(guest.lastReply.text).toMatch(/1\. Double room/);
      await guest.says('1');
      expect(guest.lastReply.text).toContain('Rui Costa');
      await guest.says('1');
      await guest.says('rui@example.com');
      await guest.says('1');
      expect(guest.lastReply.text).toMatch(/Booked!/);
    } finally {
      await textBot.stop();
    }
  });

  it("speaks the guest's language", async () => {
    const guest = nextGuest({ language: 'es', name: 'Lucía' });
    await guest.says(`¿Tienen una habitación el ${typed(inDays(41))} para 2 noches para 2 adultos?`);
    expect(guest.lastReply.list).toContain('Habitación doble');
    await guest.taps('Habitación doble');
    expect(guest.lastReply.text).toContain('Lucía');
  });
});

describe('holds and late cancellation', () => {
  it('holds pending payment when the hotel takes payments first', async () => {
    const bot = await bookingBot(hotelsConfig({ confirmation: 'hold', holdMinutes: 20 }));
    const held: unknown[] = [];
    bot.kernel.events.on('booking.held', (e) => void held.push(e));
    try {
      const guest = bot.guest('+351910001001', { hotel: 'seaside', name: 'Ana' });
      await toSummary(guest, inDays(35));
      await guest.taps('Confirm');
      expect(guest.lastReply.text).toMatch(/held for you until/);
      const reference = referenceIn(guest.lastReply.text);
      const booking = await bot.kernel.container.resolve(BOOKING_SERVICE).findOwn('seaside', reference, guest.phone);
      expect(booking?.status).toBe('held');
      expect(held).toHaveLength(1);
    } finally {
      await bot.stop();
    }
  });

  it('charges the first night inside the window, or refuses when the hotel says so', async () => {
    for (const late of ['charge-first-night', 'refuse'] as const) {
      const bot = await bookingBot(hotelsConfig({ cancellation: { freeHours: 24 * 10, late } }));
      try {
        const guest = bot.guest('+351910001002', { hotel: 'seaside', name: 'Ana' });
        await toSummary(guest, inDays(3));
        await guest.taps('Confirm');
        expect(guest.lastReply.text).not.toMatch(/Free cancellation/);
        const reference = referenceIn(guest.lastReply.text);
        await guest.says(`cancel ${reference}`);
        if (late === 'refuse') {
          expect(guest.lastReply.text).toMatch(/can no longer be cancelled here/);
          expect(guest.lastReply.buttons).toEqual(['Talk to the team']);
        } else {
          expect(guest.lastReply.text).toMatch(/€\d+\.\d\d will be charged/);
          await guest.taps('Yes, cancel it');
          expect(guest.lastReply.text).toMatch(/is cancelled\. A fee of €/);
        }
      } finally {
        await bot.stop();
      }
    }
  });
});
