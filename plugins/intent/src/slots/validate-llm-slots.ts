import type { SlotError } from '@hotello/core';
import type { CivilDate } from './calendar';
import { isEmailAddress } from './email';
import { isSlotName, type Budget, type SlotValues } from './slot-types';
import { validateStay } from './validate-stay';

/**
 * Slots an LLM returned, held to the same rules as the plugin's own extraction: only those the
 * chosen intent declares survive, dates go through the same past/order/mismatch checks, and
 * impossible values become errors. The schema already fixed their types.
 */
export function validateLlmSlots(
  raw: Readonly<Record<string, unknown>> | undefined,
  declared: readonly string[],
  today: CivilDate,
): { slots: Record<string, unknown>; errors: SlotError[] } {
  const allowed = new Set(declared);
  const given = Object.fromEntries(Object.entries(raw ?? {}).filter(([k, v]) => allowed.has(k) && v !== undefined && v !== null));
  const out: Record<string, unknown> = {};
  const errors: SlotError[] = [];

  const checkIn = given.checkIn as string | undefined;
  const checkOut = given.checkOut as string | undefined;
  const mentions = checkIn ? [{ start: checkIn, ...(checkOut ? { end: checkOut } : {}), span: { start: 0, end: 0 } }] : [];
  const stay = validateStay(
    {
      mentions,
      invalidDates: [],
      nights: given.nights as number | undefined,
      adults: given.adults as number | undefined,
      children: given.children as number | undefined,
    },
    today,
  );
  const stayValues: SlotValues = stay.slots;
  for (const key of ['checkIn', 'checkOut', 'nights', 'adults', 'children'] as const) {
    if (stayValues[key] !== undefined && allowed.has(key)) out[key] = stayValues[key];
  }
  errors.push(...stay.errors.filter((e) => allowed.has(e.slot)));

  for (const [key, value] of Object.entries(given)) {
    if (['checkIn', 'checkOut', 'nights', 'adults', 'children'].includes(key)) continue;
    if (key === 'budget') {
      const budget = value as Budget;
      if (budget.amount <= 0) errors.push({ slot: 'budget', code: 'budget_not_positive', message: 'a budget must be more than zero' });
      else out.budget = budget;
    } else if (key === 'bookingRef') out.bookingRef = String(value).toUpperCase();
    else if (key === 'email') {
      // The model may copy whatever the guest typed; an address no mail server takes is an error here too.
      const email = String(value).toLowerCase();
      if (isEmailAddress(email)) out.email = email;
      else errors.push({ slot: 'email', code: 'invalid_email', message: 'not an e-mail address' });
    } else if (isSlotName(key) || typeof value === 'string') out[key] = value;
  }
  return { slots: out, errors };
}
