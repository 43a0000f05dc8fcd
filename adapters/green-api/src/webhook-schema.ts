import { z } from '@hotello/core';

/**
 * Green API's webhooks, as documented (https://green-api.com/en/docs/api/receiving/notifications-format/):
 * incomingMessageReceived, outgoingMessageStatus, stateInstanceChanged and the echoes of our own
 * sends. Green API signs nothing (a bearer token vouches for the sender), and a well-authenticated
 * body may still be malformed, so each type is checked against its documented shape. Fields the
 * adapter does not read are not listed (unknown keys are allowed); the raw body is what is logged.
 */

const optionalText = z.string().optional();

/** Every notification: its type and the instance it concerns. Without these the body is unusable (400). */
export const greenEnvelope = z.object({
  typeWebhook: z.string(),
  instanceData: z.object({ idInstance: z.union([z.number(), z.string()]) }).optional(),
});

/** A tapped button or list row: Green API has spelt its fields several ways, so they are read loosely. */
const selection = z.record(z.string(), z.unknown());
export type GreenSelection = z.output<typeof selection>;

/** https://green-api.com/en/docs/api/receiving/notifications-format/incoming-message/ (one object per typeMessage) */
export const greenMessageData = z.object({
  typeMessage: z.string(),
  textMessageData: z.object({ textMessage: optionalText }).optional(),
  extendedTextMessageData: z.object({ text: optionalText, stanzaId: optionalText, participant: optionalText }).optional(),
  quotedMessage: z.object({ stanzaId: optionalText, participant: optionalText, typeMessage: optionalText }).optional(),
  fileMessageData: z
    .object({ downloadUrl: optionalText, caption: optionalText, fileName: optionalText, mimeType: optionalText })
    .optional(),
  locationMessageData: z
    .object({ latitude: z.number().optional(), longitude: z.number().optional(), nameLocation: optionalText, address: optionalText })
    .optional(),
  buttonsResponseMessage: selection.optional(),
  templateButtonReplyMessage: selection.optional(),
  templateButtonsReplyMessage: selection.optional(),
  interactiveButtonsResponse: selection.optional(),
  listResponseMessage: selection.optional(),
});
export type GreenMessageData = z.output<typeof greenMessageData>;

/** https://green-api.com/en/docs/api/receiving/notifications-format/incoming-message/Webhook-IncomingMessageReceived/ */
export const greenIncomingMessage = z.object({
  idMessage: z.string().min(1),
  timestamp: z.number().optional(),
  senderData: z.object({ chatId: z.string(), sender: optionalText, senderName: optionalText }),
  /** Missing only in a malformed notification; the message is then `unsupported`, not lost. */
  messageData: greenMessageData.optional(),
});

/** https://green-api.com/en/docs/api/receiving/notifications-format/outgoing-message/OutgoingMessageStatus/ */
export const greenOutgoingStatus = z.object({
  idMessage: z.string().min(1),
  status: z.string(),
  chatId: optionalText,
  description: optionalText,
  timestamp: z.number().optional(),
});

/** https://green-api.com/en/docs/api/receiving/notifications-format/StateInstanceChanged/ */
export const greenStateChange = z.object({ stateInstance: optionalText });
