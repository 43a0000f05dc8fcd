import { randomUUID } from 'node:crypto';
import type { DeliveryState, InboundContent, InboundEvent, Logger, OutboundContent, PlannedChannel } from '@hotello/core';
import { simulatorOptions } from './channel-options';
import type { SseStream } from './sse-stream';

/** What the browser shows for one bubble. */
export interface ChatEntryView {
  readonly id: string;
  /** `in`: the guest wrote it; `out`: the bot's reply. */
  readonly direction: 'in' | 'out';
  readonly timestamp: string;
  readonly content: InboundContent | OutboundContent;
  /** Replies only: how far delivery got, as reported to the bot. */
  readonly status?: DeliveryState;
}

type ReplyProgress = 'pending' | Exclude<DeliveryState, 'failed'>;
const PROGRESS: readonly ReplyProgress[] = ['pending', 'sent', 'delivered', 'read'];

interface Entry {
  readonly view: Omit<ChatEntryView, 'status'>;
  /** Replies: the state reported so far, and the furthest state already queued for reporting. */
  status: ReplyProgress;
  goal: ReplyProgress;
  /** Reports for one reply run in order (sent before delivered before read), whatever triggers them. */
  chain: Promise<void>;
}

interface Conversation {
  readonly channel: PlannedChannel;
  readonly guest: string;
  readonly entries: Entry[];
  readonly subscribers: Set<SseStream>;
}

function viewOf(entry: Entry): ChatEntryView {
  return entry.view.direction === 'out' && entry.status !== 'pending' ? { ...entry.view, status: entry.status } : entry.view;
}

/**
 * The simulator's memory and switchboard: per guest, the recent conversation (so a reloaded page
 * sees it again) and the open browser streams. Replies are pushed to the browser, and their
 * delivery is reported back to the bot like a real provider would: "sent" shortly after sending,
 * "delivered" once a browser has the message, "read" when the page shows it.
 */
export class SimulatorHub {
  private readonly conversations = new Map<string, Conversation>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly report: (events: readonly InboundEvent[]) => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  /** Remembers what the guest wrote, and shows it in the guest's other open tabs. */
  recordGuestMessage(channel: PlannedChannel, guest: string, id: string, content: InboundContent): void {
    const conversation = this.conversation(channel, guest);
    const entry: Entry = {
      view: { id, direction: 'in', timestamp: new Date().toISOString(), content },
      status: 'pending',
      goal: 'pending',
      chain: Promise.resolve(),
    };
    this.append(conversation, entry);
  }

  /** Shows a reply to the guest; returns the id its statuses are reported under. */
  deliverReply(channel: PlannedChannel, guest: string, content: OutboundContent): string {
    const conversation = this.conversation(channel, guest);
    const entry: Entry = {
      view: { id: `sim-${randomUUID()}`, direction: 'out', timestamp: new Date().toISOString(), content },
      status: 'pending',
      goal: 'pending',
      // The first report waits: the outbox learns the message id only when send() returns.
      chain: this.delay(simulatorOptions(channel).statusDelayMs),
    };
    this.append(conversation, entry);
    this.advance(conversation, entry, conversation.subscribers.size > 0 ? 'delivered' : 'sent');
    return entry.view.id;
  }

  /** Attaches a browser: replays the conversation, and counts the replies it now has as delivered. */
  subscribe(channel: PlannedChannel, guest: string, stream: SseStream): () => void {
    const conversation = this.conversation(channel, guest);
    conversation.subscribers.add(stream);
    for (const entry of conversation.entries) {
      stream.send('message', viewOf(entry));
      if (entry.view.direction === 'out') this.advance(conversation, entry, 'delivered');
    }
    return () => conversation.subscribers.delete(stream);
  }

  /** The page displayed these replies. Ids the simulator does not know are ignored. */
  markRead(channel: PlannedChannel, guest: string, ids: readonly string[]): number {
    const conversation = this.conversations.get(this.key(channel, guest));
    if (!conversation) return 0;
    const wanted = new Set(ids);
    const replies = conversation.entries.filter((e) => e.view.direction === 'out' && wanted.has(e.view.id));
    for (const entry of replies) this.advance(conversation, entry, 'read');
    return replies.length;
  }

  /** Ends every stream and drops pending reports; the bot is stopping. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const conversation of this.conversations.values()) for (const stream of conversation.subscribers) stream.close();
  }

  private key(channel: PlannedChannel, guest: string): string {
    return `${channel.hotelId}/${channel.id}/${guest}`;
  }

  private conversation(channel: PlannedChannel, guest: string): Conversation {
    const key = this.key(channel, guest);
    let conversation = this.conversations.get(key);
    if (!conversation) this.conversations.set(key, (conversation = { channel, guest, entries: [], subscribers: new Set() }));
    return conversation;
  }

  private append(conversation: Conversation, entry: Entry): void {
    conversation.entries.push(entry);
    const excess = conversation.entries.length - simulatorOptions(conversation.channel).historySize;
    if (excess > 0) conversation.entries.splice(0, excess);
    for (const stream of conversation.subscribers) stream.send('message', viewOf(entry));
  }

  private advance(conversation: Conversation, entry: Entry, target: ReplyProgress): void {
    const from = PROGRESS.indexOf(entry.goal);
    const to = PROGRESS.indexOf(target);
    if (to <= from) return;
    entry.goal = target;
    for (const step of PROGRESS.slice(from + 1, to + 1)) {
      entry.chain = entry.chain.then(() => this.reportStatus(conversation, entry, step as Exclude<ReplyProgress, 'pending'>));
    }
  }

  private async reportStatus(conversation: Conversation, entry: Entry, status: Exclude<ReplyProgress, 'pending'>): Promise<void> {
    if (this.closed) return;
    entry.status = status;
    for (const stream of conversation.subscribers) stream.send('status', { id: entry.view.id, status });
    const { channel, guest } = conversation;
    try {
      await this.report([
        {
          type: 'status',
          status: {
            hotelId: channel.hotelId,
            channelId: channel.id,
            channelType: channel.type,
            providerMessageId: entry.view.id,
            status,
            timestamp: new Date(),
            recipient: guest,
            raw: { simulator: true, status },
          },
        },
      ]);
    } catch (err) {
      // A lost simulator status only makes a tick stale; it must not break the chain of later ones.
      this.logger.warn({ err, id: entry.view.id, status }, 'simulator status not recorded');
    }
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}
