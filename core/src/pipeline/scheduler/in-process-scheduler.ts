import type { Logger } from '../../logging/logger';
import type { ConversationKey } from '../../store/conversation';
import type { ConversationWorker } from '../conversation-worker';
import { conversationId, parseConversationId, type TurnScheduler } from './turn-scheduler';

interface Slot {
  running: boolean;
  /** Work arrived while draining: drain again before letting go, or it would be stranded. */
  again: boolean;
}

/**
 * The embedded scheduler: one drain per conversation at a time, at most `concurrency`
 * conversations at once, everything in this process.
 */
export class InProcessScheduler implements TurnScheduler {
  private readonly slots = new Map<string, Slot>();
  private readonly waiting: string[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private active = 0;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly worker: ConversationWorker,
    private readonly logger: Logger,
    private readonly concurrency: number,
    private readonly retryDelayMs = 1_000,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
  }

  schedule(key: ConversationKey): void {
    if (this.stopped) return;
    const id = conversationId(key);
    const slot = this.slots.get(id);
    if (slot) {
      slot.again = true;
      return;
    }
    this.slots.set(id, { running: false, again: false });
    this.waiting.push(id);
    this.pump();
  }

  scheduleAt(key: ConversationKey, at: Date): void {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.schedule(key);
      },
      Math.max(0, at.getTime() - Date.now()),
    );
    timer.unref();
    this.timers.add(timer);
  }

  private pump(): void {
    while (this.active < this.concurrency && this.waiting.length > 0) {
      const id = this.waiting.shift()!;
      this.active++;
      void this.run(id);
    }
    if (this.active === 0 && this.waiting.length === 0) this.idleWaiters.splice(0).forEach((w) => w());
  }

  private async run(id: string): Promise<void> {
    const slot = this.slots.get(id)!;
    slot.running = true;
    try {
      do {
        slot.again = false;
        await this.worker.drain(parseConversationId(id));
      } while (slot.again && !this.stopped);
    } catch (err) {
      this.logger.error({ err }, 'conversation drain failed; will retry');
      if (!this.stopped) this.scheduleAt(parseConversationId(id), new Date(Date.now() + this.retryDelayMs));
    } finally {
      this.slots.delete(id);
      this.active--;
      this.pump();
    }
  }

  async idle(): Promise<void> {
    if (this.active === 0 && this.waiting.length === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(timeoutMs: number): Promise<void> {
    this.stopped = true;
    this.waiting.splice(0).forEach((id) => this.slots.delete(id));
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.race([this.idle(), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }
}
