import { HotelDirectory } from '../../src/kernel/hotel-directory';
import type { HotelConfig } from '../../src/config/config-schema';

// Quiet hours are a question asked of the hotel, so core's handoff and every plugin answer it the same way.

function hotel(config: Partial<HotelConfig>) {
  const base = { id: 'h', name: 'H', timezone: 'Africa/Nairobi', defaultLanguage: 'en', ...config } as HotelConfig;
  return new HotelDirectory([base], [], []).get('h')!;
}

/** 2030-03-05 at `hh:mm` in Nairobi (UTC+3, no daylight saving). */
const nairobi = (clock: string) => new Date(`2030-03-05T${clock}:00+03:00`);

describe('Hotel.inQuietHours', () => {
  it('is never quiet without quiet hours', () => {
    expect(hotel({}).inQuietHours(nairobi('03:00'))).toBe(false);
  });

  it.each([
    ['21:59', false],
    ['22:00', true],
    ['23:59', true],
    ['00:00', true],
    ['06:59', true],
    ['07:00', false],
    ['12:00', false],
  ])('a window across midnight (22:00–07:00): %s is quiet → %s', (clock, quiet) => {
    expect(hotel({ quietHours: { from: '22:00', to: '07:00' } }).inQuietHours(nairobi(clock))).toBe(quiet);
  });

  it.each([
    ['12:59', false],
    ['13:00', true],
    ['14:59', true],
    ['15:00', false],
  ])('a window within a day (13:00–15:00): %s is quiet → %s', (clock, quiet) => {
    expect(hotel({ quietHours: { from: '13:00', to: '15:00' } }).inQuietHours(nairobi(clock))).toBe(quiet);
  });

  it("reads the hotel's own clock, not the server's", () => {
    const lima = hotel({ timezone: 'America/Lima', quietHours: { from: '22:00', to: '07:00' } });
    // 23:00 in Nairobi is 15:00 in Lima.
    expect(lima.inQuietHours(nairobi('23:00'))).toBe(false);
    expect(hotel({ quietHours: { from: '22:00', to: '07:00' } }).inQuietHours(nairobi('23:00'))).toBe(true);
  });

  it('defaults to now, and stays out of JSON and equality so a hotel still reads as its config', () => {
    const always = hotel({ quietHours: { from: '00:00', to: '23:59' } });
    expect(typeof always.inQuietHours()).toBe('boolean');
    expect(Object.keys(always)).not.toContain('inQuietHours');
    expect(JSON.parse(JSON.stringify(always))).not.toHaveProperty('inQuietHours');
  });
});
