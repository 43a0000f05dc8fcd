import type { RoomTypeOptions, SeasonOptions } from '../options';
import { nightsOf, weekdayOf } from './calendar';
import type { NightlyRate } from './booking';
import { sumMoney, type Money } from './money';

/** Whether a night falls in a season (`MM-DD` seasons repeat every year and may wrap past New Year). */
export function inSeason(date: string, season: Pick<SeasonOptions, 'from' | 'to'>): boolean {
  if (season.from.length === 10) return date >= season.from && date <= season.to;
  const monthDay = date.slice(5);
  return season.from <= season.to ? monthDay >= season.from && monthDay <= season.to : monthDay >= season.from || monthDay <= season.to;
}

/** A night's rate: the last matching season wins over the base; weekday rates win within each. */
export function nightlyRate(room: RoomTypeOptions, date: string): number {
  const weekday = weekdayOf(date);
  let amount = room.weekdayRates?.[weekday] ?? room.rate;
  for (const season of room.seasons) {
    if (!inSeason(date, season)) continue;
    amount = season.weekdayRates?.[weekday] ?? season.rate ?? amount;
  }
  return amount;
}

/** The fewest nights a stay starting on `checkIn` may have. */
export function minimumStay(room: RoomTypeOptions, checkIn: string): number {
  return room.seasons.filter((s) => inSeason(checkIn, s)).reduce((min, s) => Math.max(min, s.minStay ?? 0), room.minStay);
}

export interface Quote {
  readonly total: Money;
  readonly nightly: readonly NightlyRate[];
}

/** A stay's price: the sum of its nights' rates. */
export function quoteStay(room: RoomTypeOptions, checkIn: string, checkOut: string, defaultCurrency: string): Quote {
  const nightly = nightsOf(checkIn, checkOut).map((date) => ({ date, amount: nightlyRate(room, date) }));
  return {
    nightly,
    total: sumMoney(
      nightly.map((n) => n.amount),
      room.currency ?? defaultCurrency,
    ),
  };
}
