/*
 * The channels plugins share inside a turn, typed the way events are: an empty interface here,
 * filled by each plugin through declaration merging (`declare module '@hotello/core' { … }`), so
 * a reader of a value sees the type its writer declared and a typo is a compile error.
 */

/**
 * Slot values an understanding plugin extracts from a guest's words (`ctx.intent.slots`), by
 * slot name. The plugin that extracts a slot declares its type here (the intent plugin:
 * `checkIn`, `adults`, `bookingRef`, …); flows read `ctx.intent?.slots.checkIn` as `string | undefined`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface IntentSlots {}

/**
 * What each plugin keeps per conversation, by plugin name: `{ 'late-checkout': { offeredAt?: string } }`.
 * Read with `ctx.dataOf('late-checkout')`, write with `ctx.update({ data: { 'late-checkout': { … } } })`.
 * Stored values outlive deploys: declare every field optional.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface ConversationData {}

/**
 * Scratch values middleware of one turn hands to later middleware and handlers, by plugin name:
 * `{ sentiment: { score: number } }`. Nothing here is saved.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface TurnState {}

/** Slot values as a turn sees them: the declared ones typed, any other (LLM-filled) unknown. */
export type IntentSlotValues = Readonly<Partial<IntentSlots>> & Readonly<Record<string, unknown>>;

/** One plugin's declared conversation data, or an untyped bag for a plugin that declared none. */
export type PluginData<P extends string> = P extends keyof ConversationData ? Partial<ConversationData[P]> : Record<string, unknown>;

/** A `data` change: each declared field may be set or cleared (`null`); undeclared plugins stay untyped. */
export type ConversationDataChanges = {
  [P in keyof ConversationData]?: { [K in keyof ConversationData[P]]?: ConversationData[P][K] | null };
} & Record<string, Record<string, unknown | null>>;
