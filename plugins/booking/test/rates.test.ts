import { cancellationTerms } from '../src/domain/cancellation-policy';
import { inSeason, minimumStay, nightlyRate, quoteStay } from '../src/domain/rates';
import { roomTypeSchema } from '../src/options';
import type { Booking } from '../src/domain/booking';

const room = roomTypeSchema.parse({
  id: 'double',
  name: 'Double',
  adults: 2,
  rooms: 3,
  rate: 100,
  weekdayRates: { fri: 120, sat: 120 },
  minStay: 1,
  seasons: [
    { from: '07-01', to: '08-31', rate: 150, minStay: 3 },
    { from: '12-20', to: '01-05', rate: 180, weekdayRates: { sat: 220 } },
    { from: '2027-04-01', to: '2027-04-03', rate: 99.99 },
  ],
});

describe('rates', () => {
  it('prices a night by weekday, then by the season covering it', () => {
    expect(nightlyRate(room, '2027-03-10')).toBe(100); // Wednesday
    expect(nightlyRate(room, '2027-03-12')).toBe(120); // Friday
    expect(nightlyRate(room, '2027-07-16')).toBe(150); // a summer Friday: the season wins
    expect(nightlyRate(room, '2027-12-25')).toBe(220); // a Christmas Saturday: the season's weekday rate
    expect(nightlyRate(room, '2028-01-03')).toBe(180); // the season wraps past New Year
  });

  it('tells yearly and one-off seasons apart', () => {
    expect(inSeason('2030-07-15', { from: '07-01', to: '08-31' })).toBe(true);
    expect(inSeason('2027-04-02', { from: '2027-04-01', to: '2027-04-03' })).toBe(true);
    expect(inSeason('2028-04-02', { from: '2027-04-01', to: '2027-04-03' })).toBe(false);
  });

  it('quotes a stay as the sum of its nights, to the cent', () => {
    const quote = quoteStay(room, '2027-03-31', '2027-04-03', 'EUR');
    expect(quote.nightly).toEqual([
      { date: '2027-03-31', amount: 100 },
      { date: '2027-04-01', amount: 99.99 },
      { date: '2027-04-02', amount: 99.99 },
    ]);
    expect(quote.total).toEqual({ amount: 299.98, currency: 'EUR' });
  });

  it("asks for the longest minimum stay of the room type and the check-in night's seasons", () => {
    expect(minimumStay(room, '2027-03-10')).toBe(1);
    expect(minimumStay(room, '2027-07-10')).toBe(3);
  });
});

describe('cancellation terms', () => {
  const rules = { freeHours: 48, late: 'charge-first-night' as const, checkInTime: '14:00', timeZone: 'Europe/Lisbon' };
  const booking = {
    status: 'confirmed',
    checkIn: '2030-03-10',
    nightly: [
      { date: '2030-03-10', amount: 120 },
      { date: '2030-03-11', amount: 100 },
    ],
    total: { amount: 220, currency: 'EUR' },
  } as unknown as Booking;

  it('is free until the window, then costs the first night', () => {
    const freeUntil = new Date('2030-03-08T14:00:00Z'); // 14:00 in Lisbon (UTC in March) two days before
    expect(cancellationTerms(booking, rules, new Date('2030-03-08T13:59:00Z'))).toEqual({ kind: 'free', freeUntil });
    expect(cancellationTerms(booking, rules, new Date('2030-03-09T10:00:00Z'))).toEqual({
      kind: 'fee',
      fee: { amount: 120, currency: 'EUR' },
      freeUntil,
    });
  });

  it('refuses late cancellations where the hotel says so, and any once the stay began', () => {
    expect(cancellationTerms(booking, { ...rules, late: 'refuse' }, new Date('2030-03-09T10:00:00Z')).kind).toBe('refused');
    expect(cancellationTerms(booking, rules, new Date('2030-03-10T15:00:00Z'))).toEqual({ kind: 'started' });
  });

  it('releases an unpaid hold free at any time before arrival, and leaves final bookings alone', () => {
    expect(cancellationTerms({ ...booking, status: 'held' }, rules, new Date('2030-03-09T10:00:00Z')).kind).toBe('free');
    expect(cancellationTerms({ ...booking, status: 'cancelled' }, rules, new Date('2030-03-01T10:00:00Z'))).toEqual({
      kind: 'final',
      status: 'cancelled',
    });
  });
});
