import { Router } from '@koa/router';
import type { Metrics } from '../metrics/metrics';
import type { Readiness } from './readiness';

/** `/healthz` (the process answers), `/readyz` (its dependencies answer), `/metrics`. */
export function healthRoutes(readiness: Readiness, metrics: Metrics, isDraining: () => boolean): Router {
  const router = new Router();
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    const report = await readiness.report();
    const ready = report.ready && !isDraining();
    ctx.status = ready ? 200 : 503;
    ctx.body = { status: ready ? 'ready' : 'unavailable', checks: report.checks, ...(isDraining() ? { reason: 'shutting down' } : {}) };
  });
  router.get('/metrics', async (ctx) => {
    ctx.type = metrics.registry.contentType;
    ctx.body = await metrics.registry.metrics();
  });
  return router;
}
