import type { FuzzBot } from './fuzz-bot';
import type { RunStats } from './run-stats';
import type { FuzzSettings } from './settings';

/** A webhook POST exactly as the provider would send it. */
export interface WebhookRequest {
  readonly path: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** One fuzz case; `build` gives a new request each call (fresh message ids), for the one timing retry. */
export interface Delivery {
  build(): WebhookRequest;
}

/** One broken promise: `kind` groups like failures across cases (no numbers, no payload), `detail` is for the reader. */
export interface Violation {
  readonly kind: string;
  readonly detail: string;
}

export interface Outcome {
  readonly violations: Violation[];
  /** The bot hung or died: the next case needs a new one. */
  readonly restartNeeded: boolean;
  /** The body sent (the re-measured one when timing was retried). */
  readonly body: string;
}

const PREVIEW_CHARS = 500;
/** Measurements of a slow case; the fastest counts. */
const TIMING_ATTEMPTS = 3;

/** The start of a body for failure messages: enough to recognise the mutation, never megabytes. */
export function preview(body: string): string {
  const head = body.length > PREVIEW_CHARS ? `${body.slice(0, PREVIEW_CHARS)}… (${body.length} chars)` : body;
  return JSON.stringify(head);
}

export async function sendWebhook(bot: FuzzBot, request: WebhookRequest, hangMs: number): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${bot.url}${request.path}`, {
    method: 'POST',
    body: request.body,
    headers: request.headers,
    signal: AbortSignal.timeout(hangMs),
  });
  await res.arrayBuffer(); // the answer counts once it fully arrived
  return { status: res.status, ms: performance.now() - started };
}

/** What the bot said about it: the error message of the first error line, else the first line's message. */
function logged(sample: readonly string[]): string {
  const records = sample.flatMap((line) => {
    try {
      return [JSON.parse(line) as { level?: string; msg?: string; err?: { message?: string } }];
    } catch {
      return [];
    }
  });
  const first = records.find((r) => r.level === 'error') ?? records[0];
  return first ? (first.err?.message ?? first.msg ?? '') : '';
}

function parentPolluted(): boolean {
  return ({} as Record<string, unknown>).polluted !== undefined || Object.keys(Object.prototype).length > 0;
}

/**
 * Sends one delivery and checks what the issue asks of every webhook: no 5xx, an answer within
 * the budget, a bounded number of log lines (turns and replies it caused included), a healthy
 * bot afterwards and no prototype pollution in either process.
 */
export async function checkDelivery(bot: FuzzBot, delivery: Delivery, settings: FuzzSettings, stats: RunStats): Promise<Outcome> {
  const violations: Violation[] = [];
  let request = delivery.build();
  const outcome = (restartNeeded: boolean): Outcome => ({ violations, restartNeeded, body: request.body });

  const budget = settings.budgetMs + (settings.budgetMsPerMb * Buffer.byteLength(request.body)) / 1_048_576;
  let answer: { status: number; ms: number };
  try {
    answer = await sendWebhook(bot, request, settings.hangMs);
    // Re-measured (fresh ids, after a pause) before it counts as slow: a GC pause after a
    // megabyte case, or a CI core busy elsewhere, is not the payload's fault; a payload that is
    // slow to handle is slow every time.
    for (let attempt = 1; answer.ms > budget && attempt < TIMING_ATTEMPTS; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      request = delivery.build();
      const again = await sendWebhook(bot, request, settings.hangMs);
      if (again.ms < answer.ms) answer = again;
    }
  } catch (err) {
    stats.record('hang', settings.hangMs);
    violations.push({
      kind: 'hang: no answer',
      detail: `no answer within ${settings.hangMs} ms (${(err as Error).name}): the bot hung or died`,
    });
    return outcome(true);
  }
  stats.record(String(answer.status), answer.ms);

  let report;
  try {
    report = await bot.probe(settings.hangMs * 2);
    const health = await fetch(`${bot.url}/healthz`, { signal: AbortSignal.timeout(settings.hangMs) });
    if (health.status !== 200) violations.push({ kind: 'unhealthy afterwards', detail: `/healthz answered ${health.status} afterwards` });
  } catch (err) {
    const detail = `answered ${answer.status}, then did not settle or answer /healthz (${(err as Error).message})`;
    violations.push({ kind: 'hang: after answering', detail });
    return outcome(true);
  }
  const said = logged(report.sample);
  if (answer.status >= 500)
    violations.push({ kind: `${answer.status}: ${said}`, detail: `answered ${answer.status}; the bot logged "${said}"` });
  if (answer.ms > budget) {
    const detail = `answered ${answer.status} after ${answer.ms.toFixed(0)} ms, fastest of ${TIMING_ATTEMPTS} (budget ${budget.toFixed(0)} ms)`;
    violations.push({ kind: 'slow answer', detail });
  }
  if (report.lines > settings.maxLogLines) {
    const detail = `caused ${report.lines} log lines (at most ${settings.maxLogLines}); first: ${report.sample.join(' | ')}`;
    violations.push({ kind: `log flood: ${said}`, detail });
  }
  if (report.polluted.length > 0) violations.push({ kind: 'prototype pollution (bot)', detail: `polluted: ${report.polluted.join(', ')}` });
  if (parentPolluted()) violations.push({ kind: 'prototype pollution (test process)', detail: 'Object.prototype changed in jest' });
  return outcome(false);
}
