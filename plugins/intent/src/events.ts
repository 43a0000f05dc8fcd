// Loads core's declarations before this augmentation. TypeScript merges module augmentations
// in program order; merged ahead of core's own event augmentation, this one would be lost when
// the package is compiled against core's built declarations.
import type {} from '@hotello/core';

/**
 * Events the intent plugin emits, added to core's event map so listeners are typed.
 */
declare module '@hotello/core' {
  interface HotelloEvents {
    /**
     * A hotel used up its monthly LLM budget: the LLM layer is skipped until the month ends.
     * Emitted once per hotel and month, across instances.
     */
    'intent.llm_budget_exceeded': { hotelId: string; month: string; spentUsd: number; budgetUsd: number };
  }
}
