import { bookingEventId } from '../booking-event-id';
import { randomUUID } from 'node:crypto';
import type { FlowStepContext, StepOutcome } from '@hotello/core';
import { RoomUnavailableError } from '../backend/booking-backend';
import type { BookingService } from '../booking-service';
import type { StayQuery } from '../domain/booking';
import { ownerFields } from '../domain/booking-owner';
import { nightsBetween } from '../domain/calendar';
import type { StayProblem } from '../domain/stay-rules';
import type { BookingOptions } from '../options';
import {
  applyUnderstood,
  readDraft,
  slotChanges,
  understoodAnything,
  understoodFrom,
  withFreshKey,
  type Draft,
  type Understood,
} from './draft';
import { asGuestName, bareNumber, saysBack } from './guest-words';
import { Labels } from './labels';

type Ctx = FlowStepContext<BookingOptions>;

/** Intents that mean "go on with the booking" rather than another question. */
const BOOKING_INTENTS = new Set(['none', 'book_room', 'check_availability']);

/** What each question step collects; "back" from a step asks the one before it again. */
const STEP_FIELDS: Readonly<Record<string, readonly (keyof Draft)[]>> = {
  checkIn: ['checkIn', 'checkOut', 'nights'],
  checkOut: ['checkOut', 'nights'],
  guests: ['adults', 'children'],
  room: ['roomType'],
  name: ['name', 'typeName'],
  email: ['email'],
};
const STEP_ORDER = ['checkIn', 'checkOut', 'guests', 'room', 'name', 'email', 'summary'];

const CHANGES: Readonly<Record<string, readonly (keyof Draft)[]>> = {
  change_dates: ['checkIn', 'checkOut', 'nights'],
  change_guests: ['adults', 'children'],
  change_room: ['roomType'],
  change_name: ['name'],
  change_email: ['email'],
};

function without(draft: Draft, fields: readonly (keyof Draft)[]): Draft {
  const next = { ...draft };
  for (const field of fields) delete next[field];
  return withFreshKey(draft, next);
}

/**
 * One message in the booking dialog. Whatever step the guest is on, what they say is applied
 * to the draft first ("make it 3 nights" works anywhere), then the first thing still missing
 * or wrong is asked — so changing, going back and coming back later all fall out of one rule.
 */
export class BookTurn {
  private readonly labels: Labels;
  private readonly before: Draft;
  private draft: Draft;

  constructor(
    private readonly ctx: Ctx,
    private readonly service: BookingService,
  ) {
    this.labels = new Labels(ctx);
    this.before = readDraft(ctx.slots);
    this.draft = this.before;
  }

  private get hotelId(): string {
    return this.ctx.hotel.id;
  }

  async run(): Promise<StepOutcome | void> {
    const { ctx } = this;
    const asked = ctx.step;
    const intent = ctx.intent;
    const choice = ctx.choiceId;

    if (asked !== 'start') {
      if (choice === 'back' || saysBack(ctx.text, ctx.t('back_words', {}, 'booking'))) return this.back(asked);
      if (choice === 'cancel' || (intent?.name === 'cancel_booking' && !intent.slots.bookingRef)) return ctx.say('abandoned').end();
    }

    const understood: Understood = understoodFrom(intent?.slots ?? {});
    let used = understoodAnything(understood);
    if (choice?.startsWith('stay:')) {
      const [, checkIn, checkOut] = choice.split(':');
      Object.assign(understood, { checkIn, checkOut });
      used = true;
    }
    if (choice === 'other_dates') {
      this.draft = without(this.draft, ['checkIn', 'checkOut']);
      used = true;
    }
    const local = await this.stepAnswer(asked, understood);
    if (local && typeof local === 'object') return local;
    used ||= local === true;

    // A question about something else: leave the booking where it is and let its handler answer.
    if (!used && asked !== 'start' && intent && !BOOKING_INTENTS.has(intent.name) && (intent.slotErrors?.length ?? 0) === 0) return;

    this.draft = applyUnderstood(this.draft, understood);
    const slotError = intent?.slotErrors?.[0];
    if (slotError) this.explainSlotError(slotError.code);
    else if (!used && asked !== 'start') {
      if (intent?.name === 'book_room' || intent?.name === 'check_availability') ctx.say('resume');
      else this.notUnderstood(asked);
    }
    try {
      return await this.advance();
    } catch (err) {
      // Keep what the guest said even when the reservation system is down: "book a room" later goes on from here.
      this.save();
      throw err;
    }
  }

  /**
   * Reads an answer only this step can make sense of (a bare "3", a name, a tap). Returns
   * true when it used the message, an outcome when it answered itself.
   */
  private async stepAnswer(asked: string, understood: Understood): Promise<boolean | StepOutcome> {
    const { ctx } = this;
    const choice = ctx.choiceId;
    const number = bareNumber(ctx.text);
    switch (asked) {
      case 'checkOut':
        if (number !== undefined && understood.nights === undefined) understood.nights = number;
        return number !== undefined;
      case 'guests':
        if (number !== undefined && understood.adults === undefined) understood.adults = number;
        return number !== undefined;
      case 'room':
        if (choice?.startsWith('room:')) {
          this.draft = withFreshKey(this.draft, { ...this.draft, roomType: choice.slice('room:'.length) });
          return true;
        }
        return false;
      case 'name':
        return this.nameAnswer();
      case 'email':
        if (!understood.email && (ctx.intent?.slotErrors.some((e) => e.code === 'invalid_email') || ctx.text?.includes('@'))) {
          ctx.say('invalid_email');
          return ctx.say('ask_email');
        }
        return false;
      case 'summary':
        if (choice === 'confirm') return this.confirm();
        if (choice === 'change') return this.offerChanges();
        return false;
      case 'change':
        if (choice && CHANGES[choice]) {
          this.draft = without(this.draft, CHANGES[choice]!);
          if (choice === 'change_name') this.draft.typeName = true;
          return true;
        }
        return false;
      default:
        return false;
    }
  }

  private nameAnswer(): boolean | StepOutcome {
    const { ctx } = this;
    const profile = this.profileName();
    if (ctx.choiceId === 'name_yes' && profile) {
      this.draft = withFreshKey(this.draft, { ...this.draft, name: profile });
      return true;
    }
    if (ctx.choiceId === 'name_other') {
      this.draft = { ...this.draft, typeName: true };
      return true;
    }
    // A keyword rule or a tapped option means the guest said something else than a name.
    if (ctx.intent && (ctx.intent.layer === 'rules' || ctx.intent.layer === 'menu') && ctx.intent.name !== 'none') return false;
    if (ctx.choiceId) return false;
    const name = asGuestName(ctx.text);
    if (name) {
      this.draft = withFreshKey(this.draft, { ...this.draft, name });
      return true;
    }
    ctx.say('invalid_name');
    return ctx.say('ask_name');
  }

  private profileName(): string | undefined {
    return this.ctx.conversation.profile.name ?? this.ctx.message.profileName ?? undefined;
  }

  private back(asked: string): Promise<StepOutcome> {
    const at = STEP_ORDER.indexOf(asked === 'change' ? 'summary' : asked);
    const previous = STEP_ORDER[Math.max(0, at - 1)]!;
    this.draft = without(this.draft, STEP_FIELDS[previous] ?? []);
    return this.advance();
  }

  private explainSlotError(code: string): void {
    const known: Record<string, string> = {
      date_in_past: 'error_date_in_past',
      invalid_date: 'error_invalid_date',
      checkout_before_checkin: 'error_checkout_not_after_checkin',
      zero_guests: 'error_zero_guests',
    };
    if (code === 'too_many_guests' || code === 'nights_out_of_range' || code === 'date_too_far') return; // checked against the hotel's own limits below
    const key = known[code];
    if (key) this.ctx.say(key, { checkIn: this.draft.checkIn ? this.labels.date(this.draft.checkIn) : '' });
  }

  private notUnderstood(asked: string): void {
    const key = { checkIn: 'not_understood_date', checkOut: 'not_understood_nights', guests: 'not_understood_guests' }[asked];
    if (key) this.ctx.say(key);
  }

  private save(): void {
    const changes = slotChanges(this.before, this.draft);
    if (Object.keys(changes).length > 0) this.ctx.update({ slots: changes });
  }

  private stayProblem(problem: StayProblem): void {
    const { ctx, draft } = this;
    const vars: Record<string, string | number> = { checkIn: draft.checkIn ? this.labels.date(draft.checkIn) : '' };
    if (problem.code === 'stay_too_long') vars.maxNights = problem.maxNights;
    if (problem.code === 'too_far_ahead') vars.lastDate = this.labels.date(problem.lastDate);
    ctx.say(`error_${problem.code}`, vars);
    if (problem.code === 'date_in_past' || problem.code === 'too_far_ahead') {
      const length = draft.checkIn && draft.checkOut ? nightsBetween(draft.checkIn, draft.checkOut) : undefined;
      this.draft = { ...without(draft, ['checkIn', 'checkOut']), ...(length && length > 0 ? { nights: length } : {}) };
    } else this.draft = without(draft, ['checkOut', 'nights']);
  }

  /** Asks for the first thing missing, or shows the summary when nothing is. */
  private async advance(): Promise<StepOutcome> {
    const { ctx, service, hotelId } = this;
    const say = ctx.say;
    if (this.draft.checkIn && this.draft.checkOut) {
      const problem = service.checkStay(hotelId, this.draft.checkIn, this.draft.checkOut);
      if (problem) this.stayProblem(problem);
    }
    if (!this.draft.checkIn) return this.ask(() => say('ask_check_in').next('checkIn'));
    if (!this.draft.checkOut) return this.ask(() => say('ask_check_out').next('checkOut'));
    if (this.draft.adults === 0) {
      say('error_zero_guests');
      this.draft = without(this.draft, ['adults']);
    }
    if (this.draft.adults === undefined) return this.ask(() => say('ask_guests').next('guests'));

    const query = this.query();
    const offers = await service.search(hotelId, query);
    const chosen = offers.find((o) => o.roomType === this.draft.roomType);
    if (!chosen) {
      this.draft = without(this.draft, ['roomType']);
      if (offers.length === 0) {
        // Only an empty search needs telling apart "no room holds you" from "nothing free".
        const party = await service.checkParty(hotelId, query.adults, query.children);
        if (party) {
          say('error_too_many_guests', { adults: party.maxAdults, children: party.maxChildren });
          this.draft = without(this.draft, ['adults', 'children']);
          return this.ask(() => say('ask_guests').next('guests'));
        }
        return this.noRooms(query);
      }
      const rows = offers.slice(0, 10).map((o) => this.labels.offerRow(o));
      return this.ask(() => say.list('choose_room', 'rooms_button', [{ rows }], this.stayVars()).next('room'));
    }

    if (!this.draft.name) {
      const profile = this.profileName();
      if (profile && !this.draft.typeName)
        return this.ask(() => say.buttons('ask_name_profile', ['name_yes', 'name_other'], { name: profile }).next('name'));
      return this.ask(() => say('ask_name').next('name'));
    }
    if (!this.draft.email) return this.ask(() => say('ask_email').next('email'));

    this.draft = { ...this.draft, key: this.draft.key ?? randomUUID() };
    const vars = {
      ...this.stayVars(),
      room: this.labels.room(chosen.name, chosen.roomType),
      name: this.draft.name,
      email: this.draft.email,
      total: this.labels.money(chosen.total),
    };
    return this.ask(() => say.buttons('summary', ['confirm', 'change', 'cancel'], vars).next('summary'));
  }

  private ask(question: () => StepOutcome): StepOutcome {
    this.save();
    return question();
  }

  private query(): StayQuery {
    return { checkIn: this.draft.checkIn!, checkOut: this.draft.checkOut!, adults: this.draft.adults!, children: this.draft.children ?? 0 };
  }

  private stayVars(): Record<string, string> {
    const { checkIn, checkOut } = this.draft;
    return {
      checkIn: this.labels.date(checkIn!),
      checkOut: this.labels.date(checkOut!),
      nights: this.labels.nights(checkIn!, checkOut!),
      guests: this.labels.guests(this.draft.adults ?? 0, this.draft.children ?? 0),
    };
  }

  private async noRooms(query: StayQuery): Promise<StepOutcome> {
    const { ctx } = this;
    ctx.say('no_rooms', this.stayVars());
    const nearby = await this.service.nearby(this.hotelId, query, 2);
    if (nearby.length === 0) {
      this.draft = without(this.draft, ['checkIn', 'checkOut']);
      return this.ask(() => ctx.say('ask_check_in').next('checkIn'));
    }
    const short = (d: string) =>
      new Intl.DateTimeFormat(ctx.language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
    const buttons = [
      ...nearby.map((n) => ({ id: `stay:${n.checkIn}:${n.checkOut}`, title: `${short(n.checkIn)} → ${short(n.checkOut)}` })),
      { id: 'other_dates', title: ctx.t('other_dates', {}, 'booking') },
    ];
    return this.ask(() => ctx.say.buttons('nearby', buttons).next('checkIn'));
  }

  private offerChanges(): StepOutcome {
    const rows = Object.keys(CHANGES).map((id) => ({ id, title: this.ctx.t(id, {}, 'booking') }));
    return this.ctx.say.list('change_what', 'change_button', [{ rows }]).next('change');
  }

  private async confirm(): Promise<StepOutcome> {
    const { ctx, service, hotelId, draft } = this;
    if (!draft.key || !draft.roomType || !draft.name || !draft.email) return this.advance();
    try {
      const booking = await service.book(
        hotelId,
        `${ctx.conversation.id}:${draft.key}`,
        { ...this.query(), roomType: draft.roomType },
        {
          phone: ctx.conversation.guest,
          ...ownerFields(ctx.identity, ctx.conversation.guest),
          name: draft.name,
          email: draft.email,
          channelId: ctx.conversation.channelId,
          language: ctx.language,
        },
      );
      const vars = this.labels.booking(booking);
      if (booking.status === 'held' && booking.holdExpiresAt) {
        ctx.emit(
          'booking.held',
          { hotelId, booking, expiresAt: booking.holdExpiresAt },
          { id: bookingEventId('booking.held', booking.reference) },
        );
        return ctx.say('held', { ...vars, until: this.labels.instant(booking.holdExpiresAt) }).end();
      }
      ctx.emit('booking.confirmed', { hotelId, booking }, { id: bookingEventId('booking.confirmed', booking.reference) });
      const terms = service.cancellationTerms(hotelId, booking);
      const free =
        terms.kind === 'free' ? ` ${ctx.t('free_cancellation', { freeUntil: this.labels.instant(terms.freeUntil) }, 'booking')}` : '';
      return ctx.say.text(`${ctx.t('confirmed', vars, 'booking')}${free}`).end();
    } catch (err) {
      if (err instanceof RoomUnavailableError) {
        ctx.say('just_taken');
        this.draft = without(this.draft, ['roomType', 'key']);
        return this.advance();
      }
      throw err;
    }
  }
}
