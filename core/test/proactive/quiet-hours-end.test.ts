import { hotelSchema } from '../../src/config/config-schema';
import { HotelDirectory } from '../../src/kernel/hotel-directory';
import { quietHoursEnd } from '../../src/proactive/quiet-hours-end';

function hotel(fields: Record<string, unknown>) {
  return new HotelDirectory([hotelSchema.parse({ id: 'h', name: 'H', ...fields })], [], []).get('h')!;
}

describe('quietHoursEnd', () => {
  it('is the end of a window that crosses midnight, on the hotel clock', () => {
    const h = hotel({ timezone: 'Africa/Nairobi', quietHours: { from: '22:00', to: '07:00' } }); // UTC+3
    expect(quietHoursEnd(h, new Date('2030-01-01T20:15:42Z'))).toEqual(new Date('2030-01-02T04:00:00Z'));
    expect(quietHoursEnd(h, new Date('2030-01-02T02:00:00Z'))).toEqual(new Date('2030-01-02T04:00:00Z'));
  });

  it('is the end of a same-day window', () => {
    const h = hotel({ quietHours: { from: '13:00', to: '15:30' } });
    expect(quietHoursEnd(h, new Date('2030-01-01T13:00:00Z'))).toEqual(new Date('2030-01-01T15:30:00Z'));
  });

  it('is undefined outside quiet hours, and without them', () => {
    expect(quietHoursEnd(hotel({ quietHours: { from: '22:00', to: '07:00' } }), new Date('2030-01-01T07:00:00Z'))).toBeUndefined();
    expect(quietHoursEnd(hotel({}), new Date('2030-01-01T23:00:00Z'))).toBeUndefined();
  });

  it('follows a daylight-saving change that falls inside the window', () => {
    // Lisbon springs forward at 01:00 UTC on 31 March 2030: 07:00 local is then 06:00 UTC.
    const h = hotel({ timezone: 'Europe/Lisbon', quietHours: { from: '22:00', to: '07:00' } });
    const end = quietHoursEnd(h, new Date('2030-03-30T23:00:00Z'))!;
    expect(end).toEqual(new Date('2030-03-31T06:00:00Z'));
    expect(h.inQuietHours(end)).toBe(false);
    expect(h.inQuietHours(new Date(end.getTime() - 60_000))).toBe(true);
  });
});
