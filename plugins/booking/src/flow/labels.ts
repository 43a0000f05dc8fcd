import type { TurnContext } from '@hotello/core';
import type { Booking, Offer } from '../domain/booking';
import { formatDate, nightsBetween } from '../domain/calendar';
import { localize, type LocalizedText } from '../domain/localized-text';
import type { Money } from '../domain/money';
import { NAMESPACE } from '../i18n/texts';

/** Turns booking values into the words of the guest's language. */
export class Labels {
  constructor(private readonly ctx: TurnContext) {}

  private t(key: string, vars?: Record<string, string | number | undefined>): string {
    return this.ctx.t(key, vars, NAMESPACE);
  }

  private plural(base: string, count: number): string {
    const rule = new Intl.PluralRules(this.ctx.language).select(count);
    return this.t(`${base}_${rule === 'one' ? 'one' : 'other'}`, { count });
  }

  date(date: string): string {
    return formatDate(date, this.ctx.language);
  }

  instant(at: Date): string {
    return new Intl.DateTimeFormat(this.ctx.language, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: this.ctx.hotel.timezone,
    }).format(at);
  }

  money(money: Money): string {
    return new Intl.NumberFormat(this.ctx.language, { style: 'currency', currency: money.currency }).format(money.amount);
  }

  nights(checkIn: string, checkOut: string): string {
    return this.plural('nights', nightsBetween(checkIn, checkOut));
  }

  guests(adults: number, children = 0): string {
    const parts = [this.plural('adults', adults)];
    if (children > 0) parts.push(this.plural('children', children));
    return parts.join(', ');
  }

  room(name: LocalizedText | string | undefined, fallback: string): string {
    return localize(name, this.ctx.language, this.ctx.hotel.defaultLanguage) || fallback;
  }

  offerRow(offer: Offer): { id: string; title: string; description: string } {
    const perNight = {
      amount: Math.round((offer.total.amount / Math.max(1, offer.nightly.length)) * 100) / 100,
      currency: offer.total.currency,
    };
    return {
      id: `room:${offer.roomType}`,
      title: this.room(offer.name, offer.roomType),
      description: this.t('room_row', { total: this.money(offer.total), perNight: this.money(perNight) }),
    };
  }

  status(status: Booking['status']): string {
    return this.t(`status_${status}`);
  }

  /** Variables every booking text can use. */
  booking(booking: Booking): Record<string, string> {
    return {
      reference: booking.reference,
      room: this.room(booking.roomName, booking.roomType),
      checkIn: this.date(booking.checkIn),
      checkOut: this.date(booking.checkOut),
      nights: this.nights(booking.checkIn, booking.checkOut),
      guests: this.guests(booking.adults, booking.children),
      total: this.money(booking.total),
      status: this.status(booking.status),
    };
  }
}
