import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** Suffixes WhatsApp-Web-based providers (Green API) put after a person's number. */
const PERSONAL_CHAT_SUFFIX = /@(?:c\.us|s\.whatsapp\.net)$/i;
/** Anything else after an `@` is a group, a broadcast list or a newsletter: not one guest. */
const OTHER_CHAT_SUFFIX = /@[a-z.]+$/i;

/**
 * Normalises a guest's number as providers spell it — `whatsapp:+254700000001` (Twilio),
 * `254700000001@c.us` (Green API), `254700000001` (Cloud API `wa_id`), `+254 700 000 001`,
 * `00254700000001` — to E.164 (`+254700000001`). Returns null when it is not a phone number.
 *
 * "Possible" (right length for a real country code) is the bar, not "valid": validity depends on
 * numbering-plan metadata that lags behind new ranges, and the provider has already proven the
 * number exists on WhatsApp — rejecting it would silently drop a real guest.
 */
export function toE164(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  let value = String(raw).trim();
  if (value.toLowerCase().startsWith('whatsapp:')) value = value.slice('whatsapp:'.length);
  if (PERSONAL_CHAT_SUFFIX.test(value)) value = value.replace(PERSONAL_CHAT_SUFFIX, '');
  else if (OTHER_CHAT_SUFFIX.test(value)) return null;
  value = value.replace(/[\s().-]/g, '');
  if (value.startsWith('00')) value = `+${value.slice(2)}`;
  if (/^\d+$/.test(value)) value = `+${value}`;
  if (!/^\+\d{4,15}$/.test(value)) return null;
  const phone = parsePhoneNumberFromString(value);
  if (!phone || !phone.isPossible()) return null;
  return phone.number;
}

/** The digits of an E.164 number without `+`, as Green API chat ids and some APIs want them. */
export function e164Digits(e164: string): string {
  return e164.replace(/^\+/, '');
}
