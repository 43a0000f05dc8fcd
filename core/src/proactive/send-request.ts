import type { TemplateVars } from '../i18n/message-catalog';
import type { OutboundContent } from '../messaging/outbound';

/** A text from the message catalogue, rendered in the guest's language when it is sent. */
export interface CatalogueMessage {
  /** Defaults to the sending plugin's name, as `say` in a turn. */
  readonly namespace?: string;
  readonly key: string;
  readonly vars?: TemplateVars;
}

/** The WhatsApp template to send instead when the guest's 24-hour window is closed. */
export interface ProactiveTemplate {
  readonly name: string;
  /** The template's approved language; defaults to the guest's language. */
  readonly language?: string;
  readonly parameters?: readonly string[];
}

/** What `ctx.messaging.send` takes. */
export interface ProactiveSendRequest {
  readonly hotelId: string;
  /** The guest's number, E.164 (`+254700000001`). */
  readonly guest: string;
  /** Send on this channel of the hotel; by default, on the one the guest wrote on last. */
  readonly channelId?: string;
  /** A catalogue text (`{ key, vars }`) or ready content (`{ kind: 'text', text }`, buttons, a template…). */
  readonly message: CatalogueMessage | OutboundContent;
  /** Sent instead outside the 24-hour window; without it, the hotel's `outsideWindowTemplate`. */
  readonly template?: ProactiveTemplate;
  /** Send even during the hotel's quiet hours (otherwise it waits until they end). */
  readonly urgent?: boolean;
  /**
   * Makes the send idempotent: the same key (per plugin and hotel) queues one message, however
   * often and from however many instances it is sent; repeats return the first one's id.
   */
  readonly idempotencyKey?: string;
}

/** What a queued proactive message looks like to its sender. */
export interface ProactiveSendResult {
  /** The message-log id; provider status callbacks update that row (sent → delivered → read, or failed). */
  readonly messageId: string;
  readonly channelId: string;
  /** When quiet hours deferred it: it goes out then, checked against the 24-hour window at that time. */
  readonly notBefore?: Date;
  /** True when the idempotency key had already queued it: nothing new was queued. */
  readonly duplicate: boolean;
}

export function isCatalogueMessage(message: CatalogueMessage | OutboundContent): message is CatalogueMessage {
  return !('kind' in message);
}
