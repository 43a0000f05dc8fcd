/** Nothing sent over WhatsApp predates it (WhatsApp launched in 2009). */
const EARLIEST = Date.UTC(2009, 0, 1);
/** Provider clocks may run a little ahead of ours; more than this is not a real send time. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/**
 * The time a provider says a message was sent, or `receivedAt` when that time is missing or
 * absurd (not a date, before 2009, or a day or more ahead). A signed payload can still carry
 * `"timestamp": "99999999999999"`; such a value must neither fail the message nor move the
 * guest's 24-hour window into the future.
 */
export function plausibleTimestamp(date: Date | undefined, receivedAt: Date = new Date()): Date {
  if (!(date instanceof Date)) return receivedAt;
  const ms = date.getTime();
  if (!Number.isFinite(ms) || ms < EARLIEST || ms > receivedAt.getTime() + FUTURE_SLACK_MS) return receivedAt;
  return date;
}

/** Unix seconds as providers send them (a number, or digits in a string), checked as {@link plausibleTimestamp}. */
export function timestampFromSeconds(seconds: unknown, receivedAt: Date = new Date()): Date {
  const n = typeof seconds === 'string' && seconds.trim() !== '' ? Number(seconds) : seconds;
  if (typeof n !== 'number' || !Number.isFinite(n)) return receivedAt;
  return plausibleTimestamp(new Date(n * 1000), receivedAt);
}
