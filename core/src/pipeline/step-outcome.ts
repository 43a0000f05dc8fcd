import type { StepOutcome } from '../turns/turn-context';

type Transition = StepOutcome['transition'];

/**
 * Immutable outcome: each call returns a new value, so a shared outcome is never changed by
 * accident. (No `then` method on purpose: it would make outcomes thenables, which async steps
 * and `await` would try to resolve.)
 */
class Outcome implements StepOutcome {
  constructor(readonly transition?: Transition) {}

  next(step: string): StepOutcome {
    return new Outcome({ kind: 'step', step });
  }

  end(): StepOutcome {
    return new Outcome({ kind: 'end' });
  }
}

/** An outcome that leaves the flow where it is (the same step runs on the next message). */
export const STAY: StepOutcome = new Outcome();

export function isStepOutcome(value: unknown): value is StepOutcome {
  return value instanceof Outcome;
}
