import type { PlannedChannel } from '../plugins/plugin-plan';
import type { OutboundKind, OutboundMessage } from './outbound';

/**
 * What a channel can render, from the provider's documentation. Core degrades anything the
 * channel cannot show (buttons and lists become a numbered text menu).
 */
export interface ChannelCapabilities {
  /** Largest text body in characters. */
  readonly textMax: number;
  readonly buttons: false | { readonly max: number; readonly titleMax: number; readonly bodyMax: number };
  readonly list:
    | false
    | {
        readonly maxRows: number;
        readonly maxSections: number;
        readonly titleMax: number;
        readonly descriptionMax: number;
        readonly buttonLabelMax: number;
        readonly bodyMax: number;
      };
  /** Other outbound kinds the channel sends natively. */
  readonly kinds: ReadonlySet<Exclude<OutboundKind, 'text' | 'buttons' | 'list'>>;
}

export interface SendResult {
  /** The provider's id for the sent message; statuses arrive under it. */
  readonly providerMessageId: string;
}

/** How a failed send should be treated. */
export type SendFailureKind =
  /** Try again later with backoff (5xx, timeouts, connection errors). */
  | 'retryable'
  /** The provider asks us to slow down; honour `retryAfterMs` when given. */
  | 'throttled'
  /** Will never succeed as sent (bad number, invalid parameter, blocked). */
  | 'permanent'
  /** The guest's 24-hour window closed: only a template can reach them. */
  | 'outside_window';

/** Thrown by {@link ChannelAdapter.send}; the outbox decides from `kind` what to do next. */
export class ChannelSendError extends Error {
  constructor(
    readonly kind: SendFailureKind,
    message: string,
    readonly providerCode?: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ChannelSendError';
  }
}

/** The sending half of a channel adapter; webhook routes are the plugin's own HTTP routes. */
export interface ChannelAdapter {
  /** The channel type, as in the config. */
  readonly type: string;
  readonly capabilities: ChannelCapabilities;
  /**
   * Whether the provider authenticates the sender's number, so `from` is the guest who wrote
   * (true for WhatsApp providers). Absent or false — anyone can claim any number, as on the web
   * simulator — gives the channel's guests an identity of their own (see `guestIdentity`):
   * they never share bookings or payments with a real channel's guests. Unverified is the
   * default because wrongly sharing a guest's data is worse than wrongly not sharing it.
   */
  readonly senderVerified?: boolean;
  /**
   * Sends one message through the provider. `channel` is the hotel's channel entry with its
   * validated options (credentials, base URL). The content is already rendered for
   * `capabilities` (core's outbox calls `renderForChannel` once, just before this): an adapter
   * maps it to the provider's wire format and degrades nothing itself. Throws
   * {@link ChannelSendError} on failure.
   */
  send(channel: PlannedChannel, message: OutboundMessage): Promise<SendResult>;
}
