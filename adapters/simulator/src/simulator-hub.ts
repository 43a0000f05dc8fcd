import { randomUUID } from 'node:crypto';
import type { DeliveryState, InboundContent, InboundEvent, Logger, OutboundContent, PlannedChannel } from '@hotello/core';
import { simulatorOptions } from './channel-options';
import { GuestMemory } from './guest-memory';
import type { SseStream } from './sse-stream';

/** How often guests idle past their channel's `guestIdleMinutes` are looked for, besides when a new guest arrives. */
const IDLE_SWEEP_MS = 60_000;

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
 * "delivered" once a browser has the message, "read" when the page shows it. Guests without an
 * open page are forgotten after their channel's `guestIdleMinutes`, or sooner past `maxGuests`.
 */
export class SimulatorHub {
  /** Per hotel channel (`hotel/channel`), its remembered guests. */
  private readonly memories = new Map<string, GuestMemory<Conversation>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly sweeper: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly report: (events: readonly InboundEvent[]) => Promise<unknown>,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.forgetIdleGuests(), IDLE_SWEEP_MS);
    // Memory housekeeping alone must not keep a stopping process alive.
    this.sweeper.unref();
  }

  /** Guests remembered, over all channels. */
  get guestCount(): number {
    let count = 0;
    for (const memory of this.memories.values()) count += memory.size;
    return count;
  }

  /** Forgets guests idle past their channel's limit; returns how many. */
  forgetIdleGuests(): number {
    let forgotten = 0;
    for (const memory of this.memories.values()) forgotten += memory.forgetIdle();
    return forgotten;
  }

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
    return () => {
      conversation.subscribers.delete(stream);
      // The guest's idle time starts when their last page closes.
      this.memoryOf(channel).touch(guest);
    };
  }

  /** The page displayed these replies. Ids the simulator does not know are ignored. */
  markRead(channel: PlannedChannel, guest: string, ids: readonly string[]): number {
    const conversation = this.memoryOf(channel).peek(guest);
    if (!conversation) return 0;
    const wanted = new Set(ids);
    const replies = conversation.entries.filter((e) => e.view.direction === 'out' && wanted.has(e.view.id));
    for (const entry of replies) this.advance(conversation, entry, 'read');
    return replies.length;
  }

  /** Ends every stream and drops pending reports; the bot is stopping. */
  close(): void {
    this.closed = true;
    clearInterval(this.sweeper);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const memory of this.memories.values()) {
      for (const conversation of memory.values()) for (const stream of conversation.subscribers) stream.close();
    }
  }

  private memoryOf(channel: PlannedChannel): GuestMemory<Conversation> {
    const key = `${channel.hotelId}/${channel.id}`;
    let memory = this.memories.get(key);
    if (!memory) {
      const { guestIdleMinutes, maxGuests } = simulatorOptions(channel);
      memory = new GuestMemory<Conversation>({ idleMs: guestIdleMinutes * 60_000, maxGuests }, (c) => c.subscribers.size > 0, this.now);
      this.memories.set(key, memory);
    }
    return memory;
  }

  /** The guest's conversation, remembered anew if it was forgotten; counts as activity. */
  private conversation(channel: PlannedChannel, guest: string): Conversation {
    const memory = this.memoryOf(channel);
    return memory.remember(guest, () => {
      // A new guest is when memory grows: make room from idle ones first.
      memory.forgetIdle();
      return { channel, guest, entries: [], subscribers: new Set() };
    });
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
