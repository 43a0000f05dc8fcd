import type { SlotError } from '@hotello/core';
import { boundedText } from '../text/bounded';
import { extractBudget } from './budget';
import { todayIn } from './calendar';
import { extractDates } from './dates';
import { extractEmail } from './email';
import { extractGuests } from './guests';
import { extractNights } from './nights';
import { extractReference } from './reference';
import { extractRoomType } from './room-type';
import { mask, slotText, type Span } from './slot-text';
import type { ROOM_TYPES, SlotName, SlotValues } from './slot-types';
import { validateStay } from './validate-stay';

export interface SlotContext {
  readonly now: Date;
  /** The hotel's IANA time zone: "tomorrow" and "this weekend" are its days. */
  readonly timeZone: string;
  readonly language: string;
  readonly bookingRefPattern: RegExp;
  readonly roomTypes?: Partial<Record<(typeof ROOM_TYPES)[number], readonly string[]>>;
  readonly defaultCurrency?: string;
}

export interface SlotExtraction {
  readonly slots: SlotValues;
  readonly errors: SlotError[];
  /** The text with every slot value blanked out: what is left to say what the guest wants. */
  readonly residual?: string;
}

/**
 * Extracts every built-in slot from a guest message. Extractors run from the most specific
 * (e-mail, reference, money, counts) to the most general (dates), each masking what it used, so
 * "2 adults" is never read as the 2nd and "HTL-2025" never as a year. Only the first
 * READ_CHARS characters are read, so the cost is bounded whatever the length of the message.
 */
export function extractSlots(text: string, ctx: SlotContext): SlotExtraction {
  const prepared = slotText(boundedText(text));
  const spans: Span[] = [];
  const slots: SlotValues = {};
  const errors: SlotError[] = [];

  const email = extractEmail(prepared.folded);
  if (email.email) slots.email = email.email;
  if (email.invalid) errors.push({ slot: 'email', code: 'invalid_email', message: `"${email.invalid}" is not an e-mail address` });
  spans.push(...email.spans);

  const reference = extractReference(mask(prepared.folded, spans), ctx.bookingRefPattern);
  if (reference.bookingRef) slots.bookingRef = reference.bookingRef;
  spans.push(...reference.spans);

  const budget = extractBudget(mask(prepared.folded, spans), ctx.defaultCurrency);
  if (budget.budget) {
    if (budget.budget.amount <= 0) errors.push({ slot: 'budget', code: 'budget_not_positive', message: 'a budget must be more than zero' });
    else slots.budget = budget.budget;
  }
  spans.push(...budget.spans);

  const guests = extractGuests(mask(prepared.folded, spans), ctx.language);
  spans.push(...guests.spans);
  const nights = extractNights(mask(prepared.folded, spans), ctx.language);
  spans.push(...nights.spans);

  const roomType = extractRoomType(mask(prepared.folded, spans), ctx.roomTypes);
  if (roomType) slots.roomType = roomType;

  const masked = { original: mask(prepared.original, spans), folded: mask(prepared.folded, spans) };
  const dates = extractDates(masked, { now: ctx.now, timeZone: ctx.timeZone, language: ctx.language });
  const stay = validateStay(
    {
      mentions: dates.mentions,
      invalidDates: dates.invalid,
      nights: nights.nights,
      adults: guests.adults,
      children: guests.children,
      people: guests.people,
      childrenIncluded: guests.childrenIncluded,
    },
    todayIn(ctx.timeZone, ctx.now),
  );
  Object.assign(slots, stay.slots);
  errors.push(...stay.errors);
  const residual = mask(
    masked.original,
    dates.mentions.map((m) => m.span),
  ).trim();
  return { slots, errors, residual };
}

/** Keeps the slots (and their errors) an intent declared; other plugins' names pass through untouched. */
export function pickSlots(extraction: SlotExtraction, names: readonly string[] | undefined): SlotExtraction {
  if (!names) return extraction;
  const keep = new Set(names);
  // checkIn/checkOut/nights are one concept: an intent with any of them hears about all date errors.
  const stay = ['checkIn', 'checkOut', 'nights'];
  if (stay.some((s) => keep.has(s))) stay.forEach((s) => keep.add(s));
  const slots: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(extraction.slots)) if (keep.has(k as SlotName)) slots[k] = v;
  return { slots: slots as SlotValues, errors: extraction.errors.filter((e) => keep.has(e.slot)), residual: extraction.residual };
}
