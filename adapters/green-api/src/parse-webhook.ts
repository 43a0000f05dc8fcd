import {
  SkippedItems,
  guestProfileName,
  timestampFromSeconds,
  toE164,
  validItem,
  type ChannelAddress,
  type DeliveryState,
  type InboundContent,
  type InboundEvent,
  type MediaType,
} from '@hotello/core';
import { greenIncomingMessage, greenOutgoingStatus, greenStateChange, type GreenMessageData, type GreenSelection } from './webhook-schema';

/**
 * Lookups keyed by the provider's strings are Maps, not object literals: `constructor` must not
 * find Object's.
 */
const MEDIA: ReadonlyMap<string, MediaType> = new Map([
  ['imageMessage', 'image'],
  ['videoMessage', 'video'],
  ['documentMessage', 'document'],
  ['audioMessage', 'audio'],
  ['stickerMessage', 'sticker'],
]);

/**
 * outgoingMessageStatus values: https://green-api.com/en/docs/api/receiving/notifications-format/outgoing-message/OutgoingMessageStatus/
 * Every status that is not progress is a failure the hotel should see (no WhatsApp account,
 * a spam "yellow card", a closed session).
 */
const PROGRESS: ReadonlyMap<string, DeliveryState> = new Map([
  ['sent', 'sent'],
  ['delivered', 'delivered'],
  ['read', 'read'],
]);
const FAILURES: ReadonlySet<string> = new Set(['failed', 'noAccount', 'notInGroup', 'yellowCard', 'noActiveSession']);

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** An own field of a loosely read object; inherited properties are not what Green API sent. */
function field(object: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/**
 * A tapped button or list row. Green API has spelt the same event several ways over time —
 * selectedButtonId/Text, selectedId/selectedDisplayText, buttonId/buttonText, a list's
 * singleSelectReply as a string or an object — so every documented spelling is read.
 */
function choice(selection: GreenSelection | undefined): InboundContent | undefined {
  if (!selection) return undefined;
  const single = field(selection, 'singleSelectReply');
  const id =
    str(field(selection, 'selectedButtonId')) ??
    str(field(selection, 'selectedId')) ??
    str(field(selection, 'buttonId')) ??
    (typeof single === 'object' && single !== null ? str(field(single as Record<string, unknown>, 'selectedRowId')) : str(single)) ??
    str(field(selection, 'selectedRowId'));
  const title =
    str(field(selection, 'selectedButtonText')) ??
    str(field(selection, 'selectedDisplayText')) ??
    str(field(selection, 'buttonText')) ??
    str(field(selection, 'title'));
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
  const mediaType = MEDIA.get(type);
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

export interface ParsedGreenWebhook {
  readonly events: InboundEvent[];
  /**
   * Why the notification produced no events, for one log line: malformed, not guest traffic
   * (state changes, our own sends echoed, quota notices), or a status we do not track.
   */
  readonly skipped: SkippedItems;
}

function incomingEvents(body: unknown, address: ChannelAddress, receivedAt: Date, skipped: SkippedItems): InboundEvent[] {
  const m = validItem(body, greenIncomingMessage, 'incoming message', skipped, { id: idOf(body) });
  if (!m) return [];
  const chatId = m.senderData.chatId;
  // The bot answers guests one to one; group chats are not conversations with a guest.
  if (!chatId.endsWith('@c.us')) {
    skipped.add('message in a group or broadcast chat', { id: m.idMessage });
    return [];
  }
  const from = toE164(m.senderData.sender ?? chatId);
  if (!from) {
    skipped.add('sender is not a phone number', { id: m.idMessage, from: m.senderData.sender ?? chatId });
    return [];
  }
  const data = m.messageData;
  const quoted =
    data?.typeMessage === 'reactionMessage' ? undefined : (data?.quotedMessage?.stanzaId ?? data?.extendedTextMessageData?.stanzaId);
  return [
    {
      type: 'message',
      message: compact({
        ...address,
        providerMessageId: m.idMessage,
        from,
        profileName: guestProfileName(m.senderData.senderName),
        timestamp: timestampFromSeconds(m.timestamp, receivedAt),
        content: contentOf(data),
        replyTo: quoted,
        raw: body,
      }),
    },
  ];
}

function statusEvents(body: unknown, address: ChannelAddress, receivedAt: Date, skipped: SkippedItems): InboundEvent[] {
  const s = validItem(body, greenOutgoingStatus, 'status', skipped, { id: idOf(body) });
  if (!s) return [];
  const progress = PROGRESS.get(s.status);
  if (!progress && !FAILURES.has(s.status)) {
    skipped.add('status not tracked', { id: s.idMessage, status: s.status });
    return [];
  }
  return [
    {
      type: 'status',
      status: compact({
        ...address,
        providerMessageId: s.idMessage,
        status: progress ?? 'failed',
        timestamp: timestampFromSeconds(s.timestamp, receivedAt),
        recipient: toE164(s.chatId) ?? undefined,
        error: progress ? undefined : { code: s.status, message: s.description || s.status },
        raw: body,
      }),
    },
  ];
}

function idOf(body: unknown): unknown {
  return typeof body === 'object' && body !== null && Object.hasOwn(body, 'idMessage')
    ? (body as { idMessage: unknown }).idMessage
    : undefined;
}

/**
 * Turns an authenticated Green API webhook (its type already read from the envelope) into
 * canonical events, or says in `skipped` why there are none. A malformed notification is
 * acknowledged, not refused: Green API would resend it every minute for a day, unchanged.
 */
export function parseGreenWebhook(
  typeWebhook: string,
  body: unknown,
  address: ChannelAddress,
  receivedAt: Date = new Date(),
): ParsedGreenWebhook {
  const skipped = new SkippedItems();
  let events: InboundEvent[] = [];
  switch (typeWebhook) {
    case 'incomingMessageReceived':
      events = incomingEvents(body, address, receivedAt, skipped);
      break;
    case 'outgoingMessageStatus':
      events = statusEvents(body, address, receivedAt, skipped);
      break;
    case 'stateInstanceChanged': {
      const state = greenStateChange.safeParse(body);
      skipped.add('instance state changed', { stateInstance: state.success ? state.data.stateInstance : undefined });
      break;
    }
    case 'outgoingMessageReceived':
    case 'outgoingAPIMessageReceived':
      skipped.add('echo of a message sent from this instance', { id: idOf(body) });
      break;
    default:
      skipped.add('webhook type not handled', { typeWebhook });
  }
  return { events, skipped };
}
