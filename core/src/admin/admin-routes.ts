import { Router } from '@koa/router';
import type { Middleware } from 'koa';
import { z } from 'zod';
import { adminAccess } from './admin-access';
import type { AdminAuthenticator } from './admin-auth';
import type { AdminRole } from './admin-roles';
import type { EventBus } from '../events/event-bus';
import { HttpError, badRequest, notFound } from '../http/http-error';
import type { HotelDirectory } from '../kernel/hotel-directory';
import type { MessageCatalog } from '../i18n/message-catalog';
import type { Conversation, ConversationChanges } from '../store/conversation';
import { ConcurrentUpdateError, type ConversationStore } from '../store/conversation-store';
import type { TurnScheduler } from '../pipeline/scheduler/turn-scheduler';

const staffMessage = z.object({ text: z.string().trim().min(1).max(4096) }).strict();
const handoffBody = z
  .object({
    reason: z.string().max(500).optional(),
    minutes: z
      .number()
      .positive()
      .max(7 * 24 * 60)
      .optional(),
  })
  .strict();

export interface AdminDeps {
  /** Who is calling; shared with plugins' admin routes so both accept the same credentials. */
  auth: AdminAuthenticator;
  store: ConversationStore;
  hotels: HotelDirectory;
  scheduler: () => TurnScheduler;
  events: EventBus;
  catalog: MessageCatalog;
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw badRequest(result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return result.data;
}

/** Applies a change that must not be lost to a concurrent turn: reload and retry on conflict. */
async function saveWithRetry(
  store: ConversationStore,
  hotelId: string,
  id: string,
  change: (c: Conversation) => ConversationChanges,
): Promise<Conversation> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await store.find(hotelId, id);
    if (!current) throw notFound('unknown conversation');
    try {
      return await store.save(current, change(current));
    } catch (err) {
      if (!(err instanceof ConcurrentUpdateError)) throw err;
    }
  }
  throw new HttpError(409, 'conflict', 'the conversation is too busy; try again');
}

/**
 * Every route here is the front desk's daily work with guests, so each needs `front-desk`;
 * higher roles pass by the ladder.
 */
const CONVERSATION_ROLE: AdminRole = 'front-desk';

/**
 * The staff side of human handoff: list and read conversations, reply as staff through the
 * guest's channel (logged like any reply), take a conversation over and hand it back.
 *
 * Each route carries its own admin check (`adminAccess`) rather than the router matching a
 * prefix, and the router matches case-sensitively and strictly, so no spelling of a path can
 * reach a handler without it.
 */
export function adminRoutes(deps: AdminDeps): Router {
  const { store, hotels } = deps;
  const router = new Router({ prefix: '/admin', sensitive: true, strict: true });
  const staff: Middleware = adminAccess(deps.auth, { role: CONVERSATION_ROLE, hotel: (ctx) => hotels.get(ctx.params?.hotel ?? '') });

  router.get('/hotels/:hotel/conversations', staff, async (ctx) => {
    const handoff = ctx.query.handoff === undefined ? undefined : ctx.query.handoff === 'true';
    ctx.body = { conversations: await store.list(ctx.params.hotel!, { handoff, limit: 100 }) };
  });

  router.get('/hotels/:hotel/conversations/:id', staff, async (ctx) => {
    const conversation = await store.find(ctx.params.hotel!, ctx.params.id!);
    if (!conversation) throw notFound('unknown conversation');
    ctx.body = { conversation, messages: await store.history(conversation, 100) };
  });

  router.post('/hotels/:hotel/conversations/:id/messages', staff, async (ctx) => {
    const { text } = parse(staffMessage, ctx.request.body);
    const conversation = await store.find(ctx.params.hotel!, ctx.params.id!);
    if (!conversation) throw notFound('unknown conversation');
    const [queued] = await store.enqueueOutbound([
      { hotelId: conversation.hotelId, channelId: conversation.channelId, guest: conversation.guest, content: { kind: 'text', text } },
    ]);
    deps.scheduler().schedule(conversation);
    ctx.status = 202;
    ctx.body = { message: queued };
  });

  router.post('/hotels/:hotel/conversations/:id/handoff', staff, async (ctx) => {
    const body = parse(handoffBody, ctx.request.body);
    const hotel = hotels.get(ctx.params.hotel!)!;
    const now = new Date();
    const minutes = body.minutes ?? hotel.handoff.timeoutMinutes;
    const saved = await saveWithRetry(store, hotel.id, ctx.params.id!, () => ({
      handoff: {
        active: true,
        since: now,
        reason: body.reason ?? 'taken over by staff',
        until: new Date(now.getTime() + minutes * 60_000),
      },
    }));
    ctx.body = { conversation: saved };
  });

  router.post('/hotels/:hotel/conversations/:id/handback', staff, async (ctx) => {
    const hotel = hotels.get(ctx.params.hotel!)!;
    // Decided on the state the winning save saw: a handoff that already timed out (and said so)
    // must not be reported as ended a second time.
    let wasActive = false;
    const saved = await saveWithRetry(store, hotel.id, ctx.params.id!, (current) => {
      wasActive = current.handoff?.active === true;
      return { handoff: null };
    });
    const languages = [saved.language ?? hotel.defaultLanguage, hotel.defaultLanguage];
    await store.enqueueOutbound([
      {
        hotelId: saved.hotelId,
        channelId: saved.channelId,
        guest: saved.guest,
        content: { kind: 'text', text: deps.catalog.render('core', 'handoff_ended', languages) },
      },
    ]);
    deps.scheduler().schedule(saved);
    if (wasActive) {
      await deps.events.emit('handoff.ended', { hotelId: saved.hotelId, conversationId: saved.id, guest: saved.guest, by: 'staff' });
    }
    ctx.body = { conversation: saved };
  });

  return router;
}
