import type { HotelDirectory } from '../kernel/hotel-directory';
import type { ChannelAdapter } from '../messaging/channel-adapter';
import type { MessagingHub } from '../messaging/messaging-hub';
import type { PlannedChannel } from '../plugins/plugin-plan';
import type { Conversation, ConversationKey } from '../store/conversation';
import type { ConversationStore } from '../store/conversation-store';
import { ChannelUnavailableError, UnknownGuestError } from './errors';

/** Where a proactive message goes: the conversation (if the guest has one there) and its channel. */
export interface SendTarget {
  readonly key: ConversationKey;
  readonly channel: PlannedChannel;
  readonly adapter: ChannelAdapter;
  readonly conversation?: Conversation;
}

interface Deps {
  readonly store: ConversationStore;
  readonly hotels: HotelDirectory;
  readonly messaging: MessagingHub;
}

/** Why a channel cannot carry a message now, or undefined when it can. */
function unusable(deps: Deps, hotelId: string, channelId: string): string | undefined {
  const channel = deps.hotels.channel(hotelId, channelId);
  if (!channel) return 'is not configured';
  if (!deps.messaging.adapter(channel.type)) return `has no running adapter for type "${channel.type}"`;
  return undefined;
}

/**
 * The given channel, or the one the guest wrote on last at this hotel. When that channel has
 * since been removed from the config, the guest's next most recent one is used: a reminder
 * reaching them elsewhere beats none; only when none of theirs works does the send fail.
 */
export async function resolveTarget(deps: Deps, hotelId: string, guest: string, channelId?: string): Promise<SendTarget> {
  const target = async (id: string, conversation?: Conversation): Promise<SendTarget> => {
    const channel = deps.hotels.channel(hotelId, id)!;
    return { key: { hotelId, channelId: id, guest }, channel, adapter: deps.messaging.adapter(channel.type)!, conversation };
  };
  if (channelId !== undefined) {
    const why = typeof channelId === 'string' ? unusable(deps, hotelId, channelId) : 'is not a channel id';
    if (why) throw new ChannelUnavailableError(hotelId, String(channelId), why);
    return target(channelId, await deps.store.findByKey({ hotelId, channelId, guest }));
  }
  const conversations = await deps.store.guestConversations(hotelId, guest);
  if (conversations.length === 0)
    throw new UnknownGuestError(hotelId, `the guest has no conversation at hotel "${hotelId}": pass channelId to write first`);
  const usable = conversations.find((c) => !unusable(deps, hotelId, c.channelId));
  if (!usable) {
    const latest = conversations[0]!.channelId;
    throw new ChannelUnavailableError(hotelId, latest, unusable(deps, hotelId, latest)!);
  }
  return target(usable.channelId, usable);
}
