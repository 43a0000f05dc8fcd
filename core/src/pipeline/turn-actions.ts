import type { OutboundContent } from '../messaging/outbound';
import type { ConversationChanges } from '../store/conversation';

/** What a turn decided, applied only once the whole turn succeeded. */
export interface TurnActions {
  readonly replies: OutboundContent[];
  readonly changes: ConversationChanges;
  readonly events: { event: string; payload: unknown; id?: string }[];
  handoffReason?: string;
  /** The turn sends nothing on purpose (see TurnContext.silence). */
  silent?: boolean;
  /** A flow to start once the current routing finishes. */
  startFlow?: { name: string; step: string };
}

export function emptyActions(): TurnActions {
  return { replies: [], changes: {}, events: [] };
}

/**
 * Folds a change into the pending changes: maps (`slots`, `data`, `profile`) merge key by key,
 * other fields take the latest value — mirroring how the store applies them.
 */
export function mergeChanges(into: ConversationChanges, more: ConversationChanges): void {
  const target = into as Record<string, unknown>;
  for (const [key, value] of Object.entries(more) as [keyof ConversationChanges, unknown][]) {
    if (key === 'slots' && target.replaceSlots) {
      const merged: Record<string, unknown> = { ...(target.replaceSlots as object) };
      for (const [k, v] of Object.entries(value as object)) {
        if (v === null) delete merged[k];
        else merged[k] = v;
      }
      target.replaceSlots = merged;
    } else if (key === 'slots' || key === 'profile') {
      target[key] = { ...((target[key] as object) ?? {}), ...(value as object) };
    } else if (key === 'data') {
      const data = (target.data ?? {}) as Record<string, Record<string, unknown>>;
      for (const [ns, entries] of Object.entries(value as Record<string, Record<string, unknown>>))
        data[ns] = { ...(data[ns] ?? {}), ...entries };
      target.data = data;
    } else if (key === 'replaceSlots') {
      target.replaceSlots = value;
      delete target.slots;
    } else target[key] = value;
  }
}
