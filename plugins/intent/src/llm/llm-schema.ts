import { z, type IntentDefinition } from '@hotello/core';
import { ROOM_TYPES, type SlotName } from '../slots/slot-types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the model may return for each built-in slot; anything else fails validation. */
const SLOT_SCHEMAS: Readonly<Record<SlotName, z.ZodType>> = {
  checkIn: z.string().regex(ISO_DATE).describe('check-in date, YYYY-MM-DD'),
  checkOut: z.string().regex(ISO_DATE).describe('check-out date, YYYY-MM-DD'),
  nights: z.number().int().describe('number of nights'),
  adults: z.number().int().describe('number of adults'),
  children: z.number().int().describe('number of children'),
  roomType: z.enum(ROOM_TYPES).describe('room type'),
  budget: z
    .object({
      amount: z.number(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .describe('ISO 4217 code'),
      per: z.enum(['night', 'stay']).optional(),
    })
    .describe('budget the guest mentioned'),
  bookingRef: z
    .string()
    .regex(/^[A-Za-z0-9-]{4,20}$/)
    .describe('booking reference code'),
  email: z.email().describe('e-mail address'),
};

/** Slots other plugins declared: short plain strings only. */
const OTHER_SLOT = z.string().max(80);

/**
 * The structured output schema for one hotel: the intent must be one of the intents on at that
 * hotel (or "none"), and slots only those they declare, each with a strict type. Whatever a guest
 * writes ("ignore your instructions and …"), an answer outside this shape is rejected.
 */
export function buildOutputSchema(intents: readonly IntentDefinition[]) {
  const names = intents.map((i) => i.name);
  const slotNames = [...new Set(intents.flatMap((i) => i.slots))].sort();
  const slotShape: Record<string, z.ZodType> = {};
  for (const name of slotNames) slotShape[name] = (SLOT_SCHEMAS[name as SlotName] ?? OTHER_SLOT).optional();
  return z
    .object({
      intent: z.enum(['none', ...names] as [string, ...string[]]).describe('the one intent the message expresses, or "none"'),
      confidence: z.number().min(0).max(1).describe('how sure you are, 0..1'),
      // Unknown keys are dropped, never passed on: a model talked into adding `admin: true` gains nothing.
      slots: z.object(slotShape).optional().describe('values the guest stated; omit what was not said'),
    })
    .describe('Classification of one hotel guest message');
}

export type LlmOutput = z.output<ReturnType<typeof buildOutputSchema>>;
