import { toE164 } from '../messaging/phone';
import { UnknownGuestError } from './errors';

/** The guest's number in E.164, as the store keys conversations; anything else is refused by name. */
export function guestNumber(hotelId: string, guest: unknown): string {
  const e164 = typeof guest === 'string' ? toE164(guest) : null;
  if (!e164)
    throw new UnknownGuestError(hotelId, `guest ${JSON.stringify(guest)} is not a phone number (expected E.164 such as +254700000001)`);
  return e164;
}
