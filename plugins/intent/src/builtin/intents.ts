import type { SlotName } from '../slots/slot-types';

/** The hotel basics the intent plugin declares; other plugins handle most of them. */
export const BUILTIN_INTENTS = [
  'greeting',
  'help_menu',
  'book_room',
  'check_availability',
  'my_bookings',
  'cancel_booking',
  'payment_help',
  'faq_question',
  'complaint',
  'talk_to_person',
  'thanks_goodbye',
] as const;

export type BuiltinIntent = (typeof BUILTIN_INTENTS)[number];

const STAY: readonly SlotName[] = ['checkIn', 'checkOut', 'nights', 'adults', 'children', 'roomType', 'budget'];

/** Slots each built-in intent takes; a booking plugin can rely on these being extracted. */
export const BUILTIN_SLOTS: Readonly<Record<BuiltinIntent, readonly SlotName[]>> = {
  greeting: [],
  help_menu: [],
  book_room: STAY,
  check_availability: STAY,
  my_bookings: ['bookingRef', 'email'],
  cancel_booking: ['bookingRef', 'email'],
  payment_help: ['bookingRef', 'email'],
  faq_question: [],
  complaint: ['bookingRef'],
  talk_to_person: [],
  thanks_goodbye: [],
};

/** Message key (in the `intent` namespace) of each intent's short title for menus and buttons. */
export function titleKey(intent: string): string {
  return `title_${intent}`;
}

/** The intents the intent plugin answers itself. */
export const OWN_HANDLERS = ['greeting', 'help_menu', 'thanks_goodbye', 'talk_to_person'] as const;

/** What the main menu offers by default, best first; only those that work at a hotel are shown. */
export const DEFAULT_MENU: readonly string[] = [
  'book_room',
  'check_availability',
  'my_bookings',
  'cancel_booking',
  'payment_help',
  'faq_question',
  'talk_to_person',
];
