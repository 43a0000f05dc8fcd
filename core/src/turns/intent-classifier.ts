import type { InjectionToken } from 'tsyringe';
import type { ButtonOption } from '../messaging/outbound';
import type { IntentResult } from './intent-types';

/** What any classifier is asked; a classifier may accept more of its own. */
export interface ClassifyInput {
  readonly hotelId: string;
  readonly text: string;
  /** The language if already known (persisted on the conversation); detected otherwise. */
  readonly language?: string;
  /** The last menu shown, if not expired. */
  readonly menu?: readonly ButtonOption[];
}

/** An intent together with the language the text was understood in. */
export interface Classification extends IntentResult {
  readonly language: string;
}

/**
 * Understands a guest's text. An intent plugin registers one under {@link INTENT_CLASSIFIER}, so
 * tools and other plugins can classify without knowing which intent plugin runs.
 */
export interface IntentClassifier {
  classify(input: ClassifyInput): Promise<Classification>;
}

export const INTENT_CLASSIFIER: InjectionToken<IntentClassifier> = Symbol.for('hotello.intentClassifier');
