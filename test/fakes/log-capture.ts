import { createLogger, type Logger } from '@hotello/core';

/** A logger whose JSON lines a test can read back. */
export interface LogCapture {
  readonly logger: Logger;
  /** Every line logged since the last `clear()`, parsed. */
  lines(): Record<string, unknown>[];
  /** Total characters logged since the last `clear()`: what a flood would show. */
  size(): number;
  clear(): void;
}

export function captureLogs(level = 'debug'): LogCapture {
  let raw: string[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void raw.push(line) } });
  return {
    logger,
    lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>),
    size: () => raw.reduce((n, line) => n + line.length, 0),
    clear: () => {
      raw = [];
    },
  };
}
