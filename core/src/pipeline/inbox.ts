import type { EventBus } from '../events/event-bus';
import type { HotelDirectory } from '../kernel/hotel-directory';
import type { Logger } from '../logging/logger';
import type { InboundEvent, InboundMessage } from '../messaging/inbound';
import type { InboundSink, ReceiveResult } from '../messaging/messaging-hub';
import { guestProfileName } from '../messaging/profile-name';
import { plausibleTimestamp } from '../messaging/provider-timestamp';
import { SkippedItems } from '../messaging/skipped-items';
import { StoreValidationError, type ConversationStore } from '../store/conversation-store';
import type { TurnScheduler } from './scheduler/turn-scheduler';

/**
 * The inbox: persists each guest message (deduplicated on hotel, channel and provider id)
 * before the webhook is acknowledged, then schedules its conversation. A duplicate is
 * acknowledged and dropped. Statuses update the message log. An event the store refuses is
 * skipped and reported (one log line per batch), not fatal to the batch: the provider would
 * resend the whole batch for days, and the refused event would fail every time.
 */
export class Inbox implements InboundSink {
  constructor(
    private readonly store: ConversationStore,
    private readonly hotels: HotelDirectory,
    private readonly scheduler: () => TurnScheduler,
    private readonly events: EventBus,
    private readonly logger: Logger,
  ) {}

  async receive(events: readonly InboundEvent[]): Promise<ReceiveResult> {
    const receivedAt = new Date();
    const refused = new SkippedItems();
    let accepted = 0;
    let duplicates = 0;
    let statuses = 0;
    // In order: a batch may hold several messages from one guest, and their order is arrival order.
    for (const event of events) {
      if (event.type === 'message') {
        const m = normalised(event.message, receivedAt);
        this.assertKnown(m.hotelId, m.channelId);
        const recorded = await unlessRefused(this.store.recordInbound(m), (err) =>
          refused.add('message refused by the store', { hotel: m.hotelId, id: m.providerMessageId, error: err.message }),
        );
        if (recorded.refused) continue;
        const { duplicate } = recorded.value;
        if (duplicate) {
          duplicates++;
          continue;
        }
        accepted++;
        // `message.received` is published with the message's turn, so it is recorded with that commit.
        this.scheduler().schedule({ hotelId: m.hotelId, channelId: m.channelId, guest: m.from });
      } else {
        const s = event.status;
        this.assertKnown(s.hotelId, s.channelId);
        if (s.reference && s.status !== 'failed') await this.reconcile(s.hotelId, s.reference, s.providerMessageId);
        const applied = await unlessRefused(
          this.store.updateDelivery(s.hotelId, s.channelId, s.providerMessageId, s.status, s.error),
          (err) => refused.add('status refused by the store', { hotel: s.hotelId, id: s.providerMessageId, error: err.message }),
        );
        if (applied.refused) continue;
        statuses++;
        const updated = applied.value;
        if (!updated) {
          this.logger.debug({ hotel: s.hotelId, status: s.status }, 'status for a message we do not know');
          continue;
        }
        // Ids from what happened: a provider repeating its callback announces nothing twice.
        await this.events.emit(
          'message.status',
          { hotelId: s.hotelId, channelId: s.channelId, guest: updated.guest, messageId: updated.id, status: s.status },
          { id: `status:${updated.id}:${s.status}` },
        );
        if (s.status === 'failed') {
          await this.events.emit(
            'message.failed',
            {
              hotelId: s.hotelId,
              channelId: s.channelId,
              guest: updated.guest,
              messageId: updated.id,
              code: s.error?.code ?? 'unknown',
              reason: s.error?.message ?? 'the provider reported a failure',
            },
            { id: `failed:${updated.id}` },
          );
        }
      }
    }
    refused.log(this.logger, 'webhook events refused by the store', 'warn');
    return { accepted, duplicates, statuses, ...(refused.count > 0 ? { rejected: refused.count } : {}) };
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

/**
 * What the inbox stores: a provider time that is not plausible becomes the receipt time (it
 * would otherwise be refused, or move the 24-hour window), and the profile name is cut to what
 * a conversation keeps, so the turn that saves it cannot fail on it.
 */
function normalised(message: InboundMessage, receivedAt: Date): InboundMessage {
  const { profileName: given, ...rest } = message;
  const profileName = guestProfileName(given);
  return { ...rest, timestamp: plausibleTimestamp(message.timestamp, receivedAt), ...(profileName ? { profileName } : {}) };
}

type Outcome<T> = { readonly refused: false; readonly value: T } | { readonly refused: true };

/** Awaits a store call; a validation refusal is reported and returned as such, anything else still throws. */
async function unlessRefused<T>(call: Promise<T>, report: (err: StoreValidationError) => void): Promise<Outcome<T>> {
  try {
    return { refused: false, value: await call };
  } catch (err) {
    if (!(err instanceof StoreValidationError)) throw err;
    report(err);
    return { refused: true };
  }
}
