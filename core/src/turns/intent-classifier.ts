import type { InjectionToken } from 'tsyringe';
import type { ButtonOption } from '../messaging/outbound';
import type { IntentLayer, IntentResult } from './intent-types';

export interface ClassifyInput {
  readonly hotelId: string;
  readonly text: string;
  /** The language if already known (persisted on the conversation); detected otherwise. */
  readonly language?: string;
  /** The last menu shown, if not expired. */
  readonly menu?: readonly ButtonOption[];
  /** Allow the LLM layer (when configured); false for offline evaluation. Default true. */
  readonly llm?: boolean;
  /** Layers to leave out, to measure the others alone. */
  readonly skip?: readonly IntentLayer[];
}

export interface Classification extends IntentResult {
  readonly language: string;
  readonly latencyMs: number;
}

/**
 * Understands a guest's text. The intent plugin registers one under {@link INTENT_CLASSIFIER};
 * tools such as `hotello intents evaluate` resolve it from the container.
 */
export interface IntentClassifier {
  classify(input: ClassifyInput): Promise<Classification>;
}

export const INTENT_CLASSIFIER: InjectionToken<IntentClassifier> = Symbol.for('hotello.intentClassifier');
