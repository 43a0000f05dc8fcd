import { randomUUID } from 'node:crypto';
import type { DependencyContainer } from 'tsyringe';
import { guestOrderKey, sequence, type EmittedEvent } from '../events/emitted-event';
import type { EventBus } from '../events/event-bus';
import type { HotelDirectory, Hotel } from '../kernel/hotel-directory';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import { resolveMenuReply } from '../messaging/menu-reply';
import type { ChannelAddress, InboundMessage } from '../messaging/inbound';
import type { ButtonOption, OutboundContent } from '../messaging/outbound';
import type { Conversation, ConversationChanges } from '../store/conversation';
import { ConcurrentUpdateError, type ConversationStore } from '../store/conversation-store';
import type { LoggedMessage } from '../store/message-log';
import type { TurnMiddleware, TurnContext } from '../turns/turn-context';
import type { TurnRegistry } from '../turns/turn-registry';
import { menuOf } from './menu-memory';
import type { Router } from './router';
import { emptyActions, mergeChanges } from './turn-actions';
import { TurnContextImpl } from './turn-context-impl';

/**
 * What the last committed turn of a conversation produced, kept on the conversation itself: saved
 * atomically with the turn's changes, it is what a re-run after a crash finishes from — its
 * replies are queued and its events recorded once each.
 */
interface LastTurn {
  readonly inboundId: string;
  readonly replies: readonly OutboundContent[];
  /** Absent on conversations saved before events were durable. */
  readonly events?: readonly EmittedEvent[];
}

const SAVE_ATTEMPTS = 5;

export interface TurnRunnerDeps {
  store: ConversationStore;
  registry: TurnRegistry;
  router: Router;
  hotels: HotelDirectory;
  container: DependencyContainer;
  events: EventBus;
  logger: Logger;
  metrics: Metrics;
  /** The guest identity turns carry (see `MessagingHub.identityOf`). */
  identityOf: (address: ChannelAddress, guest: string) => string;
  /** Core's own guard middleware, run before every plugin's. */
  guards: readonly TurnMiddleware[];
  now?: () => Date;
}

function compose(middleware: readonly TurnMiddleware[], ctx: TurnContext): Promise<void> {
  const dispatch = async (i: number): Promise<void> => {
    const fn = middleware[i];
    if (!fn) return;
    let called = false;
    await fn(ctx, () => {
      if (called) throw new Error('next() called twice in one middleware');
      called = true;
      return dispatch(i + 1);
    });
  };
  return dispatch(0);
}

/**
 * The canonical message a turn sees, rebuilt from its log entry. Every turn runs from the log
 * (never from a copy in the receiving process), so whichever instance runs it, and whenever,
 * the turn sees the same message.
 */
export function messageFromLog(entry: LoggedMessage, channelType: string): InboundMessage {
  return {
    hotelId: entry.hotelId,
    channelId: entry.channelId,
    channelType,
    providerMessageId: entry.providerMessageId ?? entry.id,
    from: entry.guest,
    // Rows stored before the provider's time was kept fall back to when we stored them.
    timestamp: entry.sentAt ?? entry.createdAt,
    content: entry.content as InboundMessage['content'],
    raw: entry.raw,
    ...(entry.profileName ? { profileName: entry.profileName } : {}),
    ...(entry.replyTo ? { replyTo: entry.replyTo } : {}),
  };
}

/**
 * Runs one guest message through the turn pipeline and commits the result. The commit is
 * ordered so a crash at any point is recovered by running the message again: the
 * conversation (with the id of the message it answered) is saved atomically with its queued
 * replies recorded in the outbox before the inbound message is marked handled; a re-run that
 * finds its own id on the conversation only finishes the remaining steps.
 */
export class TurnRunner {
  private readonly now: () => Date;

  constructor(private readonly deps: TurnRunnerDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async run(entry: LoggedMessage, message: InboundMessage): Promise<void> {
    const { store, metrics } = this.deps;
    const hotel = this.deps.hotels.get(entry.hotelId);
    if (!hotel) throw new Error(`message ${entry.id} belongs to unknown hotel ${entry.hotelId}`);
    const stop = metrics.turnDuration.startTimer({ hotel: hotel.id });
    const key = { hotelId: entry.hotelId, channelId: entry.channelId, guest: entry.guest };

    for (let attempt = 1; ; attempt++) {
      const conversation = await store.load(key);
      const last = conversation.data.core?.lastTurn as LastTurn | undefined;
      if (last?.inboundId === entry.id) {
        // Saved before a crash: queue its replies unless that step also happened.
        const history = await store.history(key, 50);
        const queued = history.some((m) => m.direction === 'out' && m.inReplyTo === entry.id);
        await this.finish(entry, conversation, queued ? undefined : last.replies, last.events ?? []);
        stop();
        return;
      }
      const turn = await this.decide(hotel, entry, message, conversation);
      try {
        const saved = await store.save(conversation, turn.changes);
        await this.finish(entry, saved, turn.replies, turn.events);
        metrics.turns.inc({ hotel: hotel.id, outcome: turn.silent ? 'silent' : 'answered' });
        stop();
        return;
      } catch (err) {
        if (!(err instanceof ConcurrentUpdateError) || attempt >= SAVE_ATTEMPTS) throw err;
        // Someone changed the conversation (staff, a plugin job) while we decided: decide again on fresh state.
      }
    }
  }

  /** Runs middleware and router; nothing is written yet. */
  private async decide(hotel: Hotel, entry: LoggedMessage, message: InboundMessage, conversation: Conversation) {
    const now = this.now();
    const actions = emptyActions();
    const ctx = new TurnContextImpl({
      turnId: randomUUID(),
      hotel,
      message,
      conversation,
      identity: this.deps.identityOf(message, conversation.guest),
      choice: this.choiceOf(message, conversation, now),
      services: this.deps.container,
      logger: this.deps.logger.child({ turn: entry.id, hotel: hotel.id }),
      catalog: this.deps.registry.messages,
      actions,
    });

    await compose(
      [...this.deps.guards, ...this.deps.registry.middlewareFor(hotel.id), (c) => this.deps.router.route(c as TurnContextImpl)],
      ctx,
    );

    if (actions.handoffReason && !conversation.handoff?.active) {
      const until = new Date(now.getTime() + hotel.handoff.timeoutMinutes * 60_000);
      actions.changes.handoff = { active: true, since: now, reason: actions.handoffReason, until };
      if (hotel.inQuietHours(now)) ctx.reply({ kind: 'text', text: ctx.t('handoff_quiet', { from: hotel.quietHours!.to }) });
      else if (actions.replies.length === 0) ctx.reply({ kind: 'text', text: ctx.t('handoff_started') });
      actions.events.push({
        event: 'handoff.requested',
        payload: { hotelId: hotel.id, conversationId: conversation.id, guest: conversation.guest, reason: actions.handoffReason },
      });
    }

    const changes: ConversationChanges = {};
    mergeChanges(changes, actions.changes);
    // A late retry of an older message must not move the 24-hour window back.
    const previous = conversation.lastInboundAt;
    changes.lastInboundAt = previous && previous > message.timestamp ? previous : message.timestamp;
    const menu = menuOf(actions.replies, hotel.menuTtlMinutes, now);
    if (menu !== undefined) changes.menu = menu;
    if (message.profileName && !conversation.profile.name) changes.profile = { ...(changes.profile ?? {}), name: message.profileName };
    const events = this.turnEvents(entry, conversation, actions.events, now);
    changes.data = {
      ...(changes.data ?? {}),
      core: { ...(changes.data?.core ?? {}), lastTurn: { inboundId: entry.id, replies: actions.replies, events } satisfies LastTurn },
    };
    return { changes, replies: actions.replies, events, silent: actions.silent === true };
  }

  /**
   * The turn's events with ids and order fixed before the commit: `message.received` for the
   * guest's message, then what the turn emitted. Ids derive from the message, so a re-run
   * records the same events and listeners get each once.
   */
  private turnEvents(
    entry: LoggedMessage,
    conversation: Conversation,
    emitted: readonly { event: string; payload: unknown; id?: string }[],
    at: Date,
  ): EmittedEvent[] {
    const received = {
      event: 'message.received',
      payload: { hotelId: entry.hotelId, channelId: entry.channelId, guest: entry.guest, messageId: entry.id },
    };
    const orderKey = guestOrderKey(entry.hotelId, conversation.guest);
    return [received, ...emitted].map((e, i) => ({
      id: i === 0 ? `received:${entry.id}` : 'id' in e && e.id !== undefined ? e.id : `turn:${entry.id}:${i}`,
      event: e.event,
      payload: e.payload,
      orderKey,
      seq: sequence(at, i),
      emittedAt: at,
    }));
  }

  /** Queues the replies (once), records the events (once each) and marks the guest message handled. */
  private async finish(
    entry: LoggedMessage,
    conversation: Conversation,
    replies: TurnContext['replies'] | undefined,
    events: readonly EmittedEvent[],
  ): Promise<void> {
    const { store } = this.deps;
    if (replies && replies.length > 0) {
      await store.enqueueOutbound(
        replies.map((content) => ({
          hotelId: entry.hotelId,
          channelId: entry.channelId,
          guest: conversation.guest,
          content,
          inReplyTo: entry.id,
        })),
      );
    }
    // Before the message is marked handled: a crash in between re-runs the turn, which records them again (no-op).
    await this.deps.events.publish(events);
    await store.markInbound(entry.hotelId, entry.id, 'handled');
  }

  private choiceOf(message: InboundMessage, conversation: Conversation, now: Date): ButtonOption | undefined {
    const c = message.content;
    if (c.kind === 'choice') return { id: c.id, title: c.title };
    const menu = conversation.menu;
    if (c.kind !== 'text' || !menu || menu.expiresAt.getTime() <= now.getTime()) return undefined;
    return resolveMenuReply(c.text, menu.options)?.option;
  }
}
