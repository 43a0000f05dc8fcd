import type { ChannelAdapter } from './channel-adapter';
import { guestIdentity } from './guest-identity';
import type { ChannelAddress, InboundEvent } from './inbound';

/** What happened to a webhook's events once handed over. */
export interface ReceiveResult {
  /** New guest messages persisted and scheduled. */
  readonly accepted: number;
  /** Guest messages already seen (provider retries), acknowledged and dropped. */
  readonly duplicates: number;
  /** Delivery statuses applied. */
  readonly statuses: number;
  /**
   * Events the store refused (an id too long, content over the limits), skipped so the rest of
   * the batch is kept; present only when there were some. Retrying them could never succeed.
   */
  readonly rejected?: number;
}

/** Where verified, parsed webhook events go: the inbox of the message pipeline. */
export interface InboundSink {
  receive(events: readonly InboundEvent[]): Promise<ReceiveResult>;
}

/**
 * Connects channel adapters to the pipeline. Adapters register their sending half and hand
 * parsed webhooks to {@link MessagingHub.receive}, which resolves once the events are
 * persisted — only then may the webhook answer 2xx.
 */
export class MessagingHub {
  private readonly adapters = new Map<string, ChannelAdapter>();
  private sink?: InboundSink;

  registerAdapter(adapter: ChannelAdapter): void {
    if (this.adapters.has(adapter.type)) throw new Error(`a channel adapter for "${adapter.type}" is already registered`);
    this.adapters.set(adapter.type, adapter);
  }

  adapter(type: string): ChannelAdapter | undefined {
    return this.adapters.get(type);
  }

  /**
   * The identity of `guest` (E.164) writing on the channel at `address`: the number on a channel
   * whose adapter declares `senderVerified`, a channel-scoped key otherwise.
   */
  identityOf(address: ChannelAddress, guest: string): string {
    return guestIdentity(address, guest, this.adapters.get(address.channelType)?.senderVerified === true);
  }

  /** Set by the pipeline when the bot starts. */
  connect(sink: InboundSink): void {
    this.sink = sink;
  }

  async receive(events: readonly InboundEvent[]): Promise<ReceiveResult> {
    if (!this.sink) throw new Error('no inbox connected: the bot has not started');
    if (events.length === 0) return { accepted: 0, duplicates: 0, statuses: 0 };
    return this.sink.receive(events);
  }
}
