import type { ConversationKey } from '../../store/conversation';

/**
 * Decides when and where a conversation's work runs. Implementations guarantee that turns of
 * one conversation never overlap and run in arrival order.
 */
export interface TurnScheduler {
  /** There is (or may be) work for this conversation. Cheap and safe to call too often. */
  schedule(key: ConversationKey): void;
  /** Look at the conversation again at `at` (a reply's retry falls due). */
  scheduleAt(key: ConversationKey, at: Date): void;
  start(): Promise<void>;
  /** Stops taking work and waits for running drains, up to `timeoutMs`. */
  stop(timeoutMs: number): Promise<void>;
  /** Resolves when nothing is queued or running in this instance (tests, graceful stop). */
  idle(): Promise<void>;
}

export function conversationId(key: ConversationKey): string {
  return `${key.hotelId}|${key.channelId}|${key.guest}`;
}

export function parseConversationId(id: string): ConversationKey {
  const [hotelId, channelId, guest] = id.split('|');
  return { hotelId: hotelId!, channelId: channelId!, guest: guest! };
}
