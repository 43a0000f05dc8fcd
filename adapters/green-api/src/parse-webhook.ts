import { toE164, type ChannelAddress, type DeliveryState, type InboundContent, type InboundEvent, type MediaType } from '@hotello/core';

/**
 * The parts of a Green API webhook the adapter reads; all optional, since only a bearer token
 * vouches for the sender. https://green-api.com/en/docs/api/receiving/notifications-format/
 */
export interface GreenWebhook {
  readonly typeWebhook?: string;
  readonly instanceData?: { readonly idInstance?: number | string; readonly wid?: string; readonly typeInstance?: string };
  readonly timestamp?: number;
  readonly idMessage?: string;
  readonly senderData?: {
    readonly chatId?: string;
    readonly sender?: string;
    readonly senderName?: string;
    readonly senderContactName?: string;
    readonly chatName?: string;
  };
  readonly messageData?: GreenMessageData;
  /** outgoingMessageStatus */
  readonly chatId?: string;
  readonly status?: string;
  readonly description?: string;
  /** stateInstanceChanged */
  readonly stateInstance?: string;
}

type Text = { readonly text?: string; readonly stanzaId?: string; readonly participant?: string };
type Selection = Record<string, unknown> & { readonly stanzaId?: string };

export interface GreenMessageData {
  readonly typeMessage?: string;
  readonly textMessageData?: { readonly textMessage?: string };
  readonly extendedTextMessageData?: Text;
  readonly quotedMessage?: { readonly stanzaId?: string; readonly participant?: string; readonly typeMessage?: string };
  readonly fileMessageData?: {
    readonly downloadUrl?: string;
    readonly caption?: string;
    readonly fileName?: string;
    readonly mimeType?: string;
  };
  readonly locationMessageData?: {
    readonly latitude?: number;
    readonly longitude?: number;
    readonly nameLocation?: string;
    readonly address?: string;
  };
  readonly buttonsResponseMessage?: Selection;
  readonly templateButtonReplyMessage?: Selection;
  readonly templateButtonsReplyMessage?: Selection;
  readonly interactiveButtonsResponse?: Selection;
  readonly listResponseMessage?: Selection;
}

export function isGreenWebhook(body: unknown): body is GreenWebhook {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && typeof (body as GreenWebhook).typeWebhook === 'string';
}

const MEDIA: Readonly<Record<string, MediaType>> = {
  imageMessage: 'image',
  videoMessage: 'video',
  documentMessage: 'document',
  audioMessage: 'audio',
  stickerMessage: 'sticker',
};

/**
 * outgoingMessageStatus values: https://green-api.com/en/docs/api/receiving/notifications-format/outgoing-message/OutgoingMessageStatus/
 * Every status that is not progress is a failure the hotel should see (no WhatsApp account,
 * a spam "yellow card", a closed session).
 */
const PROGRESS: Readonly<Record<string, DeliveryState>> = { sent: 'sent', delivered: 'delivered', read: 'read' };
const FAILURES = new Set(['failed', 'noAccount', 'notInGroup', 'yellowCard', 'noActiveSession']);

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * A tapped button or list row. Green API has spelt the same event several ways over time —
 * selectedButtonId/Text, selectedId/selectedDisplayText, buttonId/buttonText, a list's
 * singleSelectReply as a string or an object — so every documented spelling is read.
 */
function choice(selection: Selection | undefined): InboundContent | undefined {
  if (!selection) return undefined;
  const single = selection.singleSelectReply;
  const id =
    str(selection.selectedButtonId) ??
    str(selection.selectedId) ??
    str(selection.buttonId) ??
    (typeof single === 'object' && single !== null ? str((single as Record<string, unknown>).selectedRowId) : str(single)) ??
    str(selection.selectedRowId);
  const title =
    str(selection.selectedButtonText) ?? str(selection.selectedDisplayText) ?? str(selection.buttonText) ?? str(selection.title);
  if (!id && !title) return undefined;
  return { kind: 'choice', id: id ?? title!, title: title ?? id! };
}

/** Canonical content of an incoming message; anything unrecognised is `unsupported`, never an error. */
export function contentOf(data: GreenMessageData | undefined): InboundContent {
  const type = data?.typeMessage ?? 'unknown';
  switch (type) {
    case 'textMessage':
      if (typeof data?.textMessageData?.textMessage === 'string') return { kind: 'text', text: data.textMessageData.textMessage };
      break;
    case 'extendedTextMessage':
    case 'quotedMessage':
      if (typeof data?.extendedTextMessageData?.text === 'string') return { kind: 'text', text: data.extendedTextMessageData.text };
      break;
    case 'reactionMessage': {
      const target = data?.quotedMessage?.stanzaId ?? data?.extendedTextMessageData?.stanzaId;
      if (target) return { kind: 'reaction', emoji: data?.extendedTextMessageData?.text ?? '', messageId: target };
      break;
    }
    case 'locationMessage': {
      const loc = data?.locationMessageData;
      if (typeof loc?.latitude === 'number' && typeof loc.longitude === 'number') {
        return compact({
          kind: 'location',
          latitude: loc.latitude,
          longitude: loc.longitude,
          name: loc.nameLocation,
          address: loc.address,
        });
      }
      break;
    }
    case 'buttonsResponseMessage':
      return choice(data?.buttonsResponseMessage) ?? { kind: 'unsupported', providerType: type };
    case 'templateButtonsReplyMessage':
    case 'templateButtonReplyMessage':
      return choice(data?.templateButtonReplyMessage ?? data?.templateButtonsReplyMessage) ?? { kind: 'unsupported', providerType: type };
    case 'interactiveButtonsResponse':
      return choice(data?.interactiveButtonsResponse) ?? { kind: 'unsupported', providerType: type };
    case 'listResponseMessage':
      return choice(data?.listResponseMessage) ?? { kind: 'unsupported', providerType: type };
  }
  const mediaType = MEDIA[type];
  const file = data?.fileMessageData;
  if (mediaType && file?.downloadUrl) {
    return compact({
      kind: 'media',
      mediaType,
      url: file.downloadUrl,
      caption: file.caption,
      mimeType: file.mimeType,
      filename: file.fileName,
    });
  }
  return { kind: 'unsupported', providerType: type };
}

export type GreenWebhookResult =
  | { readonly kind: 'events'; readonly events: InboundEvent[] }
  /** Accepted and logged, not guest traffic (state changes, our own sends echoed, quota notices). */
  | { readonly kind: 'ignored'; readonly reason: string };

function timestampOf(seconds: number | undefined): Date {
  return typeof seconds === 'number' && seconds > 0 ? new Date(seconds * 1000) : new Date();
}

/** Turns an authenticated Green API webhook into canonical events, or says why there are none. */
export function parseGreenWebhook(body: GreenWebhook, address: ChannelAddress): GreenWebhookResult {
  switch (body.typeWebhook) {
    case 'incomingMessageReceived': {
      const chatId = body.senderData?.chatId ?? '';
      // The bot answers guests one to one; group chats are not conversations with a guest.
      if (!chatId.endsWith('@c.us')) return { kind: 'ignored', reason: 'message in a group or broadcast chat' };
      const from = toE164(body.senderData?.sender ?? chatId);
      if (!from || !body.idMessage) return { kind: 'ignored', reason: 'message without id or sender number' };
      const data = body.messageData;
      const quoted =
        data?.typeMessage === 'reactionMessage' ? undefined : (data?.quotedMessage?.stanzaId ?? data?.extendedTextMessageData?.stanzaId);
      return {
        kind: 'events',
        events: [
          {
            type: 'message',
            message: compact({
              ...address,
              providerMessageId: body.idMessage,
              from,
              profileName: body.senderData?.senderName,
              timestamp: timestampOf(body.timestamp),
              content: contentOf(data),
              replyTo: quoted,
              raw: body,
            }),
          },
        ],
      };
    }
    case 'outgoingMessageStatus': {
      if (!body.idMessage || !body.status) return { kind: 'ignored', reason: 'status without id' };
      const progress = PROGRESS[body.status];
      if (!progress && !FAILURES.has(body.status)) return { kind: 'ignored', reason: `status "${body.status}" is not tracked` };
      return {
        kind: 'events',
        events: [
          {
            type: 'status',
            status: compact({
              ...address,
              providerMessageId: body.idMessage,
              status: progress ?? 'failed',
              timestamp: timestampOf(body.timestamp),
              recipient: toE164(body.chatId) ?? undefined,
              error: progress ? undefined : { code: body.status, message: body.description || body.status },
              raw: body,
            }),
          },
        ],
      };
    }
    case 'stateInstanceChanged':
      return { kind: 'ignored', reason: `instance state is now "${body.stateInstance ?? 'unknown'}"` };
    case 'outgoingMessageReceived':
    case 'outgoingAPIMessageReceived':
      return { kind: 'ignored', reason: 'echo of a message sent from this instance' };
    default:
      return { kind: 'ignored', reason: `webhook type "${body.typeWebhook}" is not handled` };
  }
}
