import { definePlugin, INTENT_CLASSIFIER, type PluginContext } from '@hotello/core';
import type { InjectionToken } from 'tsyringe';
import { builtinDeclarations } from './builtin/declarations';
import { registerIntentCommands } from './cli/intents-command';
import { LayeredClassifier } from './classifier/layered-classifier';
import type { IntentLogRepository } from './cost/intent-log';
import { IntentLog } from './cost/stored-intent-log';
import './events';
import { greeting, helpMenu, talkToPerson, thanksGoodbye } from './handlers/handlers';
import { NAMESPACE, TEXTS } from './i18n/texts';
import { LlmLayer } from './llm/llm-layer';
import { intentOptionsSchema, type IntentOptions } from './options';
import { clarify } from './turn/clarify';
import { menuSupport } from './turn/menu-support';
import { understand } from './turn/understand';

/**
 * Where the plugin keeps its classification and LLM usage logs. By default an {@link IntentLog}
 * in the plugin's collections (shared by every instance on the MongoDB store); register another
 * repository here before the bot starts to replace it.
 */
export const INTENT_LOG: InjectionToken<IntentLogRepository> = Symbol.for('hotello.intent.log');

/** The LLM layer for a hotel, or undefined where it has none. */
type LlmLayerLookup = (hotelId: string) => LlmLayer | undefined;

function resolveOr<T>(ctx: PluginContext<IntentOptions>, token: InjectionToken<T>, fallback: () => T): T {
  return ctx.container.isRegistered(token, true) ? ctx.container.resolve(token) : fallback();
}

/**
 * One LLM layer per hotel where core gives it an LLM (`ctx.llm`, the hotel's model, budget and
 * usage log) and the plugin's `llm.enabled` is not false there.
 */
function llmLayers(ctx: PluginContext<IntentOptions>): LlmLayerLookup {
  const layers = new Map<string, LlmLayer | undefined>();
  return (hotelId) => {
    if (!layers.has(hotelId)) {
      const options = ctx.optionsFor(hotelId)?.llm;
      const llm = ctx.llm.forHotel(hotelId);
      layers.set(hotelId, options?.enabled && llm.available ? new LlmLayer(llm, options, ctx.logger) : undefined);
    }
    return layers.get(hotelId);
  };
}

/**
 * The intent plugin: understands what guests write (menu answers, rules, a local classifier
 * trained at start from every plugin's utterances, an optional LLM), extracts slots, detects
 * and keeps the guest's language, and answers greetings, help, thanks and "talk to a person".
 */
export const intentPlugin = definePlugin({
  name: 'intent',
  description: 'Intents, slots and language for guest messages; menu, rules, local classifier, LLM fallback',
  options: intentOptionsSchema,
  // `hotello intents list|evaluate`: here rather than in core, which knows no plugin's internals.
  commands: (program, ctx) => registerIntentCommands(program, ctx),

  register(ctx) {
    for (const d of builtinDeclarations()) ctx.intents.add(d.name, d.utterances, d.options);
    ctx.messages.add(NAMESPACE, TEXTS);

    const optionsFor = (hotelId: string) => ctx.optionsFor(hotelId);
    // The log lives in the plugin's own collection; core builds its indexes before `start`.
    const log = resolveOr(ctx, INTENT_LOG, () => new IntentLog(ctx.storage));
    const llmFor = llmLayers(ctx);
    const classifier = new LayeredClassifier({
      intentsFor: (hotelId) => ctx.intents.list(hotelId),
      hotel: (hotelId) => ctx.hotels.get(hotelId),
      optionsFor,
      log,
      llmFor,
      logger: ctx.logger,
    });
    ctx.container.registerInstance(INTENT_CLASSIFIER, classifier);

    const support = menuSupport({ answers: ctx.turns.answers, intent: ctx.intents.get, hasMessage: ctx.messages.has });
    ctx.turns.use('understand', understand(classifier, optionsFor));
    ctx.turns.use('route', clarify(support, optionsFor));
    ctx.handlers.on('greeting', greeting(support));
    ctx.handlers.on('help_menu', helpMenu(support));
    ctx.handlers.on('thanks_goodbye', thanksGoodbye);
    ctx.handlers.on('talk_to_person', talkToPerson());

    return {
      async start() {
        // Every plugin has declared its intents by now: train what each hotel needs, and load the
        // LLM libraries where a hotel has an LLM, before the first guest writes, so no turn pays for it.
        const hotels = ctx.hotels
          .list()
          .filter((h) => ctx.isEnabledFor(h.id))
          .map((h) => h.id);
        classifier.prepare(hotels);
        await Promise.all(hotels.map((h) => llmFor(h)?.warmUp()));
      },
    };
  },
});

export default intentPlugin;
