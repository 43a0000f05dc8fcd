import type { HotelDirectory } from '../kernel/hotel-directory';
import type { Logger } from '../logging/logger';
import type { ConversationKey } from '../store/conversation';
import type { ConversationStore } from '../store/conversation-store';
import type { TurnScheduler } from './scheduler/turn-scheduler';

/**
 * Finds unfinished work — guest messages whose turn never completed (a crash, a peer that
 * died) and replies that are due — and schedules their conversations. Runs once at start
 * (recovery) and then periodically.
 */
export class WorkSweeper {
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly store: ConversationStore,
    private readonly hotels: HotelDirectory,
    private readonly scheduler: TurnScheduler,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const keys = new Map<string, ConversationKey>();
      for (const hotel of this.hotels.list()) {
        const [inbound, outbound] = await Promise.all([
          this.store.pendingInbound(hotel.id, { limit: 500 }),
          this.store.dueOutbound(hotel.id, new Date(), 500),
        ]);
        for (const m of [...inbound, ...outbound])
          keys.set(`${m.hotelId}|${m.channelId}|${m.guest}`, { hotelId: m.hotelId, channelId: m.channelId, guest: m.guest });
      }
      for (const key of keys.values()) this.scheduler.schedule(key);
      return keys.size;
    } finally {
      this.sweeping = false;
    }
  }

  start(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((err: unknown) => this.logger.warn({ err }, 'work sweep failed'));
    }, this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
