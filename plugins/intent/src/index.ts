/**
 * @hotello/plugin-intent — understands guest messages for Hotello bots.
 *
 * The default export is the plugin; the named exports are for integrators who want the
 * pieces: the classifier (also in the container under core's INTENT_CLASSIFIER), the slot
 * extractor, the language identifier, and the cost-control repositories.
 */
import './events';
import './slots/intent-slots';

export { intentPlugin as default, intentPlugin, INTENT_LOG } from './plugin';
export { intentOptionsSchema, llmOptionsSchema, defaultOptions, type IntentOptions, type LlmOptions } from './options';
export { BUILTIN_INTENTS, BUILTIN_SLOTS, DEFAULT_MENU, type BuiltinIntent } from './builtin/intents';
export { LANGUAGE_PACKS, SUPPORTED_LANGUAGES } from './builtin/languages';
export type { LanguagePack } from './builtin/language-pack';
export { NAMESPACE, TEXTS } from './i18n/texts';
export {
  LayeredClassifier,
  RULE_CONFIDENCE,
  type ClassifyRequest,
  type HotelInfo,
  type IntentClassification,
  type LayeredClassifierDeps,
} from './classifier/layered-classifier';
export { HotelUnderstanding } from './classifier/hotel-understanding';
export { LanguageIntentModel, type Example, type Prediction, type ScoredIntent } from './classifier/language-model';
export { LanguageIdentifier, type LanguageGuess } from './language/language-identifier';
export { decideLanguage, LANGUAGE_THRESHOLDS, type LanguageDecision } from './language/language-policy';
export type { IntentLayer, LayeredClassification, LayeredIntentResult } from './intent-types';
export { RuleSet, RULE_PRIORITY, type RulesMatch } from './layers/rules-layer';
export { extractSlots, pickSlots, type SlotContext, type SlotExtraction } from './slots/extract-slots';
export {
  SLOT_NAMES,
  SLOT_ERROR_CODES,
  ROOM_TYPES,
  type Budget,
  type SlotName,
  type SlotValues,
  type SlotErrorCode,
} from './slots/slot-types';
export { LlmLayer, type LlmAsk, type LlmFailure, type LlmVerdict } from './llm/llm-layer';
export { buildOutputSchema, type LlmOutput } from './llm/llm-schema';
export { buildPrompt, type Prompt } from './llm/llm-prompt';
export type { ClassificationRecord, IntentLogRepository, IntentLogSummary, LayerStats } from './cost/intent-log';
export { IntentLog, RETENTION_DAYS } from './cost/stored-intent-log';
