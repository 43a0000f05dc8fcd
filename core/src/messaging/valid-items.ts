import type { z } from 'zod';
import type { SkippedItems } from './skipped-items';

/**
 * Once a webhook has this many ignored items, the rest of its lists are ignored without being
 * checked: a body of a million malformed items is garbage, and checking each one would hold
 * the event loop for seconds.
 */
export const MAX_IGNORED_ITEMS = 1000;

/** An item that passed its schema, and the provider's original, kept raw in the message log. */
export interface ValidItem<T> {
  readonly item: T;
  readonly raw: unknown;
  readonly index: number;
}

type Example = Readonly<Record<string, unknown>>;

/** By default an ignored item is shown by its own `id`, when it has one. */
function idExample(raw: unknown): Example {
  return typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'id') ? { id: (raw as { id: unknown }).id } : {};
}

/**
 * Checks each item of a batch list against its schema, keeping the good ones and recording the
 * bad ones in `skipped` — one malformed item must not cost the others. A missing list is
 * empty; something that is not a list at all (a string, a number) is one ignored item, never
 * iterated character by character.
 */
export function validItems<T>(
  list: unknown,
  schema: z.ZodType<T>,
  what: string,
  skipped: SkippedItems,
  exampleOf: (raw: unknown) => Example = idExample,
): ValidItem<T>[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    skipped.addMalformed(`${what} list is not an array`, { found: list });
    return [];
  }
  const valid: ValidItem<T>[] = [];
  for (let index = 0; index < list.length; index += 1) {
    const raw: unknown = list[index];
    if (skipped.count >= MAX_IGNORED_ITEMS) {
      skipped.addMalformed(`${what} not checked: too many ignored items in this webhook`);
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) valid.push({ item: parsed.data, raw, index });
    else skipped.addMalformed(malformed(what, parsed.error), { index, ...exampleOf(raw) });
  }
  return valid;
}

/**
 * Checks one item against its schema; a malformed one is recorded in `skipped` and comes back
 * undefined. For a webhook that is a single item (Twilio, Green API) and for one part of a batch.
 */
export function validItem<T>(raw: unknown, schema: z.ZodType<T>, what: string, skipped: SkippedItems, example?: Example): T | undefined {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  skipped.addMalformed(malformed(what, parsed.error), example ?? idExample(raw));
  return undefined;
}

function malformed(what: string, error: z.ZodError): string {
  return `malformed ${what}: ${issueOf(error)}`;
}

/**
 * The first issue as a short, bounded phrase: the schema path (list positions as `[]`, so one
 * reason covers every item with the same fault) and what was wrong, never the offending value.
 */
export function issueOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map((p) => (typeof p === 'number' ? '[]' : String(p))).join('.');
  return path ? `${path} ${issue.code}` : issue.code;
}
