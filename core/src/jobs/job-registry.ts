import { JobDefinitionError } from './job-errors';
import type { RetryPolicy } from './job-backend';
import type { JobHandler, JobOptions } from './job-types';

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 1_000;
/** Letters, digits, `.`, `_`, `-`: safe in Redis keys, log lines and metric labels. */
const JOB_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export interface JobDefinition {
  readonly owner: string;
  readonly name: string;
  readonly handler: JobHandler<unknown>;
  readonly policy: RetryPolicy;
  /** Core's own bot-wide work (the store's expiry sweep): not tied to one hotel. */
  readonly botWide: boolean;
}

/** The handlers of every owner's jobs. Closed once the bot started: a run must find its handler on every instance. */
export class JobRegistry {
  private readonly definitions = new Map<string, JobDefinition>();
  private sealed = false;

  define(owner: string, name: string, handler: JobHandler<never>, options: JobOptions = {}, botWide = false): JobDefinition {
    const where = `${owner === 'core' ? 'core' : `plugin "${owner}"`}: job "${name}"`;
    if (this.sealed) throw new JobDefinitionError(`${where} is defined after the bot started: define jobs in register`);
    if (typeof name !== 'string' || !JOB_NAME.test(name))
      throw new JobDefinitionError(`${where}: expected a name of letters, digits, ".", "_" and "-" (at most 100 characters)`);
    if (typeof handler !== 'function') throw new JobDefinitionError(`${where}: expected a handler function`);
    if (this.definitions.has(keyOf(owner, name))) throw new JobDefinitionError(`${where} is defined twice`);
    const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
    const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    if (!Number.isInteger(attempts) || attempts < 1 || attempts > 100)
      throw new JobDefinitionError(`${where}: attempts must be an integer from 1 to 100, got ${String(attempts)}`);
    if (!Number.isInteger(backoffMs) || backoffMs < 1)
      throw new JobDefinitionError(`${where}: backoffMs must be a positive integer, got ${String(backoffMs)}`);
    const definition = { owner, name, handler: handler as JobHandler<unknown>, policy: { attempts, backoffMs }, botWide };
    this.definitions.set(keyOf(owner, name), definition);
    return definition;
  }

  get(owner: string, name: string): JobDefinition | undefined {
    return this.definitions.get(keyOf(owner, name));
  }

  seal(): void {
    this.sealed = true;
  }
}

function keyOf(owner: string, name: string): string {
  return `${owner}\u0000${name}`;
}
