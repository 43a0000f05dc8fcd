import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  ExponentialBackoff,
  circuitBreaker,
  handleAll,
  handleWhen,
  retry,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import type { EventBus } from '../events/event-bus';
import type { Hotel, HotelDirectory } from '../kernel/hotel-directory';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import { ChannelSendError, type SendResult } from '../messaging/channel-adapter';
import { renderForChannel } from '../messaging/degrade';
import type { MessagingHub } from '../messaging/messaging-hub';
import type { OutboundContent } from '../messaging/outbound';
import type { ConversationKey } from '../store/conversation';
import type { ConversationStore } from '../store/conversation-store';
import type { LoggedMessage } from '../store/message-log';
import { backoffDelay } from './backoff';
import { contentForWindow } from './outside-window';

export interface OutboxSenderDeps {
  store: ConversationStore;
  hotels: HotelDirectory;
  messaging: MessagingHub;
  events: EventBus;
  logger: Logger;
  metrics: Metrics;
  maxAttempts: number;
  /** How long a claim protects a reply from other senders; longer than any send takes. */
  leaseMs: number;
  /** How long a reply whose last attempt has no known outcome waits for the provider's word. */
  reconcileMs: number;
  now?: () => Date;
  /** Asks the scheduler to look at a conversation again at a time (a retry falls due). */
  wakeAt: (key: ConversationKey, at: Date) => void;
  /**
   * Whether the guest still accepts proactive messages (consent can change while one waits out
   * quiet hours); asked only for rows a plugin sent proactively. Absent: always.
   */
  allowsProactive?: (hotelId: string, guest: string) => Promise<boolean>;
}

const BREAKER_OPEN_MS = 10_000;
/** The error code of an attempt the provider refused because the 24-hour window closed. */
const OUTSIDE_WINDOW = 'outside_window';

/** Recording a send the provider accepted: a store hiccup is retried a few times before giving up. */
const recordSend = retry(handleAll, { maxAttempts: 2, backoff: new ExponentialBackoff({ initialDelay: 100, maxDelay: 300 }) });

/**
 * Sends a conversation's queued replies in order. A reply that must wait (backoff, open
 * circuit) holds back the ones after it, so a guest never reads answers out of order.
 */
export class OutboxSender {
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();
  private readonly now: () => Date;

  constructor(private readonly deps: OutboxSenderDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async flush(key: ConversationKey): Promise<void> {
    const { store } = this.deps;
    const queued = await store.queuedOutbound(key, 100);
    if (queued.length === 0) return;
    const conversation = await store.findByKey(key);
    let deferredUntil: Date | undefined;
    try {
      await this.sendInOrder(key, queued, conversation?.lastInboundAt, (at) => {
        if (!deferredUntil || at < deferredUntil) deferredUntil = at;
      });
    } finally {
      // One wake-up for the earliest deferred message, however many were stepped over.
      if (deferredUntil) this.deps.wakeAt(key, deferredUntil);
    }
  }

  private async sendInOrder(
    key: ConversationKey,
    queued: readonly LoggedMessage[],
    lastInboundAt: Date | undefined,
    deferred: (until: Date) => void,
  ): Promise<void> {
    const { store } = this.deps;
    for (const message of queued) {
      const now = this.now();
      if (message.notBefore && message.notBefore.getTime() > now.getTime()) {
        // Deferred on purpose (quiet hours), not waiting on a failure: what came after goes ahead.
        deferred(message.notBefore);
        continue;
      }
      if (message.nextAttemptAt && message.nextAttemptAt.getTime() > now.getTime()) {
        this.deps.wakeAt(key, message.nextAttemptAt);
        return;
      }
      if (message.attempts > 0 && !message.error) {
        // A previous attempt claimed it and never recorded an outcome: its process died
        // mid-send. Give the provider's status webhook (which echoes our id) time to say it was
        // sent, rather than risk a second copy; after the wait it is sent again.
        const at = new Date(now.getTime() + this.deps.reconcileMs);
        await store.markSendFailed(key.hotelId, message.id, { code: 'in_doubt', message: 'previous attempt ended without an outcome' }, at);
        this.deps.wakeAt(key, at);
        return;
      }
      if (!(await store.claimOutbound(key.hotelId, message.id, this.deps.leaseMs))) return;
      const sent = await this.sendOne(key, message, lastInboundAt);
      if (!sent) return;
    }
  }

  /** Returns false when later replies must wait for this one. */
  private async sendOne(key: ConversationKey, message: LoggedMessage, lastInboundAt: Date | undefined): Promise<boolean> {
    const { store, hotels, messaging, metrics } = this.deps;
    const hotel = hotels.get(key.hotelId);
    const channel = hotels.channel(key.hotelId, key.channelId);
    const adapter = channel && messaging.adapter(channel.type);
    if (!hotel || !channel || !adapter) {
      await this.fail(key, message, 'no_channel', `channel ${key.channelId} is not configured for hotel ${key.hotelId}`);
      return true;
    }
    if (message.proactiveBy && this.deps.allowsProactive && !(await this.deps.allowsProactive(key.hotelId, key.guest))) {
      await this.fail(key, message, 'opted_out', 'the guest opted out of proactive messages before it went out');
      return true;
    }
    const now = this.now();
    // The 24-hour rule belongs to the WhatsApp Business Platform, whose channels send templates;
    // channels without templates (Green API, the simulator) have no such window.
    const windowed = adapter.capabilities.kinds.has('template');
    const content0 = message.content as OutboundContent;
    // After the provider said the window is closed, believe it over our clock (no free-form loop).
    const inbound = message.error?.code === OUTSIDE_WINDOW ? undefined : lastInboundAt;
    const allowed = windowed ? contentForWindow(content0, hotel, inbound, now, message.outsideWindowTemplate) : content0;
    if (!allowed) {
      await this.fail(
        key,
        message,
        'outside_window',
        'the 24-hour window is closed and no template was given nor configured (outsideWindowTemplate)',
      );
      return true;
    }
    // The one place a reply is fitted to its channel: the adapter sends what it is given.
    const { content } = renderForChannel(allowed, adapter.capabilities);
    const breaker = this.breakerFor(`${key.hotelId}:${key.channelId}`);
    let result: SendResult;
    try {
      result = await breaker.execute(() =>
        adapter.send(channel, { hotelId: key.hotelId, channelId: key.channelId, to: key.guest, content, outboxId: message.id }),
      );
    } catch (err) {
      return this.sendFailed(key, message, allowed, hotel, err, now);
    }
    // The provider has it: recording that must not be mistaken for a failed send (which would
    // send it again). A store hiccup here is retried; the claim's lease covers the gap.
    await recordSend.execute(() => store.markSent(key.hotelId, message.id, result.providerMessageId));
    metrics.replies.inc({ hotel: key.hotelId, outcome: 'sent' });
    return true;
  }

  private async sendFailed(
    key: ConversationKey,
    message: LoggedMessage,
    allowed: OutboundContent,
    hotel: Hotel,
    err: unknown,
    now: Date,
  ): Promise<boolean> {
    const attempts = message.attempts + 1;
    if (err instanceof BrokenCircuitError) return this.retryLater(key, message, 'circuit_open', 'provider circuit open', BREAKER_OPEN_MS);
    if (err instanceof ChannelSendError) {
      if (err.kind === 'outside_window' && allowed.kind !== 'template' && (message.outsideWindowTemplate ?? hotel.outsideWindowTemplate)) {
        // The provider knows better than our clock: the next attempt goes out as the template
        // (the code recorded here tells it so).
        await this.deps.store.markSendFailed(
          key.hotelId,
          message.id,
          { code: OUTSIDE_WINDOW, message: `${err.providerCode ?? err.kind}: ${err.message}` },
          now,
        );
        this.deps.wakeAt(key, now);
        return false;
      }
      if ((err.kind === 'retryable' || err.kind === 'throttled') && attempts < this.deps.maxAttempts) {
        return this.retryLater(key, message, err.providerCode ?? err.kind, err.message, backoffDelay(attempts, err.retryAfterMs));
      }
      await this.fail(key, message, err.providerCode ?? err.kind, err.message);
      return true;
    }
    this.deps.logger.error({ err, outbox: message.id }, 'adapter threw an unexpected error');
    if (attempts < this.deps.maxAttempts) return this.retryLater(key, message, 'adapter_error', String(err), backoffDelay(attempts));
    await this.fail(key, message, 'adapter_error', err instanceof Error ? err.message : String(err));
    return true;
  }

  private async retryLater(key: ConversationKey, message: LoggedMessage, code: string, reason: string, delayMs: number): Promise<false> {
    const at = new Date(this.now().getTime() + delayMs);
    await this.deps.store.markSendFailed(key.hotelId, message.id, { code, message: reason }, at);
    this.deps.wakeAt(key, at);
    return false;
  }

  private async fail(key: ConversationKey, message: LoggedMessage, code: string, reason: string): Promise<void> {
    await this.deps.store.markSendFailed(key.hotelId, message.id, { code, message: reason });
    this.deps.metrics.errors.inc({ kind: 'send_failed' });
    this.deps.metrics.replies.inc({ hotel: key.hotelId, outcome: 'failed' });
    this.deps.logger.warn({ outbox: message.id, code, reason }, 'reply failed for good');
    await this.deps.events.emit(
      'message.failed',
      { hotelId: key.hotelId, channelId: key.channelId, guest: key.guest, messageId: message.id, code, reason },
      { id: `failed:${message.id}` },
    );
  }

  private breakerFor(account: string): CircuitBreakerPolicy {
    let breaker = this.breakers.get(account);
    if (!breaker) {
      breaker = circuitBreaker(
        handleWhen((err) => err instanceof ChannelSendError && err.kind === 'retryable'),
        { halfOpenAfter: BREAKER_OPEN_MS, breaker: new ConsecutiveBreaker(5) },
      );
      this.breakers.set(account, breaker);
    }
    return breaker;
  }
}
