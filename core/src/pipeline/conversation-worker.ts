import { guestOrderKey, sequence } from '../events/emitted-event';
import type { EventBus } from '../events/event-bus';
import type { HotelDirectory } from '../kernel/hotel-directory';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import type { ConversationKey } from '../store/conversation';
import { StoreUnavailableError, type ConversationStore } from '../store/conversation-store';
import type { MessageCatalog } from '../i18n/message-catalog';
import type { OutboxSender } from './outbox-sender';
import { messageFromLog, type TurnRunner } from './turn-runner';

export interface ConversationWorkerDeps {
  store: ConversationStore;
  runner: TurnRunner;
  sender: OutboxSender;
  hotels: HotelDirectory;
  events: EventBus;
  catalog: MessageCatalog;
  logger: Logger;
  metrics: Metrics;
}

/** Signals that the worker lost its right to run this conversation (its lock lapsed). */
export type StillOwner = () => boolean;

const BATCH = 20;

/**
 * Drains one conversation: sends its queued replies, then runs its pending guest messages
 * one by one in arrival order, sending each turn's replies before the next turn. Callers
 * guarantee only one drain per conversation runs at a time (in process, or by a Redis lock).
 */
export class ConversationWorker {
  constructor(private readonly deps: ConversationWorkerDeps) {}

  async drain(key: ConversationKey, stillOwner: StillOwner = () => true): Promise<void> {
    const { store, runner, sender, hotels } = this.deps;
    await sender.flush(key);
    for (;;) {
      const pending = await store.pendingInbound(key.hotelId, { channelId: key.channelId, guest: key.guest, limit: BATCH });
      if (pending.length === 0) return;
      for (const entry of pending) {
        if (!stillOwner()) return;
        const channelType = hotels.channel(key.hotelId, key.channelId)?.type ?? 'unknown';
        // From the log alone: the instance that received the message may not be the one draining.
        const message = messageFromLog(entry, channelType);
        try {
          await runner.run(entry, message);
        } catch (err) {
          if (err instanceof StoreUnavailableError) throw err;
          await this.failTurn(key, entry.id, err);
        }
        await sender.flush(key);
      }
    }
  }

  /**
   * A turn that throws would throw again on retry (a bug, bad data): apologise to the guest
   * and mark it failed, so it neither blocks the conversation nor loops forever.
   */
  private async failTurn(key: ConversationKey, entryId: string, err: unknown): Promise<void> {
    const { store, logger, metrics, events, catalog, hotels } = this.deps;
    const at = new Date();
    metrics.errors.inc({ kind: 'turn' });
    metrics.turns.inc({ hotel: key.hotelId, outcome: 'failed' });
    logger.error({ err, hotel: key.hotelId, entry: entryId }, 'turn failed');
    const conversation = await store.findByKey(key);
    const hotel = hotels.get(key.hotelId);
    const languages = [conversation?.language ?? hotel?.defaultLanguage ?? 'en'];
    await store.enqueueOutbound([
      { ...key, content: { kind: 'text', text: catalog.render('core', 'error', languages) }, inReplyTo: entryId },
    ]);
    const reason = err instanceof Error ? err.message : String(err);
    // Recorded before the message is marked failed, with ids from the message: a crash in between
    // fails the turn again and records nothing twice.
    await events.publish(
      [
        {
          event: 'message.received',
          payload: { hotelId: key.hotelId, channelId: key.channelId, guest: key.guest, messageId: entryId },
          id: `received:${entryId}`,
        },
        {
          event: 'turn.failed',
          payload: { hotelId: key.hotelId, conversationId: conversation?.id ?? '', guest: key.guest, messageId: entryId, error: reason },
          id: `turn-failed:${entryId}`,
        },
      ].map((e, i) => ({ ...e, orderKey: guestOrderKey(key.hotelId, key.guest), seq: sequence(at, i), emittedAt: at })),
    );
    await store.markInbound(key.hotelId, entryId, 'failed', { code: 'turn_error', message: reason.slice(0, 500) });
  }
}
