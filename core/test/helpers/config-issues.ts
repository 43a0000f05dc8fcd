import { ConfigError, type ConfigIssue } from '@hotello/core';

/** Runs `fn`, which must throw a ConfigError, and returns the issues it lists. */
export function issuesOf(fn: () => unknown): ConfigIssue[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return [...err.issues];
    throw err;
  }
  throw new Error('expected a ConfigError');
}
