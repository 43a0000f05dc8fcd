import { z } from '@hotello/core';

/**
 * Meta's `messages` webhook, as documented:
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/
 *
 * A signature proves who sent a payload, not that it is well formed, so every level is checked.
 * Lists are typed `unknown` here and checked item by item by the parser (core's `validItems`):
 * one malformed message must not cost the good ones batched with it. Fields the adapter does not
 * read are not listed (unknown keys are allowed and dropped); the raw item is what is logged.
 */

const optionalText = z.string().optional();

/** Without a list of entries nothing in the body is usable: 400. */
export const webhookEnvelope = z.object({ entry: z.array(z.unknown()) });

export const webhookEntry = z.object({ changes: z.unknown().optional() });

/** Other fields (template status, account updates…) share the endpoint; only `messages` is guest traffic. */
export const webhookChange = z.object({ field: z.string(), value: z.unknown().optional() });

export const messagesValue = z.object({
  metadata: z.object({ phone_number_id: z.string().min(1) }),
  contacts: z.unknown().optional(),
  messages: z.unknown().optional(),
  statuses: z.unknown().optional(),
  /** Errors not tied to one message (e.g. a throughput problem). */
  errors: z.unknown().optional(),
});

export const graphContact = z.object({ wa_id: z.string(), profile: z.object({ name: optionalText }).optional() });

export const graphError = z.object({
  code: z.number().optional(),
  title: optionalText,
  message: optionalText,
  error_data: z.object({ details: optionalText }).optional(),
});
export type GraphError = z.infer<typeof graphError>;

const graphMedia = z.object({
  id: optionalText,
  mime_type: optionalText,
  caption: optionalText,
  filename: optionalText,
  url: optionalText,
});

const reply = z.object({ id: optionalText, title: optionalText });

/**
 * One guest message. Only `from` and `id` are required: a message whose type-specific part is
 * missing still reaches the guest's conversation, as `unsupported`.
 */
export const graphInboundMessage = z.object({
  from: z.string(),
  id: z.string().min(1),
  timestamp: optionalText,
  type: optionalText,
  context: z.object({ from: optionalText, id: optionalText }).optional(),
  text: z.object({ body: optionalText }).optional(),
  interactive: z.object({ type: optionalText, button_reply: reply.optional(), list_reply: reply.optional() }).optional(),
  button: z.object({ payload: optionalText, text: optionalText }).optional(),
  location: z
    .object({ latitude: z.number().optional(), longitude: z.number().optional(), name: optionalText, address: optionalText })
    .optional(),
  image: graphMedia.optional(),
  audio: graphMedia.optional(),
  video: graphMedia.optional(),
  document: graphMedia.optional(),
  sticker: graphMedia.optional(),
  reaction: z.object({ message_id: optionalText, emoji: optionalText }).optional(),
  unsupported: z.object({ type: optionalText }).optional(),
  errors: z.array(graphError).optional(),
});
export type GraphInboundMessage = z.infer<typeof graphInboundMessage>;

/** A delivery report on a message we sent. */
export const graphStatus = z.object({
  id: z.string().min(1),
  status: z.string(),
  timestamp: optionalText,
  recipient_id: optionalText,
  errors: z.array(graphError).optional(),
  /** Echo of the `biz_opaque_callback_data` sent with the message. */
  biz_opaque_callback_data: optionalText,
});
export type GraphStatus = z.infer<typeof graphStatus>;
