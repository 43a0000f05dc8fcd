// Loads core's declarations before this augmentation (see events.ts).
import type {} from '@hotello/core';
import type { SlotValues } from './slot-types';

/**
 * The slots this plugin extracts, as every flow reads them from `ctx.intent.slots`: booking
 * reads `slots.checkIn` as a `YYYY-MM-DD` string without guessing.
 */
declare module '@hotello/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the merge is the point: it adds SlotValues' fields
  interface IntentSlots extends SlotValues {}
}
