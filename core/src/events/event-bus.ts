import type { Logger } from '../logging/logger';
import { emittedEvent, type EmitOptions, type EmittedEvent } from './emitted-event';
import { deliveryId, NO_LEASE, type EventDeliveries, type EventDelivery } from './event-deliveries';

/**
 * The events a bot knows, by name. Plugins add theirs by declaration merging:
 *
 * ```ts
 * declare module '@hotello/core' {
 *   interface HotelloEvents { 'booking.confirmed': { hotelId: string; reference: string } }
 * }
 * ```
 * Payloads carry `hotelId`: an event reaches only listeners whose plugin is on for that hotel.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- extended by declaration merging
export interface HotelloEvents {}

export type EventName = keyof HotelloEvents & string;

/** What a listener learns besides the payload: the id to be idempotent on, and which try this is. */
export interface EventMeta {
  /** The event's stable id, the same on every retry and for every listener. */
  readonly id: string;
  /** 1 on the first delivery, 2 on the first retry… */
  readonly attempt: number;
  readonly emittedAt: Date;
}

export type EventListener<K extends EventName> = (payload: HotelloEvents[K], meta: EventMeta) => void | Promise<void>;

export interface ListenOptions {
  /**
   * The listener's stable name within its plugin, kept with every undelivered event. Defaults to
   * the event name (`#2`, `#3`… for a plugin's second and third listener of one event); name it
   * when a plugin's listeners may be registered in a different order after an upgrade.
   */
  readonly id?: string;
}

/** A registered listener. */
export interface Subscription {
  readonly id: string;
  readonly event: string;
  readonly listener: (payload: unknown, meta: EventMeta) => void | Promise<void>;
  /** Undefined for the host's own in-process listeners (tests, metrics): they are not durable. */
  readonly plugin?: string;
}

/** Decides whether a plugin's listener may see an event about a hotel. */
export type ListenerGate = (plugin: string, hotelId: string) => boolean;

/** Where delivery rows go and who works them off; the bus only records and wakes. */
export interface DurableDelivery {
  readonly deliveries: EventDeliveries;
  /** New rows for a hotel: deliver soon. */
  kick(hotelId: string): void;
}

/** How many (listener, event) pairs the in-process path remembers. */
const RECENT_IN_PROCESS = 10_000;

function hotelOf(payload: unknown): string | undefined {
  const hotelId = (payload as { hotelId?: unknown } | undefined)?.hotelId;
  return typeof hotelId === 'string' && hotelId ? hotelId : undefined;
}

/**
 * Publish/subscribe between plugins, durable. An event is recorded as one row per listener
 * whose plugin is on at the event's hotel before `emit` resolves; an {@link EventDispatcher}
 * then delivers each row at least once, retrying a listener that throws and parking it as a
 * dead letter after the last attempt. The host's own listeners (registered without a plugin)
 * run in process, right away, and are not retried.
 */
export class EventBus {
  private readonly subscriptions = new Map<string, Subscription[]>();
  private readonly byId = new Map<string, Subscription>();
  private durable?: DurableDelivery;
  /** Recent (listener, event id) pairs heard in process, so a repeated id reaches a host listener once too. */
  private readonly heardInProcess = new Map<string, true>();

  constructor(
    private readonly logger: Logger,
    private readonly gate: ListenerGate = () => true,
    private readonly onListenerError: (event: string, err: unknown) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Connects the bus to the store; until then (unit tests of other parts) every listener runs in process. */
  persistTo(durable: DurableDelivery): void {
    this.durable = durable;
  }

  on<K extends EventName>(event: K, listener: EventListener<K>, plugin?: string, options: ListenOptions = {}): () => void {
    const list = this.subscriptions.get(event) ?? [];
    const id = plugin ? this.listenerId(plugin, event, options.id) : `host/${event}#${list.length + 1}`;
    if (this.byId.has(id)) throw new Error(`event listener "${id}" is registered twice; give one of them another id`);
    const sub: Subscription = { id, event, listener: listener as Subscription['listener'], plugin };
    list.push(sub);
    this.subscriptions.set(event, list);
    this.byId.set(id, sub);
    return () => {
      this.subscriptions.set(
        event,
        (this.subscriptions.get(event) ?? []).filter((s) => s !== sub),
      );
      this.byId.delete(id);
    };
  }

  /** Records the event for every listener of its hotel; resolves once it is stored (delivery follows). */
  async emit<K extends EventName>(event: K, payload: HotelloEvents[K], options?: EmitOptions): Promise<void> {
    await this.publish([emittedEvent(event, payload, this.now(), options)]);
  }

  /**
   * Records events built elsewhere (a turn's, whose ids and order were fixed when the turn was
   * saved). Recording the same event id again adds nothing, so a caller that is not sure whether
   * it published may publish again.
   */
  async publish(events: readonly EmittedEvent[]): Promise<void> {
    const { rows, inProcess } = this.plan(events);
    for (const [hotelId, list] of rows) await this.durable!.deliveries.add(hotelId, list);
    for (const hotelId of rows.keys()) this.durable!.kick(hotelId);
    for (const [sub, e] of inProcess) await this.runInProcess(sub, e);
  }

  /**
   * The delivery rows events make, by hotel (one per listener whose plugin is on there), and the
   * host listeners to run in process.
   */
  plan(events: readonly EmittedEvent[]): { rows: Map<string, EventDelivery[]>; inProcess: [Subscription, EmittedEvent][] } {
    const rows = new Map<string, EventDelivery[]>();
    const inProcess: [Subscription, EmittedEvent][] = [];
    for (const e of events) {
      const hotelId = hotelOf(e.payload);
      for (const sub of this.subscriptions.get(e.event) ?? []) {
        if (sub.plugin && hotelId && !this.gate(sub.plugin, hotelId)) continue;
        // Without a hotel there is no scope to store it under; such events were never promised to plugins durably.
        if (!sub.plugin || !hotelId || !this.durable) {
          inProcess.push([sub, e]);
          continue;
        }
        const list = rows.get(hotelId) ?? [];
        list.push(deliveryRow(hotelId, sub, e, this.now()));
        rows.set(hotelId, list);
      }
    }
    return { rows, inProcess };
  }

  /** Runs the host's in-process listeners of events recorded elsewhere (a plugin's write, see `WriteEvents`). */
  async runInProcessListeners(inProcess: readonly [Subscription, EmittedEvent][]): Promise<void> {
    for (const [sub, e] of inProcess) await this.runInProcess(sub, e);
  }

  /** Where rows go, once the bus is connected to the store. */
  get durableDelivery(): DurableDelivery | undefined {
    return this.durable;
  }

  /** The listener a stored row names, if it is still registered. */
  listener(id: string): Subscription | undefined {
    return this.byId.get(id);
  }

  listenerCount(event: EventName): number {
    return this.subscriptions.get(event)?.length ?? 0;
  }

  /** Whether a plugin is on at a hotel (the dispatcher asks again at delivery time). */
  allows(plugin: string, hotelId: string): boolean {
    return this.gate(plugin, hotelId);
  }

  private listenerId(plugin: string, event: string, named: string | undefined): string {
    if (named !== undefined) {
      if (!/^[A-Za-z0-9._:-]{1,100}$/.test(named)) throw new Error(`event listener id "${named}": expected letters, digits, . _ : -`);
      return `${plugin}/${named}`;
    }
    const base = `${plugin}/${event}`;
    if (!this.byId.has(base)) return base;
    for (let n = 2; ; n++) if (!this.byId.has(`${base}#${n}`)) return `${base}#${n}`;
  }

  private async runInProcess(sub: Subscription, e: EmittedEvent): Promise<void> {
    const key = `${sub.id}\u0000${e.id}`;
    if (this.heardInProcess.has(key)) return;
    this.heardInProcess.set(key, true);
    if (this.heardInProcess.size > RECENT_IN_PROCESS) this.heardInProcess.delete(this.heardInProcess.keys().next().value!);
    try {
      await sub.listener(e.payload, { id: e.id, attempt: 1, emittedAt: e.emittedAt });
    } catch (err) {
      this.onListenerError(e.event, err);
      this.logger.error({ err, event: e.event, eventId: e.id, listener: sub.id }, 'event listener failed');
    }
  }
}

/** `now` is the bus's clock: due at once by the clock the dispatcher asks, whenever the event was emitted. */
function deliveryRow(hotelId: string, sub: Subscription, e: EmittedEvent, now: Date): EventDelivery {
  return {
    _id: deliveryId(hotelId, e.id, sub.id),
    eventId: e.id,
    event: e.event,
    payload: e.payload,
    listener: sub.id,
    plugin: sub.plugin!,
    orderKey: e.orderKey,
    seq: e.seq,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    leaseUntil: NO_LEASE,
    emittedAt: e.emittedAt,
  };
}
