import { Router } from '@koa/router';
import type { Middleware } from 'koa';
import { z } from 'zod';
import type { DeadLetters } from '../events/dead-letters';
import { MAX_DEAD_LETTERS } from '../events/dead-letters';
import { badRequest, notFound } from '../http/http-error';
import type { HotelDirectory } from '../kernel/hotel-directory';
import { adminAccess } from './admin-access';
import type { AdminAuthenticator } from './admin-auth';
import type { AdminRole } from './admin-roles';

export interface EventRoutesDeps {
  readonly auth: AdminAuthenticator;
  readonly hotels: HotelDirectory;
  readonly deadLetters: DeadLetters;
}

/** Dead letters hold guests' data and replaying one re-runs plugin side effects (alerts, payments): a manager's call. */
const DEAD_LETTER_ROLE: AdminRole = 'manager';

const limitQuery = z.coerce.number().int().min(1).max(MAX_DEAD_LETTERS).default(50);

/**
 * `GET /admin/hotels/:hotel/events/dead` lists the events a listener failed on its last attempt;
 * `POST …/events/dead/:id/replay` and `POST …/events/dead/replay` (all) put them back in the
 * queue. Like every admin route, each carries its own check.
 */
export function eventRoutes(deps: EventRoutesDeps): Router {
  const router = new Router({ prefix: '/admin', sensitive: true, strict: true });
  const manager: Middleware = adminAccess(deps.auth, { role: DEAD_LETTER_ROLE, hotel: (ctx) => deps.hotels.get(ctx.params?.hotel ?? '') });

  router.get('/hotels/:hotel/events/dead', manager, async (ctx) => {
    const limit = limitQuery.safeParse(ctx.query.limit ?? undefined);
    if (!limit.success) throw badRequest(`limit: expected a whole number from 1 to ${MAX_DEAD_LETTERS}`);
    ctx.body = { deadLetters: await deps.deadLetters.list(ctx.params.hotel!, limit.data) };
  });

  router.post('/hotels/:hotel/events/dead/replay', manager, async (ctx) => {
    ctx.body = { replayed: await deps.deadLetters.replay(ctx.params.hotel!) };
  });

  router.post('/hotels/:hotel/events/dead/:id/replay', manager, async (ctx) => {
    const replayed = await deps.deadLetters.replay(ctx.params.hotel!, ctx.params.id!);
    if (replayed === 0) throw notFound('no such dead letter');
    ctx.body = { replayed };
  });

  return router;
}
