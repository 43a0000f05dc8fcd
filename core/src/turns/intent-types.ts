/*
 * The neutral contract between a turn and whichever plugin understands guests' text: core and
 * the plugins that route or run flows read these, and any intent plugin can produce them. What
 * one classifier does internally (its layers, its switches) belongs to that plugin.
 */

import type { IntentSlotValues } from './typed-contracts';

/** A slot value that could not be accepted, for the flow to ask about. */
export interface SlotError {
  readonly slot: string;
  /** A stable code a flow can switch on, e.g. `date_in_past`, `checkout_before_checkin`, `zero_guests`. */
  readonly code: string;
  readonly message: string;
}

/** What the guest most likely meant, as the turn's `ctx.intent`. */
export interface IntentResult {
  /** Intent name, or `none` when nothing passed the threshold. */
  readonly name: string;
  /** 0..1 */
  readonly confidence: number;
  /**
   * Which part of the classifier decided, in that classifier's own words (the intent plugin's
   * layers: `menu`, `rules`, …). Core never reads it; it is there for logs and for flows that
   * trust a literal match more than a guess.
   */
  readonly layer?: string;
  /** Typed by the extracting plugin's `IntentSlots` declarations. */
  readonly slots: IntentSlotValues;
  readonly slotErrors: readonly SlotError[];
  /** Runner-up intents, best first, for a clarifying question. */
  readonly alternatives?: readonly { readonly name: string; readonly confidence: number }[];
}

/** Utterances per language code, e.g. `{ en: ['book a room'], es: ['reservar una habitación'] }`. */
export type Utterances = Readonly<Record<string, readonly string[]>>;

export interface IntentDefinition {
  readonly name: string;
  /** The plugin that declared it; off for a hotel → the intent does not exist there. */
  readonly plugin: string;
  readonly utterances: Utterances;
  /** Slot names the intent takes (see the intent plugin for the built-in slot types). */
  readonly slots: readonly string[];
  /** Keywords/patterns per language for the rules layer (regular expressions, case-insensitive). */
  readonly patterns?: Readonly<Record<string, readonly string[]>>;
  /** A message key (in the declaring plugin's namespace) used as the option title in menus. */
  readonly title?: string;
}

export interface IntentOptions {
  slots?: readonly string[];
  patterns?: Readonly<Record<string, readonly string[]>>;
  title?: string;
}

/** The intents every enabled plugin declared; the intent plugin trains on it. */
export interface IntentCatalog {
  add(name: string, utterances: Utterances, options?: IntentOptions): void;
  /** Intents declared by plugins that are on for `hotelId` (all when omitted). */
  list(hotelId?: string): IntentDefinition[];
  get(name: string): IntentDefinition | undefined;
}
