import type { DeliveryState, InboundContent } from '../messaging/inbound';
import type { OutboundContent } from '../messaging/outbound';

/**
 * Where a logged message is in its life. Inbound: `received` (persisted, turn pending) →
 * `handled` (its turn finished) or `failed`. Outbound: `queued` (persisted, not yet sent) →
 * `sent` → `delivered` → `read`, or `failed` with the provider's reason.
 */
export type LoggedStatus = 'received' | 'handled' | 'queued' | DeliveryState;

/** One message in or out, the single record behind the inbox, the outbox and history. */
export interface LoggedMessage {
  readonly id: string;
  readonly hotelId: string;
  readonly channelId: string;
  readonly guest: string;
  readonly direction: 'in' | 'out';
  /** Provider id: the guest's message id inbound; ours until sent, then the provider's, outbound. */
  readonly providerMessageId?: string;
  readonly content: InboundContent | OutboundContent;
  readonly status: LoggedStatus;
  readonly error?: { readonly code: string; readonly message: string };
  /** Send attempts made (outbound). */
  readonly attempts: number;
  /** Earliest time the next send attempt may run (outbound backoff). */
  readonly nextAttemptAt?: Date;
  /** The inbound message a reply answers. */
  readonly inReplyTo?: string;
  /** Outbound: deferred until then without holding back later replies (see `NewOutbound.notBefore`). */
  readonly notBefore?: Date;
  /** Outbound: sent instead if the 24-hour window is closed when it goes out. */
  readonly outsideWindowTemplate?: Extract<OutboundContent, { kind: 'template' }>;
  /** Outbound: the plugin that sent it proactively (outside a turn). */
  readonly proactiveBy?: string;
  readonly raw?: unknown;
  /** Inbound: the guest's profile name sent with the message, if any. */
  readonly profileName?: string;
  /** Inbound: the provider id of the message the guest quoted, if any. */
  readonly replyTo?: string;
  /** Inbound: when the guest sent it, by the provider's clock; absent on rows stored before it was kept. */
  readonly sentAt?: Date;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
