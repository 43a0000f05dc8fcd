import type { EventBus } from '../events/event-bus';
import type { HotelDirectory } from '../kernel/hotel-directory';
import type { Logger } from '../logging/logger';
import type { InboundEvent } from '../messaging/inbound';
import type { InboundSink, ReceiveResult } from '../messaging/messaging-hub';
import { StoreValidationError, type ConversationStore } from '../store/conversation-store';
import type { ConversationWorker } from './conversation-worker';
import type { TurnScheduler } from './scheduler/turn-scheduler';

/**
 * The inbox: persists each guest message (deduplicated on hotel, channel and provider id)
 * before the webhook is acknowledged, then schedules its conversation. A duplicate is
 * acknowledged and dropped. Statuses update the message log.
 */
export class Inbox implements InboundSink {
  constructor(
    private readonly store: ConversationStore,
    private readonly hotels: HotelDirectory,
    private readonly worker: ConversationWorker,
    private readonly scheduler: () => TurnScheduler,
    private readonly events: EventBus,
    private readonly logger: Logger,
  ) {}

  async receive(events: readonly InboundEvent[]): Promise<ReceiveResult> {
    let accepted = 0;
    let duplicates = 0;
    let statuses = 0;
    // In order: a batch may hold several messages from one guest, and their order is arrival order.
    for (const event of events) {
      if (event.type === 'message') {
        const m = event.message;
        this.assertKnown(m.hotelId, m.channelId);
        const { entry, duplicate } = await this.store.recordInbound(m);
        if (duplicate) {
          duplicates++;
          continue;
        }
        accepted++;
        this.worker.remember(entry.id, m);
        this.scheduler().schedule({ hotelId: m.hotelId, channelId: m.channelId, guest: m.from });
        await this.events.emit('message.received', { hotelId: m.hotelId, channelId: m.channelId, guest: m.from, messageId: entry.id });
      } else {
        const s = event.status;
        this.assertKnown(s.hotelId, s.channelId);
        if (s.reference && s.status !== 'failed') await this.reconcile(s.hotelId, s.reference, s.providerMessageId);
        const updated = await this.store.updateDelivery(s.hotelId, s.channelId, s.providerMessageId, s.status, s.error);
        statuses++;
        if (!updated) {
          this.logger.debug({ hotel: s.hotelId, status: s.status }, 'status for a message we do not know');
          continue;
        }
        await this.events.emit('message.status', {
          hotelId: s.hotelId,
          channelId: s.channelId,
          guest: updated.guest,
          messageId: updated.id,
          status: s.status,
        });
        if (s.status === 'failed') {
          await this.events.emit('message.failed', {
            hotelId: s.hotelId,
            channelId: s.channelId,
            guest: updated.guest,
            messageId: updated.id,
            code: s.error?.code ?? 'unknown',
            reason: s.error?.message ?? 'the provider reported a failure',
          });
        }
      }
    }
    return { accepted, duplicates, statuses };
  }

  /**
   * The provider confirms it accepted a reply we may not have recorded as sent (the sender
   * crashed between the two). Recording it now stops the outbox from sending it again.
   * `markSent` only changes a reply that is still queued, so a confirmation for a reply
   * already recorded changes nothing.
   */
  private async reconcile(hotelId: string, outboxId: string, providerMessageId: string): Promise<void> {
    try {
      await this.store.markSent(hotelId, outboxId, providerMessageId);
    } catch (err) {
      if (!(err instanceof StoreValidationError)) throw err;
      this.logger.warn({ hotel: hotelId }, 'status carried a reference that is not one of our outbox ids');
    }
  }

  /** Adapters resolve hotels before calling; this guards against an adapter bug storing strays. */
  private assertKnown(hotelId: string, channelId: string): void {
    if (!this.hotels.channel(hotelId, channelId)) {
      throw new Error(`no channel "${channelId}" at hotel "${hotelId}"`);
    }
  }
}
