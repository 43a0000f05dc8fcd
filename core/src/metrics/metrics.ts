import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The metrics of one running bot. Each bot owns its registry so several bots in one process
 * (tests, multi-tenant hosts) never mix their numbers.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'hotello_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'hotello_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly turns = new Counter({
    name: 'hotello_turns_total',
    help: 'Conversation turns by hotel and outcome',
    labelNames: ['hotel', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly turnDuration = new Histogram({
    name: 'hotello_turn_duration_seconds',
    help: 'Time to handle one conversation turn',
    labelNames: ['hotel'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  readonly replies = new Counter({
    name: 'hotello_replies_total',
    help: 'Replies by hotel and final outcome (sent, failed)',
    labelNames: ['hotel', 'outcome'] as const,
    registers: [this.registry],
  });

  /** Proactive sends (`ctx.messaging.send`): queued, deferred (quiet hours), duplicate, or why refused. */
  readonly proactive = new Counter({
    name: 'hotello_proactive_messages_total',
    help: 'Proactive messages by hotel, plugin and outcome (queued, deferred, duplicate, or the refusal code)',
    labelNames: ['hotel', 'plugin', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'hotello_errors_total',
    help: 'Errors by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly eventDeliveries = new Counter({
    name: 'hotello_event_deliveries_total',
    help: 'Event deliveries to plugin listeners by event and outcome (delivered, retry, dead, skipped)',
    labelNames: ['event', 'outcome'] as const,
    registers: [this.registry],
  });

  /** Jobs (`ctx.jobs` and core's own): one count per attempt's outcome (completed, retried, failed, skipped). */
  readonly jobRuns = new Counter({
    name: 'hotello_job_runs_total',
    help: 'Job runs by owner (core or plugin), job name and outcome (completed, retried, failed, skipped)',
    labelNames: ['owner', 'job', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'hotello_job_run_duration_seconds',
    help: 'Time one attempt of a job handler took',
    labelNames: ['owner', 'job'] as const,
    buckets: [0.001, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'hotello_' });
  }
}
