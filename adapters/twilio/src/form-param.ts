import type { TwilioParams } from './webhook-schema';

/**
 * A parameter the form actually carried. Provider strings index this object, and an inherited
 * property (`constructor`, `toString`) is not a parameter Twilio sent.
 */
export function param(p: TwilioParams, key: string): string | undefined {
  return Object.hasOwn(p, key) ? p[key] : undefined;
}
