import type { IntentSlotValues } from '@hotello/core';
import { addDays, isCalendarDate, nightsBetween } from '../domain/calendar';

/** A booking being put together; it lives in the conversation's flow slots between messages. */
export interface Draft {
  checkIn?: string;
  checkOut?: string;
  /** Nights the guest gave before a check-in date; turned into `checkOut` once there is one. */
  nights?: number;
  adults?: number;
  children?: number;
  roomType?: string;
  name?: string;
  email?: string;
  /** The guest declined the WhatsApp profile name and is asked to type one. */
  typeName?: boolean;
  /** Idempotency key of the summary the guest is looking at; a new one after any change. */
  key?: string;
}

const FIELDS: readonly (keyof Draft)[] = [
  'checkIn',
  'checkOut',
  'nights',
  'adults',
  'children',
  'roomType',
  'name',
  'email',
  'typeName',
  'key',
];

const positiveInt = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);

/** Reads a draft back from slots, dropping anything malformed (slots are plain stored data). */
export function readDraft(slots: Readonly<Record<string, unknown>>): Draft {
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
  return {
    checkIn: isCalendarDate(slots.checkIn) ? slots.checkIn : undefined,
    checkOut: isCalendarDate(slots.checkOut) ? slots.checkOut : undefined,
    nights: positiveInt(slots.nights),
    adults: positiveInt(slots.adults),
    children: positiveInt(slots.children),
    roomType: text(slots.roomType),
    name: text(slots.name),
    email: text(slots.email),
    typeName: slots.typeName === true ? true : undefined,
    key: text(slots.key),
  };
}

/** Slot changes turning `before` into `after` (`null` removes a slot). */
export function slotChanges(before: Draft, after: Draft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) if (before[field] !== after[field]) out[field] = after[field] ?? null;
  return out;
}

/** What the intent plugin understood in a message, as far as a booking cares. */
export interface Understood {
  checkIn?: string;
  checkOut?: string;
  nights?: number;
  adults?: number;
  children?: number;
  roomType?: string;
  email?: string;
}

/**
 * RFC 5321's longest address. Whoever filled the slot (the intent plugin, an LLM, another
 * classifier), a longer one is no address: the email step asks again instead of putting it in
 * the summary, whose text would then exceed what WhatsApp (and the outbox) accept.
 */
const MAX_EMAIL_LENGTH = 254;

/** What the guest's message said, from the intent plugin's typed slots (validated where it extracted them). */
export function understoodFrom(slots: IntentSlotValues): Understood {
  return {
    checkIn: slots.checkIn,
    checkOut: slots.checkOut,
    nights: slots.nights,
    adults: slots.adults,
    children: slots.children,
    roomType: slots.roomType,
    email: slots.email !== undefined && slots.email.length <= MAX_EMAIL_LENGTH ? slots.email : undefined,
  };
}

export function understoodAnything(u: Understood): boolean {
  return Object.values(u).some((v) => v !== undefined);
}

/**
 * Applies what the guest just said. A new check-in keeps the stay's length ("make it next
 * Friday"), a number of nights moves the check-out ("make it 3 nights"), and any change to
 * the stay or the party invalidates the summary's idempotency key.
 */
export function applyUnderstood(draft: Draft, u: Understood): Draft {
  const next: Draft = { ...draft };
  const length = draft.checkIn && draft.checkOut ? nightsBetween(draft.checkIn, draft.checkOut) : draft.nights;
  if (u.checkIn) {
    next.checkIn = u.checkIn;
    if (u.checkOut) next.checkOut = u.checkOut;
    else if (u.nights) next.checkOut = addDays(u.checkIn, u.nights);
    else next.checkOut = length ? addDays(u.checkIn, length) : undefined;
    next.nights = undefined;
  } else if (u.checkOut) {
    next.checkOut = u.checkOut;
    next.nights = undefined;
  } else if (u.nights) {
    if (next.checkIn) next.checkOut = addDays(next.checkIn, u.nights);
    else next.nights = u.nights;
  }
  if (next.checkIn && !next.checkOut && next.nights) {
    next.checkOut = addDays(next.checkIn, next.nights);
    next.nights = undefined;
  }
  if (u.adults !== undefined) next.adults = u.adults;
  if (u.children !== undefined) next.children = u.children;
  if (u.roomType) next.roomType = u.roomType;
  if (u.email) next.email = u.email;
  return withFreshKey(draft, next);
}

/** Drops the idempotency key when what would be booked changed. */
export function withFreshKey(before: Draft, after: Draft): Draft {
  const same = (['checkIn', 'checkOut', 'adults', 'children', 'roomType', 'name', 'email'] as const).every((f) => before[f] === after[f]);
  return same ? after : { ...after, key: undefined };
}
