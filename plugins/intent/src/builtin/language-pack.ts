import type { BuiltinIntent } from './intents';

/**
 * Everything the plugin knows about one language for the built-in intents: example utterances
 * (the local classifier's training data) and rules (regular expressions that decide at once).
 *
 * Rules are matched case-insensitively against normalised text (see `normalizeText`): no
 * punctuation, Latin accents removed, Arabic letter variants folded, so they are written the same
 * way. `\b` only works next to Latin letters; Arabic rules use `(?:^|\s)` instead. A rule that
 * should only fire on a whole message (a bare "hello") is anchored with `^…$`.
 */
export interface LanguagePack {
  readonly language: string;
  readonly utterances: Readonly<Record<BuiltinIntent, readonly string[]>>;
  readonly patterns: Readonly<Partial<Record<BuiltinIntent, readonly string[]>>>;
}
