import type { DeliveryState } from '../messaging/inbound';

declare module './event-bus' {
  interface HotelloEvents {
    /** A guest message's turn was committed (once per message: duplicates are not announced). */
    'message.received': { hotelId: string; channelId: string; guest: string; messageId: string };
    /** A provider reported on a sent message. */
    'message.status': { hotelId: string; channelId: string; guest: string; messageId: string; status: DeliveryState };
    /** A reply could not be delivered and will not be retried. */
    'message.failed': { hotelId: string; channelId: string; guest: string; messageId: string; code: string; reason: string };
    /** The guest or a plugin asked for a person; the bot is silent until handed back. */
    'handoff.requested': { hotelId: string; conversationId: string; guest: string; reason: string };
    /** A guest wrote while staff had the conversation. */
    'handoff.message': { hotelId: string; conversationId: string; guest: string; text?: string };
    /** The conversation went back to the bot (staff, or the timeout). */
    'handoff.ended': { hotelId: string; conversationId: string; guest: string; by: 'staff' | 'timeout' };
    /** A turn threw; the guest got an apology and the message is marked failed. */
    'turn.failed': { hotelId: string; conversationId: string; guest: string; messageId: string; error: string };
    /**
     * A hotel's LLM spend reached `llm.monthlyBudgetUsd` (all plugins together): further calls are
     * refused with `LlmBudgetExceededError` until the month ends in the hotel's time zone. Emitted
     * once per hotel and month, across instances.
     */
    'llm.budget_exceeded': { hotelId: string; month: string; spentUsd: number; budgetUsd: number; plugin: string };
  }
}

export {};
