/** Kinds of media a guest can send or receive. */
export type MediaType = 'image' | 'audio' | 'video' | 'document' | 'sticker';

/** What a guest sent, independent of the provider. */
export type InboundContent =
  | { readonly kind: 'text'; readonly text: string }
  /** A tapped reply button or list row: the option id we sent and its title. */
  | { readonly kind: 'choice'; readonly id: string; readonly title: string }
  | { readonly kind: 'location'; readonly latitude: number; readonly longitude: number; readonly name?: string; readonly address?: string }
  | {
      readonly kind: 'media';
      readonly mediaType: MediaType;
      readonly caption?: string;
      /** Provider media id (Cloud API) to download through the provider. */
      readonly mediaId?: string;
      /** Direct URL (Twilio, Green API). */
      readonly url?: string;
      readonly mimeType?: string;
      readonly filename?: string;
    }
  | { readonly kind: 'reaction'; readonly emoji: string; readonly messageId: string }
  /** A message type we do not handle; kept so the guest gets a polite answer and staff can see it. */
  | { readonly kind: 'unsupported'; readonly providerType: string };

/** Where an event came from: the hotel and which of its channels. */
export interface ChannelAddress {
  readonly hotelId: string;
  /** The channel's id within the hotel (`hotels[].channels[].id`, default its type). */
  readonly channelId: string;
  readonly channelType: string;
}

/** A guest message in canonical form. */
export interface InboundMessage extends ChannelAddress {
  /** The provider's id for the message; with hotel and channel it is the dedup key. */
  readonly providerMessageId: string;
  /** The guest's number in E.164 (`+254700000001`). */
  readonly from: string;
  /** The guest's WhatsApp profile name when the provider gives it. */
  readonly profileName?: string;
  readonly timestamp: Date;
  readonly content: InboundContent;
  /** The provider id of the message this one replies to, when given. */
  readonly replyTo?: string;
  /** The provider's payload for this message, kept in the message log. */
  readonly raw: unknown;
}

export type DeliveryState = 'sent' | 'delivered' | 'read' | 'failed';

/** A provider's report on a message we sent. */
export interface DeliveryStatus extends ChannelAddress {
  readonly providerMessageId: string;
  readonly status: DeliveryState;
  readonly timestamp: Date;
  /** The guest the message went to, E.164, when the provider says. */
  readonly recipient?: string;
  readonly error?: { readonly code: string; readonly message: string };
  /**
   * Our outbox id, when the provider echoes what we sent with the message (Cloud API's
   * `biz_opaque_callback_data`). It lets a reply whose send outcome was lost in a crash be
   * recognised as sent instead of being sent again.
   */
  readonly reference?: string;
  readonly raw: unknown;
}

/** What an adapter hands to the inbox after verifying and parsing a webhook. */
export type InboundEvent =
  { readonly type: 'message'; readonly message: InboundMessage } | { readonly type: 'status'; readonly status: DeliveryStatus };
