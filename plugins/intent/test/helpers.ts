import type { IntentDefinition, Logger } from '@hotello/core';
import { builtinDeclarations } from '../src/builtin/declarations';
import { LayeredClassifier, type HotelInfo, type LayeredClassifierDeps } from '../src/classifier/layered-classifier';
import { createTestStorage } from '@hotello/core/testing';
import type { IntentLogRepository } from '../src/cost/intent-log';
import { IntentLog } from '../src/cost/stored-intent-log';
import { defaultOptions, type IntentOptions } from '../src/options';

/** The built-in intents as the catalogue would hold them after the plugin registered. */
export function builtinDefinitions(): IntentDefinition[] {
  return builtinDeclarations().map((d) => ({
    name: d.name,
    plugin: 'intent',
    utterances: d.utterances,
    slots: d.options.slots ?? [],
    patterns: d.options.patterns,
    title: d.options.title,
  }));
}

/** The plugin's log on a fresh memory store, as a bot on the default store would have it. */
export function memoryIntentLog(clock?: () => Date): IntentLog {
  return new IntentLog(createTestStorage('intent'), clock);
}

/** A logger that records warnings and errors, so tests can assert on them. */
export function quietLogger(): Logger & { warnings: unknown[]; errors: unknown[] } {
  const warnings: unknown[] = [];
  const errors: unknown[] = [];
  const logger = {
    warnings,
    errors,
    info: () => {},
    debug: () => {},
    trace: () => {},
    fatal: () => {},
    warn: (obj: unknown) => warnings.push(obj),
    error: (obj: unknown) => errors.push(obj),
    child: () => logger,
  };
  return logger as unknown as Logger & { warnings: unknown[]; errors: unknown[] };
}

export const HOTEL: HotelInfo = { id: 'seaside', name: 'Seaside Hotel', timezone: 'Africa/Nairobi', defaultLanguage: 'en' };

/** A classifier over the built-in intents for one hotel, without a bot. */
export function testClassifier(
  overrides: Partial<LayeredClassifierDeps> & { options?: IntentOptions; intents?: IntentDefinition[]; log?: IntentLogRepository } = {},
): LayeredClassifier {
  const intents = overrides.intents ?? builtinDefinitions();
  const options = overrides.options ?? defaultOptions();
  return new LayeredClassifier({
    intentsFor: () => intents,
    hotel: (id) => (id === HOTEL.id ? HOTEL : undefined),
    optionsFor: (id) => (id === HOTEL.id ? options : undefined),
    log: overrides.log ?? memoryIntentLog(),
    logger: quietLogger(),
    ...overrides,
  });
}
