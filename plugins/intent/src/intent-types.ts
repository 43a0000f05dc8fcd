import type { Classification, IntentResult } from '@hotello/core';

/**
 * Which layer of this plugin's classifier decided an intent, cheapest first. Core's
 * {@link IntentResult} leaves `layer` as an open string; this plugin always sets one of these.
 */
export type IntentLayer = 'menu' | 'rules' | 'classifier' | 'llm' | 'fallback';

/** Core's {@link IntentResult} as this plugin produces it: the deciding layer is always known. */
export interface LayeredIntentResult extends IntentResult {
  readonly layer: IntentLayer;
}

/** Core's {@link Classification} as this plugin produces it: the deciding layer and the time it took. */
export interface LayeredClassification extends Classification {
  readonly layer: IntentLayer;
  readonly latencyMs: number;
}
