import type { IntentOptions as CoreIntentOptions, Utterances } from '@hotello/core';
import { BUILTIN_INTENTS, BUILTIN_SLOTS, titleKey, type BuiltinIntent } from './intents';
import { LANGUAGE_PACKS } from './languages';

export interface IntentDeclaration {
  readonly name: BuiltinIntent;
  readonly utterances: Utterances;
  readonly options: CoreIntentOptions;
}

/** The built-in intents as `ctx.intents.add` takes them: utterances and rules of every language. */
export function builtinDeclarations(): IntentDeclaration[] {
  return BUILTIN_INTENTS.map((name) => {
    const utterances: Record<string, readonly string[]> = {};
    const patterns: Record<string, readonly string[]> = {};
    for (const [language, pack] of Object.entries(LANGUAGE_PACKS)) {
      utterances[language] = pack.utterances[name];
      const rules = pack.patterns[name];
      if (rules?.length) patterns[language] = rules;
    }
    return { name, utterances, options: { slots: BUILTIN_SLOTS[name], patterns, title: titleKey(name) } };
  });
}
