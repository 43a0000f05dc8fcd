import type { BookingGuest } from './booking';

/**
 * The guest identity a booking belongs to: a guest sees, lists and cancels only bookings whose
 * owner is their own `TurnContext.identity`.
 */
export function ownerOf(guest: BookingGuest): string {
  return guest.identity ?? guest.phone;
}

/**
 * The `identity` field of a new booking's guest: none when the identity is the number (WhatsApp
 * channels), so those bookings are stored exactly as before identities existed.
 */
export function ownerFields(identity: string, phone: string): Pick<BookingGuest, 'identity'> {
  return identity === phone ? {} : { identity };
}
