/**
 * The parts of Meta's `messages` webhook the adapter reads. Everything is optional because the
 * payload is only as trustworthy as its signature: a field Meta omits must not crash parsing.
 * Reference: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/
 */
export interface WebhookPayload {
  readonly object?: string;
  readonly entry?: readonly WebhookEntry[];
}

export interface WebhookEntry {
  readonly id?: string;
  readonly changes?: readonly WebhookChange[];
}

export interface WebhookChange {
  readonly field?: string;
  readonly value?: WebhookValue;
}

export interface WebhookValue {
  readonly messaging_product?: string;
  readonly metadata?: { readonly display_phone_number?: string; readonly phone_number_id?: string };
  readonly contacts?: readonly { readonly wa_id?: string; readonly profile?: { readonly name?: string } }[];
  readonly messages?: readonly GraphInboundMessage[];
  readonly statuses?: readonly GraphStatus[];
  /** Errors not tied to one message (e.g. a throughput problem). */
  readonly errors?: readonly GraphError[];
}

export interface GraphError {
  readonly code?: number;
  readonly title?: string;
  readonly message?: string;
  readonly error_data?: { readonly details?: string };
}

export interface GraphMedia {
  readonly id?: string;
  readonly mime_type?: string;
  readonly sha256?: string;
  readonly caption?: string;
  readonly filename?: string;
  readonly url?: string;
}

export interface GraphInboundMessage {
  readonly from?: string;
  readonly id?: string;
  readonly timestamp?: string;
  readonly type?: string;
  readonly context?: { readonly from?: string; readonly id?: string };
  readonly text?: { readonly body?: string };
  readonly interactive?: {
    readonly type?: string;
    readonly button_reply?: { readonly id?: string; readonly title?: string };
    readonly list_reply?: { readonly id?: string; readonly title?: string; readonly description?: string };
  };
  readonly button?: { readonly payload?: string; readonly text?: string };
  readonly location?: { readonly latitude?: number; readonly longitude?: number; readonly name?: string; readonly address?: string };
  readonly image?: GraphMedia;
  readonly audio?: GraphMedia;
  readonly video?: GraphMedia;
  readonly document?: GraphMedia;
  readonly sticker?: GraphMedia;
  readonly reaction?: { readonly message_id?: string; readonly emoji?: string };
  readonly unsupported?: { readonly type?: string };
  readonly errors?: readonly GraphError[];
}

export interface GraphStatus {
  readonly id?: string;
  readonly status?: string;
  readonly timestamp?: string;
  readonly recipient_id?: string;
  readonly errors?: readonly GraphError[];
  /** Echo of the `biz_opaque_callback_data` sent with the message. */
  readonly biz_opaque_callback_data?: string;
}

export function isWebhookPayload(body: unknown): body is WebhookPayload {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && Array.isArray((body as WebhookPayload).entry);
}
