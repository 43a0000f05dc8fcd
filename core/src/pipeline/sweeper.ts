import { CORE_OWNER, type JobService } from '../jobs/job-service';
import type { DefinedJob } from '../jobs/job-types';
import type { HotelDirectory } from '../kernel/hotel-directory';
import type { Logger } from '../logging/logger';
import type { ConversationKey } from '../store/conversation';
import type { ConversationStore } from '../store/conversation-store';
import type { TurnScheduler } from './scheduler/turn-scheduler';

/** Core's job that sweeps one hotel every `pipeline.sweepIntervalMs`. */
export const WORK_SWEEP_JOB = 'pipeline.sweep';

/**
 * Finds unfinished work — guest messages whose turn never completed (a crash, a peer that
 * died) and replies that are due — and schedules their conversations. Runs once at start
 * (recovery, on this instance right away) and then periodically: as a repeating core job per
 * hotel, so of several instances one sweeps each time (with Redis the conversations it finds
 * go to whichever instance takes them). Without a job service (a pipeline assembled by hand)
 * the periodic part is a timer.
 */
export class WorkSweeper {
  private timer?: NodeJS.Timeout;
  private readonly sweeping = new Set<string>();
  private readonly job?: DefinedJob;

  constructor(
    private readonly store: ConversationStore,
    private readonly hotels: HotelDirectory,
    private readonly scheduler: TurnScheduler,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    jobs?: JobService,
  ) {
    // A failed sweep is retried by the next one, a few seconds later: no retries of its own.
    this.job = jobs?.define(CORE_OWNER, WORK_SWEEP_JOB, ({ hotelId }) => this.sweepLogged([hotelId]), { attempts: 1 });
  }

  /** Sweeps every hotel; resolves with how many conversations were scheduled. */
  async sweep(): Promise<number> {
    return this.sweepHotels(this.hotels.list().map((h) => h.id));
  }

  /** Sweeps one hotel. */
  sweepHotel(hotelId: string): Promise<number> {
    return this.sweepHotels([hotelId]);
  }

  private async sweepHotels(hotelIds: readonly string[]): Promise<number> {
    // A hotel already being swept is covered by that sweep; others (several hotels' jobs at once) go ahead.
    const mine = hotelIds.filter((id) => !this.sweeping.has(id));
    for (const id of mine) this.sweeping.add(id);
    try {
      const keys = new Map<string, ConversationKey>();
      for (const hotelId of mine) {
        const [inbound, outbound] = await Promise.all([
          this.store.pendingInbound(hotelId, { limit: 500 }),
          this.store.dueOutbound(hotelId, new Date(), 500),
        ]);
        for (const m of [...inbound, ...outbound])
          keys.set(`${m.hotelId}|${m.channelId}|${m.guest}`, { hotelId: m.hotelId, channelId: m.channelId, guest: m.guest });
      }
      for (const key of keys.values()) this.scheduler.schedule(key);
      return keys.size;
    } finally {
      for (const id of mine) this.sweeping.delete(id);
    }
  }

  private async sweepLogged(hotelIds: readonly string[]): Promise<void> {
    await this.sweepHotels(hotelIds).catch((err: unknown) => this.logger.warn({ err }, 'work sweep failed'));
  }

  /** Starts the periodic part (the start-up sweep is the caller's `sweep()`). */
  async start(): Promise<void> {
    if (this.job) {
      for (const hotel of this.hotels.list()) await this.job.repeat({ hotelId: hotel.id, everyMs: this.intervalMs });
      return;
    }
    this.timer = setInterval(() => void this.sweepLogged(this.hotels.list().map((h) => h.id)), this.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer; the repeating job stops with the job service (and goes on with the other instances). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
