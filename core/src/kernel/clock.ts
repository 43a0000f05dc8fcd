/**
 * The bot's sense of "now". One clock per kernel (`CreateBotOptions.clock`), so a test can move
 * time for everything that asks it — jobs first; other parts may follow.
 */
export interface Clock {
  now(): Date;
}

/** The real time. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock whose time moves only when told (the testing kit's `FakeClock`). Work that waits for a
 * time cannot rely on timers then, so it listens: `onAdvance` listeners run after every move, and
 * the move resolves once they finished (the store-backed scheduler runs what fell due).
 */
export interface ControlledClock extends Clock {
  onAdvance(listener: () => Promise<void> | void): () => void;
}

export function isControlledClock(clock: Clock): clock is ControlledClock {
  return typeof (clock as Partial<ControlledClock>).onAdvance === 'function';
}
