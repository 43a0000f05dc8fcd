import type { MediaType } from './inbound';

export interface ButtonOption {
  /** Comes back in the guest's `choice` when tapped. */
  readonly id: string;
  readonly title: string;
}

export interface ListRow {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}

export interface ListSection {
  readonly title?: string;
  readonly rows: readonly ListRow[];
}

/** What the bot says, independent of the provider. Adapters render what they can; core degrades the rest. */
export type OutboundContent =
  | { readonly kind: 'text'; readonly text: string; readonly previewUrl?: boolean }
  | {
      readonly kind: 'buttons';
      readonly text: string;
      readonly buttons: readonly ButtonOption[];
      readonly header?: string;
      readonly footer?: string;
    }
  | {
      readonly kind: 'list';
      readonly text: string;
      /** The label of the button that opens the list. */
      readonly buttonLabel: string;
      readonly sections: readonly ListSection[];
      readonly header?: string;
      readonly footer?: string;
    }
  | { readonly kind: 'media'; readonly mediaType: MediaType; readonly url: string; readonly caption?: string; readonly filename?: string }
  /** A pre-approved template: the only thing WhatsApp lets us send outside the 24-hour window. */
  | { readonly kind: 'template'; readonly name: string; readonly language: string; readonly parameters: readonly string[] }
  | { readonly kind: 'location'; readonly latitude: number; readonly longitude: number; readonly name?: string; readonly address?: string };

export type OutboundKind = OutboundContent['kind'];

/** A reply ready for an adapter: who, through which channel, what. */
export interface OutboundMessage {
  readonly hotelId: string;
  readonly channelId: string;
  /** E.164 number of the guest. */
  readonly to: string;
  /** Already fitted to the channel's capabilities when it reaches an adapter (see `ChannelAdapter.send`). */
  readonly content: OutboundContent;
  /** Provider id of the guest message this answers (for quoting where supported). */
  readonly replyTo?: string;
  /** Stable id of the reply in our outbox; adapters may pass it as an idempotency key. */
  readonly outboxId: string;
}
