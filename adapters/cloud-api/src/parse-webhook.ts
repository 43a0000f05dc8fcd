import {
  SkippedItems,
  guestProfileName,
  issueOf,
  timestampFromSeconds,
  toE164,
  validItems,
  type ChannelAddress,
  type DeliveryState,
  type InboundContent,
  type InboundEvent,
  type MediaType,
  type PlannedChannel,
} from '@hotello/core';
import {
  graphContact,
  graphError,
  graphInboundMessage,
  graphStatus,
  messagesValue,
  webhookChange,
  webhookEntry,
  type GraphError,
  type GraphInboundMessage,
  type GraphStatus,
} from './webhook-schema';

export interface ParsedWebhook {
  readonly events: InboundEvent[];
  /** Distinct `phone_number_id`s of `messages` changes that no authenticated channel serves. */
  readonly unrouted: string[];
  /** How many `messages` changes reached a channel. */
  readonly routed: number;
  /** Items that cannot be used (malformed, no sender number, untracked status), for one log line. */
  readonly skipped: SkippedItems;
  /** Errors Meta reported for the account rather than for one message. */
  readonly errors: GraphError[];
}

const MEDIA_TYPES: ReadonlySet<string> = new Set<MediaType>(['image', 'audio', 'video', 'document', 'sticker']);
const DELIVERY_STATES: ReadonlySet<string> = new Set<DeliveryState>(['sent', 'delivered', 'read', 'failed']);

/** Drops undefined fields so canonical events carry only what the provider said. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function errorOf(errors: readonly GraphError[] | undefined): { code: string; message: string } | undefined {
  const first = errors?.[0];
  if (!first) return undefined;
  const title = first.title ?? first.message ?? 'error';
  const details = first.error_data?.details;
  return { code: String(first.code ?? 'unknown'), message: details && details !== title ? `${title}: ${details}` : title };
}

/** Maps one Cloud API message to canonical content; anything unrecognised is `unsupported`, never an error. */
export function contentOf(m: GraphInboundMessage): InboundContent {
  const type = m.type ?? 'unknown';
  switch (type) {
    case 'text':
      if (typeof m.text?.body === 'string') return { kind: 'text', text: m.text.body };
      break;
    case 'interactive': {
      const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
      if (reply?.id) return { kind: 'choice', id: reply.id, title: reply.title ?? reply.id };
      return { kind: 'unsupported', providerType: `interactive.${m.interactive?.type ?? 'unknown'}` };
    }
    case 'button': {
      // A template's quick-reply button: the payload set in the template, and its label.
      const id = m.button?.payload ?? m.button?.text;
      if (id) return { kind: 'choice', id, title: m.button?.text ?? id };
      break;
    }
    case 'location': {
      const loc = m.location;
      if (typeof loc?.latitude === 'number' && typeof loc.longitude === 'number') {
        return compact({ kind: 'location', latitude: loc.latitude, longitude: loc.longitude, name: loc.name, address: loc.address });
      }
      break;
    }
    case 'reaction':
      // An empty emoji is how Meta reports a removed reaction; it is still the guest's act.
      if (m.reaction?.message_id) return { kind: 'reaction', emoji: m.reaction.emoji ?? '', messageId: m.reaction.message_id };
      break;
    case 'unsupported':
      return { kind: 'unsupported', providerType: m.unsupported?.type ?? 'unsupported' };
  }
  if (MEDIA_TYPES.has(type)) {
    const media = m[type as MediaType];
    if (media?.id || media?.url) {
      return compact({
        kind: 'media',
        mediaType: type as MediaType,
        caption: media.caption,
        mediaId: media.id,
        url: media.url,
        mimeType: media.mime_type,
        filename: media.filename,
      });
    }
  }
  return { kind: 'unsupported', providerType: type };
}

/** A tracked delivery status as a canonical event; `raw` is Meta's item as sent (with pricing and all). */
function statusOf(s: GraphStatus, raw: unknown, address: ChannelAddress, receivedAt: Date): InboundEvent {
  return {
    type: 'status',
    status: compact({
      ...address,
      providerMessageId: s.id,
      status: s.status as DeliveryState,
      timestamp: timestampFromSeconds(s.timestamp, receivedAt),
      recipient: toE164(s.recipient_id) ?? undefined,
      error: s.status === 'failed' ? errorOf(s.errors) : undefined,
      reference: s.biz_opaque_callback_data,
      raw,
    }),
  };
}

/**
 * Turns a verified webhook into canonical events. One POST may batch several entries, changes,
 * messages and statuses, for several phone numbers; `route` names the channel serving a
 * `phone_number_id`, or undefined when none does. Each item is checked on its own: the good
 * ones become events, the others are collected in `skipped`.
 */
export function parseWebhook(
  envelope: { readonly entry: readonly unknown[] },
  route: (phoneNumberId: string) => PlannedChannel | undefined,
  receivedAt: Date = new Date(),
): ParsedWebhook {
  const skipped = new SkippedItems();
  const events: InboundEvent[] = [];
  const unrouted = new Set<string>();
  const errors: GraphError[] = [];
  let routed = 0;
  for (const { item: entry } of validItems(envelope.entry, webhookEntry, 'entry', skipped)) {
    for (const { item: change } of validItems(entry.changes, webhookChange, 'change', skipped, () => ({}))) {
      // Other fields (template status, account updates…) share the endpoint; they are not guest traffic.
      if (change.field !== 'messages') continue;
      const parsed = messagesValue.safeParse(change.value);
      if (!parsed.success) {
        skipped.addMalformed(`malformed messages change: ${issueOf(parsed.error)}`);
        continue;
      }
      const value = parsed.data;
      const phoneNumberId = value.metadata.phone_number_id;
      const channel = route(phoneNumberId);
      if (!channel) {
        unrouted.add(phoneNumberId);
        continue;
      }
      routed += 1;
      const address: ChannelAddress = { hotelId: channel.hotelId, channelId: channel.id, channelType: channel.type };
      const names = new Map(
        validItems(value.contacts, graphContact, 'contact', skipped, () => ({})).map(({ item }) => [
          item.wa_id,
          guestProfileName(item.profile?.name),
        ]),
      );
      for (const { item: m, raw } of validItems(value.messages, graphInboundMessage, 'message', skipped)) {
        const from = toE164(m.from);
        if (!from) {
          skipped.add('sender is not a phone number', { id: m.id, from: m.from });
          continue;
        }
        events.push({
          type: 'message',
          message: compact({
            ...address,
            providerMessageId: m.id,
            from,
            profileName: names.get(m.from),
            timestamp: timestampFromSeconds(m.timestamp, receivedAt),
            content: contentOf(m),
            replyTo: m.context?.id,
            raw,
          }),
        });
      }
      for (const { item: s, raw } of validItems(value.statuses, graphStatus, 'status', skipped)) {
        if (DELIVERY_STATES.has(s.status)) events.push(statusOf(s, raw, address, receivedAt));
        else skipped.add('status not tracked', { id: s.id, status: s.status });
      }
      errors.push(...validItems(value.errors, graphError, 'account error', skipped, () => ({})).map(({ item }) => item));
    }
  }
  return { events, unrouted: [...unrouted], routed, skipped, errors };
}
