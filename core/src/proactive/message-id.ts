import { createHash } from 'node:crypto';

/**
 * The message-log id an idempotent send is queued under: a hash of hotel, plugin and key in
 * the store's 24-hex id form. Every instance derives the same id, and the store's primary key
 * admits one row per id (see `enqueueOutboundOnce`): exactly once without a lock, a claim
 * table or a partial index. The key is remembered as long as the message log keeps the row
 * (`store.conversationTtlDays` after its last change).
 */
export function proactiveMessageId(hotelId: string, plugin: string, key: string): string {
  return createHash('sha256').update(`proactive\u0000${hotelId}\u0000${plugin}\u0000${key}`).digest('hex').slice(0, 24);
}
