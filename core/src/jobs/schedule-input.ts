import { randomUUID } from 'node:crypto';
import { cronProblem } from './cron';
import { JobScheduleError } from './job-errors';
import type { RepeatSpec } from './job-backend';
import type { RepeatOptions, ScheduleOptions } from './job-types';

/** The key an unkeyed `repeat` gets: repeating is idempotent by default, so every instance's `start` may call it. */
export const DEFAULT_REPEAT_KEY = 'default';
const MAX_KEY = 200;
/** Job data is for ids and small facts; large payloads belong in the plugin's storage. */
const MAX_DATA_BYTES = 64 * 1024;

/** A key is text (any characters; backends encode it), 1–200 characters. */
export function checkKey(where: string, key: unknown): string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY)
    throw new JobScheduleError(`${where}: expected key to be a string of 1 to ${MAX_KEY} characters, got ${preview(key)}`);
  return key;
}

/** The data as JSON text; refused when it does not survive JSON (functions, cycles, BigInt) or is too large. */
export function serializeData(where: string, data: unknown): string {
  if (data === undefined) return '';
  let json: string | undefined;
  try {
    json = JSON.stringify(data, refuseLossy);
  } catch (err) {
    throw new JobScheduleError(`${where}: data must be JSON-serialisable (${err instanceof Error ? err.message : String(err)})`);
  }
  if (json === undefined) throw new JobScheduleError(`${where}: data must be JSON-serialisable, got ${typeof data}`);
  if (Buffer.byteLength(json) > MAX_DATA_BYTES)
    throw new JobScheduleError(
      `${where}: data is ${Buffer.byteLength(json)} bytes as JSON, more than ${MAX_DATA_BYTES}: keep ids in it, not documents`,
    );
  return json;
}

/** JSON.stringify would drop these silently (or write `{}`): the handler would get other data than was scheduled. */
function refuseLossy(key: string, value: unknown): unknown {
  const where = key === '' ? 'data' : `data field "${key}"`;
  if (typeof value === 'function' || typeof value === 'symbol') throw new TypeError(`${where} is a ${typeof value}`);
  if (value instanceof Map || value instanceof Set) throw new TypeError(`${where} is a ${value instanceof Map ? 'Map' : 'Set'}`);
  return value;
}

/** When a one-off run is due: `at`, or now + `delayMs`, or now. */
export function runTimeOf(where: string, options: ScheduleOptions<unknown>, now: Date): Date {
  const { at, delayMs } = options;
  if (at !== undefined && delayMs !== undefined) throw new JobScheduleError(`${where}: give at or delayMs, not both`);
  if (at !== undefined) {
    if (!(at instanceof Date) || Number.isNaN(at.getTime()))
      throw new JobScheduleError(`${where}: expected at to be a valid Date, got ${preview(at)}`);
    return new Date(at.getTime());
  }
  if (delayMs !== undefined) {
    if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0)
      throw new JobScheduleError(`${where}: expected delayMs to be a number of milliseconds ≥ 0, got ${preview(delayMs)}`);
    return new Date(now.getTime() + Math.round(delayMs));
  }
  return now;
}

/** A key for an unkeyed one-off run: each such call is its own run. */
export function generatedKey(): string {
  return randomUUID();
}

export function repeatSpecOf(where: string, options: RepeatOptions<unknown>, timeZone: string, now: Date): RepeatSpec {
  const { cron, everyMs } = options;
  if ((cron === undefined) === (everyMs === undefined)) throw new JobScheduleError(`${where}: give exactly one of cron and everyMs`);
  if (cron !== undefined) {
    if (typeof cron !== 'string') throw new JobScheduleError(`${where}: expected cron to be a string, got ${preview(cron)}`);
    const problem = cronProblem(cron, timeZone, now);
    if (problem) throw new JobScheduleError(`${where}: invalid cron expression "${cron}": ${problem}`);
    return { cron: cron.trim(), timeZone };
  }
  if (typeof everyMs !== 'number' || !Number.isInteger(everyMs) || everyMs < 1)
    throw new JobScheduleError(`${where}: expected everyMs to be a positive integer, got ${preview(everyMs)}`);
  return { everyMs };
}

function preview(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value instanceof Date) return `Invalid Date`;
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}
