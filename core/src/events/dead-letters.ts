import type { EventDeliveries, StoredDelivery } from './event-deliveries';

/** A parked event as operators see it (admin API and `hotello events dead`). */
export interface DeadLetterView {
  /** Opaque and URL-safe: what `replay` takes. */
  readonly id: string;
  readonly eventId: string;
  readonly event: string;
  readonly listener: string;
  readonly plugin: string;
  readonly attempts: number;
  readonly lastError?: string;
  readonly emittedAt: string;
  readonly parkedAt?: string;
  readonly payload: unknown;
}

export const MAX_DEAD_LETTERS = 500;

function viewOf(row: StoredDelivery): DeadLetterView {
  return {
    id: Buffer.from(row._id, 'utf8').toString('base64url'),
    eventId: row.eventId,
    event: row.event,
    listener: row.listener,
    plugin: row.plugin,
    attempts: row.attempts,
    ...(row.lastError !== undefined ? { lastError: row.lastError } : {}),
    emittedAt: row.emittedAt.toISOString(),
    ...(row.settledAt ? { parkedAt: row.settledAt.toISOString() } : {}),
    payload: row.payload,
  };
}

/**
 * What operators do with events a listener could not take: list them, and put them back in the
 * queue once the cause is fixed (the listener retries them from its first attempt, in order).
 */
export class DeadLetters {
  constructor(
    private readonly deliveries: EventDeliveries,
    private readonly wake: (hotelId: string) => void = () => {},
  ) {}

  async list(hotelId: string, limit = 50): Promise<DeadLetterView[]> {
    return (await this.deliveries.dead(hotelId, Math.min(Math.max(1, limit), MAX_DEAD_LETTERS))).map(viewOf);
  }

  /** Replays one dead letter (by its view id) or, without an id, all of the hotel's. Returns how many. */
  async replay(hotelId: string, id?: string): Promise<number> {
    const rowId = id === undefined ? undefined : Buffer.from(id, 'base64url').toString('utf8');
    // A row id always starts with its hotel: an id from another hotel matches nothing here anyway.
    if (rowId !== undefined && !rowId.startsWith(`${hotelId}|`)) return 0;
    const replayed = await this.deliveries.replay(hotelId, new Date(), rowId);
    if (replayed > 0) this.wake(hotelId);
    return replayed;
  }
}
