import { TaskCancelledError, timeout, TimeoutStrategy, type TimeoutPolicy } from 'cockatiel';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import { backoffDelay } from '../pipeline/backoff';
import type { EventBus } from './event-bus';
import type { EventDeliveries, StoredDelivery } from './event-deliveries';

export interface EventDeliveryOptions {
  /** Attempts per listener before the event is parked as a dead letter for operators. */
  readonly maxAttempts: number;
  /** First retry delay; each further one doubles (with jitter), up to `maxRetryDelayMs`. */
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
  /** How long a delivery is reserved for the instance running it, and how long a listener may take. */
  readonly leaseMs: number;
  /** Delivered events are remembered this long, so the same event emitted again is not delivered twice. */
  readonly retentionHours: number;
}

export interface EventDispatcherDeps {
  readonly bus: EventBus;
  readonly deliveries: EventDeliveries;
  readonly hotels: () => readonly string[];
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly options: EventDeliveryOptions;
  readonly now?: () => Date;
  /** Settles events staged with plugins' writes whose writer died (see `WriteEvents`); run before each pass. */
  readonly recover?: (hotelId: string) => Promise<void>;
}

/** Rows looked at per pass over a hotel. */
const BATCH = 200;
/** Orders (conversations) delivered at the same time within a hotel. */
const PARALLEL_ORDERS = 8;
const PRUNE_EVERY_MS = 60 * 60_000;

/**
 * Delivers recorded events: each row to its listener, at least once, in `seq` order per
 * listener and order key (a conversation's events arrive as they happened). A row another
 * instance holds, or one waiting for its retry, holds back the rows after it; a parked row does
 * not. Works the same on one instance or many: every step is a conditional write on the row.
 */
export class EventDispatcher {
  private readonly now: () => Date;
  private readonly dirty = new Set<string>();
  private readonly recoverDue = new Set<string>();
  private running?: Promise<void>;
  private started = false;
  private stopped = false;
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; at: number }>();
  private readonly prunedAt = new Map<string, number>();
  private idleWaiters: (() => void)[] = [];
  /** A listener that never settles must not hold its rows past the lease another instance would take them after. */
  private readonly listenerLimit: TimeoutPolicy;

  constructor(private readonly deps: EventDispatcherDeps) {
    this.now = deps.now ?? (() => new Date());
    this.listenerLimit = timeout(deps.options.leaseMs, TimeoutStrategy.Aggressive);
  }

  /** Delivers whatever earlier runs left undelivered, then new events as they come. */
  start(): void {
    this.started = true;
    this.sweep();
  }

  /** Looks at every hotel again: recovery after a crash, rows whose claimer died, replayed dead letters. */
  sweep(): void {
    for (const hotelId of this.deps.hotels()) this.sweepHotel(hotelId);
  }

  /** One hotel's sweep: its staged events are settled too (only sweeps look at those, not every new event). */
  sweepHotel(hotelId: string): void {
    this.recoverDue.add(hotelId);
    this.kick(hotelId);
  }

  kick(hotelId: string): void {
    if (this.stopped) return;
    this.dirty.add(hotelId);
    if (this.started && !this.running) this.running = this.drain();
  }

  /** Nothing is being delivered and nothing is waiting to be looked at now. */
  get isIdle(): boolean {
    return !this.running && (this.dirty.size === 0 || !this.started);
  }

  /** Resolves when nothing is being delivered in this instance (retries waiting for their time do not count). */
  async idle(): Promise<void> {
    if (!this.running && (this.dirty.size === 0 || !this.started)) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops taking rows and waits for deliveries in progress, up to `timeoutMs`; the rest stays for the next start. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopped = true;
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    if (this.running) await Promise.race([this.running, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }

  private async drain(): Promise<void> {
    try {
      while (this.dirty.size > 0 && !this.stopped) {
        const [hotelId] = this.dirty;
        this.dirty.delete(hotelId!);
        try {
          if (this.recoverDue.delete(hotelId!)) await this.deps.recover?.(hotelId!);
          if (await this.pass(hotelId!)) this.dirty.add(hotelId!);
          await this.pruneNowAndThen(hotelId!);
        } catch (err) {
          // The store is down or refused: the rows stay; the next sweep tries again.
          this.deps.logger.warn({ err, hotel: hotelId }, 'event delivery pass failed; retrying on the next sweep');
        }
      }
    } finally {
      this.running = undefined;
      this.idleWaiters.splice(0).forEach((w) => w());
    }
  }

  /** One pass over a hotel's pending rows; true when a full batch was worked and more may wait. */
  private async pass(hotelId: string): Promise<boolean> {
    const rows = await this.deps.deliveries.pending(hotelId, BATCH);
    const orders = new Map<string, StoredDelivery[]>();
    for (const row of rows) {
      const key = `${row.listener}\u0000${row.orderKey}`;
      const list = orders.get(key) ?? [];
      list.push(row);
      orders.set(key, list);
    }
    let progressed = false;
    let earliest: number | undefined;
    const queue = [...orders.values()];
    const worker = async () => {
      for (let order = queue.shift(); order && !this.stopped; order = queue.shift()) {
        const outcome = await this.deliverInOrder(hotelId, order);
        progressed ||= outcome.progressed;
        if (outcome.wakeAt !== undefined) earliest = Math.min(earliest ?? Infinity, outcome.wakeAt);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_ORDERS, queue.length) }, worker));
    if (earliest !== undefined) this.wakeAt(hotelId, earliest);
    return progressed && rows.length === BATCH;
  }

  /** Delivers one listener's rows of one order key, oldest first, stopping at the first that cannot go now. */
  private async deliverInOrder(hotelId: string, order: readonly StoredDelivery[]): Promise<{ progressed: boolean; wakeAt?: number }> {
    let progressed = false;
    for (const row of order) {
      const now = this.now();
      // Someone else is delivering it: what follows waits for them (their lease bounds the wait).
      if (row.leaseUntil.getTime() > now.getTime()) return { progressed, wakeAt: row.leaseUntil.getTime() };
      if (row.nextAttemptAt.getTime() > now.getTime()) return { progressed, wakeAt: row.nextAttemptAt.getTime() };
      const claimed = await this.deps.deliveries.claim(hotelId, row, now, this.deps.options.leaseMs);
      if (!claimed) return { progressed };
      const outcome = await this.deliver(hotelId, claimed);
      progressed = true;
      if (outcome !== 'settled') return { progressed, wakeAt: outcome.retryAt };
    }
    return { progressed };
  }

  private async deliver(hotelId: string, row: StoredDelivery): Promise<'settled' | { retryAt: number }> {
    const { bus, deliveries, logger, metrics, options } = this.deps;
    const sub = bus.listener(row.listener);
    const context = { event: row.event, eventId: row.eventId, listener: row.listener, hotel: hotelId, attempt: row.attempts };
    if (!sub) {
      // The plugin was removed or renamed the listener: keep the event for operators rather than drop it.
      await deliveries.settle(hotelId, row, 'dead', this.now(), `no listener "${row.listener}" is registered`);
      metrics.eventDeliveries.inc({ event: row.event, outcome: 'dead' });
      logger.error(context, 'event parked as a dead letter: its listener is not registered');
      return 'settled';
    }
    if (!bus.allows(row.plugin, hotelId)) {
      await deliveries.settle(hotelId, row, 'skipped', this.now());
      metrics.eventDeliveries.inc({ event: row.event, outcome: 'skipped' });
      return 'settled';
    }
    try {
      await this.listenerLimit.execute(() =>
        sub.listener(row.payload, { id: row.eventId, attempt: row.attempts, emittedAt: row.emittedAt }),
      );
      await deliveries.settle(hotelId, row, 'delivered', this.now());
      metrics.eventDeliveries.inc({ event: row.event, outcome: 'delivered' });
      return 'settled';
    } catch (err) {
      metrics.errors.inc({ kind: 'event_listener' });
      const message =
        err instanceof TaskCancelledError
          ? `listener did not finish within ${options.leaseMs} ms`
          : err instanceof Error
            ? err.message
            : String(err);
      if (row.attempts >= options.maxAttempts) {
        await deliveries.settle(hotelId, row, 'dead', this.now(), message.slice(0, 1_000));
        metrics.eventDeliveries.inc({ event: row.event, outcome: 'dead' });
        logger.error({ ...context, err }, 'event listener failed on its last attempt; parked as a dead letter');
        return 'settled';
      }
      const delay = Math.min(options.maxRetryDelayMs, backoffDelay(row.attempts) * (options.retryDelayMs / 500));
      const retryAt = this.now().getTime() + delay;
      await deliveries.retryLater(hotelId, row, new Date(retryAt), message.slice(0, 1_000));
      metrics.eventDeliveries.inc({ event: row.event, outcome: 'retry' });
      logger.warn({ ...context, err, retryInMs: delay }, 'event listener failed; retrying');
      return { retryAt };
    }
  }

  private wakeAt(hotelId: string, at: number): void {
    if (this.stopped) return;
    const existing = this.timers.get(hotelId);
    if (existing && existing.at <= at) return;
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(
      () => {
        this.timers.delete(hotelId);
        this.kick(hotelId);
      },
      Math.max(0, at - this.now().getTime()),
    );
    timer.unref();
    this.timers.set(hotelId, { timer, at });
  }

  private async pruneNowAndThen(hotelId: string): Promise<void> {
    const now = this.now().getTime();
    if (now - (this.prunedAt.get(hotelId) ?? 0) < PRUNE_EVERY_MS) return;
    this.prunedAt.set(hotelId, now);
    await this.deps.deliveries.prune(hotelId, new Date(now - this.deps.options.retentionHours * 3_600_000));
  }
}
