import { bookingEventId } from '../booking-event-id';
import type { FlowStepContext, StepOutcome } from '@hotello/core';
import { BookingNotFoundError } from '../backend/booking-backend';
import type { BookingService } from '../booking-service';
import type { Booking } from '../domain/booking';
import type { BookingOptions } from '../options';
import { findReference } from './guest-words';
import { Labels } from './labels';

type Ctx = FlowStepContext<BookingOptions>;

/** "My bookings" and "cancel ABC1234": a guest only ever sees and cancels their own bookings at this hotel. */
export class ManageTurn {
  private readonly labels: Labels;

  constructor(
    private readonly ctx: Ctx,
    private readonly service: BookingService,
  ) {
    this.labels = new Labels(ctx);
  }

  private get hotelId(): string {
    return this.ctx.hotel.id;
  }

  private referenceInMessage(): string | undefined {
    const { ctx } = this;
    if (ctx.choiceId?.startsWith('booking:')) return ctx.choiceId.slice('booking:'.length);
    const slot = ctx.intent?.slots.bookingRef;
    return slot !== undefined ? slot.replace('-', '').toUpperCase() : findReference(ctx.text);
  }

  /** Lists the guest's upcoming bookings; `introKey` says what the list is for. */
  async list(introKey: 'my_bookings' | 'cancel_which'): Promise<StepOutcome> {
    const { ctx } = this;
    const bookings = await this.service.upcomingFor(this.hotelId, ctx.identity);
    if (bookings.length === 0) return ctx.say.buttons('my_bookings_none', ['book_room']).end();
    const labelled = bookings.map((b) => ({ reference: b.reference, vars: this.labels.booking(b) }));
    const lines = labelled.map(({ vars }) => ctx.t('booking_line', vars, 'booking')).join('\n');
    const rows = labelled.slice(0, 10).map(({ reference, vars }) => ({
      id: `booking:${reference}`,
      title: reference,
      description: ctx.t('booking_row', vars, 'booking'),
    }));
    return ctx.say.list(introKey, 'bookings_button', [{ rows }], { lines }).next('pick');
  }

  /** `cancel_booking` started: straight to the confirmation when a reference was given. */
  async startCancel(): Promise<StepOutcome> {
    const reference = this.referenceInMessage();
    return reference ? this.offerCancel(reference) : this.list('cancel_which');
  }

  /** A booking tapped in the list or a reference typed; anything else is someone else's business. */
  async pick(): Promise<StepOutcome | void> {
    const reference = this.referenceInMessage();
    if (reference) return this.offerCancel(reference);
  }

  private async offerCancel(reference: string): Promise<StepOutcome> {
    const { ctx } = this;
    const booking = await this.service.findOwn(this.hotelId, reference, ctx.identity);
    if (!booking) return ctx.say('cancel_not_found', { reference, hotel: ctx.hotel.name }).end();
    const vars = this.labels.booking(booking);
    const terms = this.service.cancellationTerms(this.hotelId, booking);
    switch (terms.kind) {
      case 'final':
        return ctx.say('cancel_final', vars).end();
      case 'started':
        return ctx.say.buttons('cancel_started', ['talk_to_person'], vars).end();
      case 'refused':
        return ctx.say.buttons('cancel_refused', ['talk_to_person'], { ...vars, freeUntil: this.labels.instant(terms.freeUntil) }).end();
      case 'free':
        ctx.update({ slots: { bookingRef: booking.reference } });
        return ctx.say.buttons('cancel_confirm_free', ['cancel_yes', 'cancel_no'], vars).next('confirm');
      case 'fee':
        ctx.update({ slots: { bookingRef: booking.reference } });
        return ctx.say
          .buttons('cancel_confirm_fee', ['cancel_yes', 'cancel_no'], { ...vars, fee: this.labels.money(terms.fee) })
          .next('confirm');
    }
  }

  /** The guest answered "cancel it?". */
  async confirm(): Promise<StepOutcome | void> {
    const { ctx } = this;
    const reference = typeof ctx.slots.bookingRef === 'string' ? ctx.slots.bookingRef : undefined;
    if (!reference) return this.pick();
    if (ctx.choiceId === 'cancel_no') return ctx.say('kept', { reference }).end();
    if (ctx.choiceId !== 'cancel_yes') {
      const other = this.referenceInMessage();
      return other && other !== reference ? this.offerCancel(other) : undefined;
    }
    try {
      const { booking, terms } = await this.service.cancelOwn(this.hotelId, reference, ctx.identity);
      const vars = this.labels.booking(booking);
      if (terms.kind === 'free' || terms.kind === 'fee') {
        const fee = terms.kind === 'fee' ? terms.fee : undefined;
        // The same id as the built-in backend's record of the cancellation: listeners get it once.
        ctx.emit(
          'booking.cancelled',
          { hotelId: this.hotelId, booking, by: 'guest', ...(fee ? { fee } : {}) },
          { id: bookingEventId('booking.cancelled', booking.reference) },
        );
        return fee ? ctx.say('cancelled_fee', { ...vars, fee: this.labels.money(fee) }).end() : ctx.say('cancelled', vars).end();
      }
      return this.explainNotCancelled(booking, terms.kind === 'final' ? 'cancel_final' : 'cancel_started');
    } catch (err) {
      if (err instanceof BookingNotFoundError) return ctx.say('cancel_not_found', { reference, hotel: ctx.hotel.name }).end();
      throw err;
    }
  }

  private explainNotCancelled(booking: Booking, key: 'cancel_final' | 'cancel_started'): StepOutcome {
    return this.ctx.say(key, this.labels.booking(booking)).end();
  }
}
