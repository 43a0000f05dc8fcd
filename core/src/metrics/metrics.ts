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

  readonly errors = new Counter({
    name: 'hotello_errors_total',
    help: 'Errors by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'hotello_' });
  }
}
