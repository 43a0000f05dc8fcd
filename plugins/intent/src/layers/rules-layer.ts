import type { IntentDefinition } from '@hotello/core';
import { BUILTIN_INTENTS } from '../builtin/intents';
import { normalizePattern } from '../text/normalize';

interface CompiledRule {
  readonly intent: string;
  readonly regex: RegExp;
}

export interface RulesMatch {
  readonly language: string;
  /** Every intent with a matching rule, in priority order (see {@link RULE_PRIORITY}). */
  readonly intents: readonly string[];
}

/**
 * When several intents' rules match ("cancel my booking" also says "my booking"), the more
 * specific, more urgent one comes first. Plugin intents outrank all built-ins: a plugin that
 * declares `late_checkout` means it over the generic FAQ rule for "check out".
 */
export const RULE_PRIORITY: readonly string[] = [
  'cancel_booking',
  'complaint',
  'talk_to_person',
  'payment_help',
  'book_room',
  'my_bookings',
  'check_availability',
  'faq_question',
  'help_menu',
  'thanks_goodbye',
  'greeting',
];

function rank(intent: string): number {
  const i = RULE_PRIORITY.indexOf(intent);
  return i >= 0 ? i + 1 : (BUILTIN_INTENTS as readonly string[]).includes(intent) ? RULE_PRIORITY.length + 1 : 0;
}

/**
 * The rules layer: each intent's keyword patterns per language, compiled once per hotel. Costs
 * a few regular-expression tests, so it answers the bulk of messages in microseconds.
 */
export class RuleSet {
  private readonly byLanguage = new Map<string, CompiledRule[]>();

  constructor(definitions: readonly IntentDefinition[]) {
    for (const def of definitions) {
      for (const [language, patterns] of Object.entries(def.patterns ?? {})) {
        const list = this.byLanguage.get(language) ?? [];
        for (const source of patterns) {
          try {
            list.push({ intent: def.name, regex: new RegExp(normalizePattern(source), 'i') });
          } catch (err) {
            throw new Error(
              `intent "${def.name}" (plugin "${def.plugin}") has an invalid ${language} pattern ${JSON.stringify(source)}: ${(err as Error).message}`,
              { cause: err },
            );
          }
        }
        this.byLanguage.set(language, list);
      }
    }
  }

  get languages(): string[] {
    return [...this.byLanguage.keys()];
  }

  /** Intents whose rules match `normalized` text in `language`. */
  matchIn(normalized: string, language: string): string[] {
    const hits = new Set<string>();
    for (const rule of this.byLanguage.get(language) ?? []) if (rule.regex.test(normalized)) hits.add(rule.intent);
    return [...hits].sort((a, b) => rank(a) - rank(b));
  }

  /**
   * Tries the turn's language first, then the hotel's other languages (a guest may write one
   * word in another language, e.g. "reservar" in an English conversation).
   */
  match(normalized: string, languages: readonly string[]): RulesMatch | undefined {
    for (const language of languages) {
      const intents = this.matchIn(normalized, language);
      if (intents.length > 0) return { language, intents };
    }
    return undefined;
  }
}
