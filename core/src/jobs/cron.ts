import { CronExpressionParser } from 'cron-parser';

/**
 * Cron through cron-parser, the parser BullMQ itself uses, so both backends agree on every
 * expression and every DST edge: a time that does not exist locally (a spring-forward gap)
 * runs at the same wall-clock minute shifted by the jump, a repeated one (fall back) once.
 */
export function nextCronRun(expression: string, timeZone: string, after: Date): Date {
  return CronExpressionParser.parse(expression, { currentDate: after, tz: timeZone }).next().toDate();
}

/** Undefined when the expression is valid in that zone, else what is wrong with it. */
export function cronProblem(expression: string, timeZone: string, now: Date): string | undefined {
  const fields = expression.trim().split(/\s+/).length;
  if (fields < 5 || fields > 6) return `expected 5 fields (minute hour day month weekday) or 6 (seconds first), got ${fields}`;
  try {
    nextCronRun(expression, timeZone, now);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
