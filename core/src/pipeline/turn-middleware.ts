import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { TurnMiddleware } from '../turns/turn-context';

/**
 * Human handoff: while staff have the conversation the bot stays silent (the message is still
 * logged for them). Past the hotel's handoff timeout it hands the conversation back.
 */
export function handoffGuard(now: () => Date = () => new Date()): TurnMiddleware {
  return async (ctx, next) => {
    const handoff = ctx.conversation.handoff;
    if (handoff?.active) {
      if (handoff.until && handoff.until.getTime() <= now().getTime()) {
        ctx.update({ handoff: null });
        ctx.reply({ kind: 'text', text: ctx.t('handoff_ended') });
        // Turn events go out only after the turn's version-checked save commits, so of several
        // instances (or a staff handback racing this turn) only the one that cleared it emits.
        ctx.emit('handoff.ended', {
          hotelId: ctx.hotel.id,
          conversationId: ctx.conversation.id,
          guest: ctx.conversation.guest,
          by: 'timeout',
        });
      } else {
        ctx.silence();
        ctx.emit('handoff.message', {
          hotelId: ctx.hotel.id,
          conversationId: ctx.conversation.id,
          guest: ctx.message.from,
          text: ctx.text,
        });
        return;
      }
    }
    await next();
  };
}

/**
 * Per-guest rate limit. The guest hears about it once, when first crossing the limit; further
 * messages inside the window are logged and dropped without a reply.
 */
export function rateLimitGuard(limiterFor: (hotelId: string) => RateLimiterAbstract): TurnMiddleware {
  return async (ctx, next) => {
    const limiter = limiterFor(ctx.hotel.id);
    try {
      await limiter.consume(`${ctx.hotel.id}:${ctx.message.from}`);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      if (res.consumedPoints === limiter.points + 1) ctx.reply({ kind: 'text', text: ctx.t('rate_limited') });
      ctx.silence();
      return;
    }
    await next();
  };
}

/** A message kind we cannot handle gets a polite answer instead of reaching the router. */
export function unsupportedGuard(): TurnMiddleware {
  return async (ctx, next) => {
    if (ctx.message.content.kind === 'unsupported') {
      ctx.reply({ kind: 'text', text: ctx.t('unsupported') });
      return;
    }
    await next();
  };
}

export function memoryLimiter(points: number, duration: number): RateLimiterAbstract {
  return new RateLimiterMemory({ points, duration });
}
