import type { MessageCatalog } from '../i18n/message-catalog';
import type { Hotel, HotelDirectory } from '../kernel/hotel-directory';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import type { MessagingHub } from '../messaging/messaging-hub';
import { windowOpen } from '../pipeline/outside-window';
import type { TurnScheduler } from '../pipeline/scheduler/turn-scheduler';
import { StoreValidationError, type ConversationStore, type NewOutbound } from '../store/conversation-store';
import type { ConsentStore } from './consent';
import { GuestOptedOutError, InvalidProactiveRequestError, OutsideWindowError, ProactiveError, UnknownHotelError } from './errors';
import { guestNumber } from './guest-number';
import { proactiveMessageId } from './message-id';
import { quietHoursEnd } from './quiet-hours-end';
import { languagesFor, renderContent, templateContent } from './send-content';
import type { ProactiveSendRequest, ProactiveSendResult } from './send-request';
import { resolveTarget, type SendTarget } from './send-target';

export interface ProactiveSenderDeps {
  store: ConversationStore;
  hotels: HotelDirectory;
  messaging: MessagingHub;
  catalog: MessageCatalog;
  consent: ConsentStore;
  /** The running pipeline's scheduler; undefined until the bot has started. */
  scheduler: () => TurnScheduler | undefined;
  logger: Logger;
  metrics: Metrics;
  now?: () => Date;
}

const MAX_KEY_LENGTH = 200;

/**
 * Messages a plugin sends outside a turn. Everything is decided before anything is queued —
 * hotel, guest, consent, channel, text, quiet hours, 24-hour window — so a refusal leaves no
 * trace but a log line; what passes goes into the same outbox as turn replies (same order,
 * retries, status callbacks), optionally deferred past quiet hours.
 */
export class ProactiveSender {
  private readonly now: () => Date;

  constructor(private readonly deps: ProactiveSenderDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async send(plugin: string, request: ProactiveSendRequest): Promise<ProactiveSendResult> {
    const hotelId = typeof request?.hotelId === 'string' ? request.hotelId : String(request?.hotelId);
    try {
      const result = await this.queue(plugin, request);
      this.count(hotelId, plugin, result.duplicate ? 'duplicate' : result.notBefore ? 'deferred' : 'queued');
      return result;
    } catch (err) {
      const outcome = err instanceof ProactiveError ? err.code : 'error';
      this.count(hotelId, plugin, outcome);
      this.deps.logger.warn({ hotel: hotelId, plugin, outcome, reason: (err as Error).message }, 'proactive message refused');
      throw err;
    }
  }

  private async queue(plugin: string, request: ProactiveSendRequest): Promise<ProactiveSendResult> {
    const { hotels, consent, catalog } = this.deps;
    const scheduler = this.deps.scheduler();
    if (!scheduler)
      throw new InvalidProactiveRequestError('messaging.send works once the bot has started (in start() or later), not in register');
    if (typeof request !== 'object' || request === null || typeof request.message !== 'object' || request.message === null)
      throw new InvalidProactiveRequestError('messaging.send needs { hotelId, guest, message }');
    const key = idempotencyKeyOf(request.idempotencyKey);
    const hotel = hotels.get(request.hotelId);
    if (!hotel) throw new UnknownHotelError(String(request.hotelId));
    const guest = guestNumber(hotel.id, request.guest);
    if (!(await consent.allowsProactive(hotel.id, guest))) throw new GuestOptedOutError(hotel.id);

    const target = await resolveTarget(this.deps, hotel.id, guest, request.channelId);
    const languages = languagesFor(hotel, target.conversation?.language);
    const content = renderContent(catalog, plugin, request.message, languages);
    const now = this.now();
    const notBefore = request.urgent === true ? undefined : quietHoursEnd(hotel, now);
    const template = request.template && templateContent(request.template, languages[0]!);
    this.checkWindow(hotel, target, content.kind === 'template' || !!template, notBefore ?? now);

    const row: NewOutbound = {
      ...target.key,
      content,
      proactiveBy: plugin,
      ...(notBefore ? { notBefore } : {}),
      ...(template ? { outsideWindowTemplate: template } : {}),
    };
    const { entry, duplicate } = await this.enqueue(row, key && proactiveMessageId(hotel.id, plugin, key));
    if (!duplicate) {
      // Deferred: a timer where the scheduler has one; the work sweeper finds it when due either way.
      if (notBefore) scheduler.scheduleAt(target.key, notBefore);
      else scheduler.schedule(target.key);
    }
    this.deps.logger.info(
      { hotel: hotel.id, plugin, channel: target.key.channelId, messageId: entry.id, notBefore, duplicate },
      duplicate ? 'proactive message already queued under its idempotency key' : 'proactive message queued',
    );
    return {
      messageId: entry.id,
      channelId: entry.channelId,
      duplicate,
      ...(entry.notBefore && entry.notBefore > now ? { notBefore: entry.notBefore } : {}),
    };
  }

  /**
   * On a channel that enforces WhatsApp's 24-hour window (one that sends templates; see the
   * outbox), a message that will go out after the window closed needs a template to send
   * instead. Checked for the time it goes out; the outbox decides again at that moment.
   */
  private checkWindow(hotel: Hotel, target: SendTarget, hasTemplate: boolean, sendAt: Date): void {
    if (!target.adapter.capabilities.kinds.has('template')) return;
    if (hasTemplate || hotel.outsideWindowTemplate || windowOpen(target.conversation?.lastInboundAt, sendAt)) return;
    throw new OutsideWindowError(hotel.id, target.key.channelId);
  }

  private async enqueue(row: NewOutbound, id: string | undefined) {
    try {
      if (id) return await this.deps.store.enqueueOutboundOnce(id, row);
      const [entry] = await this.deps.store.enqueueOutbound([row]);
      return { entry: entry!, duplicate: false };
    } catch (err) {
      // Content a plugin built itself (too long, an unknown kind) is the store's to vet.
      if (err instanceof StoreValidationError) throw new InvalidProactiveRequestError(`cannot queue the message: ${err.message}`);
      throw err;
    }
  }

  private count(hotel: string, plugin: string, outcome: string): void {
    this.deps.metrics.proactive.inc({ hotel: this.deps.hotels.get(hotel) ? hotel : 'unknown', plugin, outcome });
  }
}

function idempotencyKeyOf(key: unknown): string | undefined {
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH)
    throw new InvalidProactiveRequestError(`idempotencyKey: expected a non-empty string of at most ${MAX_KEY_LENGTH} characters`);
  return key;
}
