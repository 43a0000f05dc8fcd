import type { ButtonOption, OutboundContent } from '../messaging/outbound';
import type { MenuState } from '../store/conversation';

/** The options of the last reply that offered a choice, so "2" or a title can be resolved later. */
export function menuOf(replies: readonly OutboundContent[], ttlMinutes: number, now: Date): MenuState | null | undefined {
  let options: ButtonOption[] | undefined;
  for (const reply of replies) {
    if (reply.kind === 'buttons') options = reply.buttons.map((b) => ({ id: b.id, title: b.title }));
    else if (reply.kind === 'list') options = reply.sections.flatMap((s) => s.rows.map((r) => ({ id: r.id, title: r.title })));
  }
  if (options) return { options, expiresAt: new Date(now.getTime() + ttlMinutes * 60_000) };
  // A plain answer moves the conversation on: an old menu's numbers would mean something else now.
  return replies.length > 0 ? null : undefined;
}
