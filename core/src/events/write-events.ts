import type { Logger } from '../logging/logger';
import { StoreValidationError } from '../store/conversation-store';
import { emittedEvent, type EmitOptions, type EmittedEvent } from './emitted-event';
import type { EventBus, EventName, HotelloEvents, Subscription } from './event-bus';
import type { EventDelivery } from './event-deliveries';

/** The field of a plugin's document that says which staged events its write carries (until they are in force). */
export const EVENT_MARKER = '_hotelloEvents';

/** An event to record with a write to a plugin collection (`{ events: [...] }` on insertOne, updateOne, findOneAndUpdate). */
export interface WriteEvent<K extends EventName = EventName> extends EmitOptions {
  readonly event: K;
  /** `hotelId` may be left out: it is the collection's hotel. */
  readonly payload: Omit<HotelloEvents[K], 'hotelId'> & { hotelId?: string };
}

/** Builds a typed {@link WriteEvent}: `writeEvent('booking.expired', { booking }, { id: … })`. */
export function writeEvent<K extends EventName>(event: K, payload: WriteEvent<K>['payload'], options: EmitOptions = {}): WriteEvent<K> {
  return { event, payload, ...options };
}

/** How the recovery sweep asks a collection whether a write carrying an event happened. */
export interface MarkedCollection {
  hasMarker(hotelId: string, eventId: string): Promise<boolean>;
  clearMarkers(hotelId: string, eventIds: readonly string[]): Promise<void>;
}

/** Events staged ahead of one write. */
export interface StagedEvents {
  readonly hotelId: string;
  readonly ids: readonly string[];
  /** Whether the write must carry the marker (some listener records the events durably). */
  readonly marked: boolean;
  readonly rows: readonly EventDelivery[];
  readonly inProcess: readonly [Subscription, EmittedEvent][];
}

/**
 * Events recorded with a plugin's write to its own collection, without transactions (FerretDB v1
 * has none): the rows are staged first, the write carries their ids in {@link EVENT_MARKER}, and
 * once it succeeded the rows are put in force and the marker cleared. If the process dies in
 * between, the event sweep finds the stale staged rows and asks the collection: a document
 * carrying the marker means the write happened (the rows go in force), none means it did not (the
 * rows are dropped). So an event is delivered exactly when its write happened.
 */
export class WriteEvents {
  private readonly collections = new Map<string, MarkedCollection>();

  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly now: () => Date,
    /** Staged rows younger than this may belong to a write still in flight. */
    private readonly staleAfterMs: number,
  ) {}

  /** Each plugin collection registers itself when it is defined, so the sweep can ask it. */
  register(collection: string, marked: MarkedCollection): void {
    this.collections.set(collection, marked);
  }

  async stage(hotelId: string, collection: string, specs: readonly WriteEvent[]): Promise<StagedEvents> {
    const durable = this.bus.durableDelivery;
    const at = this.now();
    const events = specs.map((spec, i) => {
      const { event, payload, ...options } = spec ?? ({} as WriteEvent);
      if (typeof event !== 'string' || !event) throw new StoreValidationError(`${collection} events[${i}].event: expected an event name`);
      if (payload === null || typeof payload !== 'object')
        throw new StoreValidationError(`${collection} events[${i}].payload: expected an object`);
      const named = (payload as { hotelId?: unknown }).hotelId;
      if (named !== undefined && named !== hotelId)
        throw new StoreValidationError(
          `${collection} events[${i}].payload.hotelId: expected "${hotelId}" (the collection's hotel) or none`,
        );
      return emittedEvent(event, { ...payload, hotelId }, at, options);
    });
    const { rows, inProcess } = this.bus.plan(events);
    const mine = rows.get(hotelId) ?? [];
    if (mine.length > 0 && durable)
      await durable.deliveries.add(
        hotelId,
        mine.map((row) => ({ ...row, state: 'staged' as const, stagedFor: collection })),
      );
    return { hotelId, ids: events.map((e) => e.id), marked: mine.length > 0 && !!durable, rows: mine, inProcess };
  }

  /** The write happened: the events are in force (delivery follows) and the marker goes. */
  async commit(staged: StagedEvents, clearMarker: () => Promise<void>): Promise<void> {
    const durable = this.bus.durableDelivery;
    if (staged.marked && durable) {
      await durable.deliveries.promote(staged.hotelId, staged.rows, this.now());
      durable.kick(staged.hotelId);
      // A marker left behind only costs the sweep a look; the rows are already in force.
      await clearMarker().catch((err: unknown) => this.logger.warn({ err, hotel: staged.hotelId }, 'could not clear an event marker'));
    }
    await this.bus.runInProcessListeners(staged.inProcess);
  }

  /** The write did not happen (its filter matched nothing): the events did not either. */
  async abandon(staged: StagedEvents): Promise<void> {
    if (staged.marked) await this.bus.durableDelivery?.deliveries.dropStaged(staged.hotelId, staged.ids);
  }

  /** Settles staged rows whose writer never came back (see the class comment). */
  async recover(hotelId: string): Promise<void> {
    const durable = this.bus.durableDelivery;
    if (!durable) return;
    const stale = await durable.deliveries.staleStaged(hotelId, new Date(this.now().getTime() - this.staleAfterMs), 200);
    const byEvent = new Map<string, EventDelivery[]>();
    for (const row of stale) byEvent.set(row.eventId, [...(byEvent.get(row.eventId) ?? []), row]);
    let promoted = false;
    for (const [eventId, rows] of byEvent) {
      const collection = rows[0]!.stagedFor ?? '';
      const marked = this.collections.get(collection);
      // Not defined in this process (the plugin is off here): an instance that has it will decide.
      if (!marked) continue;
      if (await marked.hasMarker(hotelId, eventId)) {
        await durable.deliveries.promote(hotelId, rows, this.now());
        await marked.clearMarkers(hotelId, [eventId]);
        promoted = true;
        this.logger.warn({ hotel: hotelId, eventId, collection }, 'recovered an event whose write finished but whose writer died');
      } else {
        await durable.deliveries.dropStaged(hotelId, [eventId]);
      }
    }
    if (promoted) durable.kick(hotelId);
  }
}
