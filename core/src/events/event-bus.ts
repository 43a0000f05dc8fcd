import type { Logger } from '../logging/logger';

/**
 * The events a bot knows, by name. Plugins add theirs by declaration merging:
 *
 * ```ts
 * declare module '@hotello/core' {
 *   interface HotelloEvents { 'booking.confirmed': { hotelId: string; reference: string } }
 * }
 * ```
 * Payloads that carry `hotelId` reach only listeners whose plugin is on for that hotel.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- extended by declaration merging
export interface HotelloEvents {}

export type EventName = keyof HotelloEvents & string;
export type EventListener<K extends EventName> = (payload: HotelloEvents[K]) => void | Promise<void>;

interface Subscription {
  readonly listener: (payload: unknown) => void | Promise<void>;
  readonly plugin?: string;
}

/** Decides whether a plugin's listener may see an event about a hotel. */
export type ListenerGate = (plugin: string, hotelId: string) => boolean;

/**
 * Publish/subscribe between plugins. `emit` waits for every listener, and a listener that
 * throws is logged and counted but never breaks the publisher (a failing alert must not fail
 * a booking).
 */
export class EventBus {
  private readonly subscriptions = new Map<string, Subscription[]>();

  constructor(
    private readonly logger: Logger,
    private readonly gate: ListenerGate = () => true,
    private readonly onListenerError: (event: string, err: unknown) => void = () => {},
  ) {}

  on<K extends EventName>(event: K, listener: EventListener<K>, plugin?: string): () => void {
    const list = this.subscriptions.get(event) ?? [];
    const sub: Subscription = { listener: listener as Subscription['listener'], plugin };
    list.push(sub);
    this.subscriptions.set(event, list);
    return () => {
      const current = this.subscriptions.get(event) ?? [];
      this.subscriptions.set(
        event,
        current.filter((s) => s !== sub),
      );
    };
  }

  async emit<K extends EventName>(event: K, payload: HotelloEvents[K]): Promise<void> {
    const list = this.subscriptions.get(event);
    if (!list || list.length === 0) return;
    const hotelId = (payload as { hotelId?: unknown } | undefined)?.hotelId;
    await Promise.all(
      list.map(async (sub) => {
        if (sub.plugin && typeof hotelId === 'string' && !this.gate(sub.plugin, hotelId)) return;
        try {
          await sub.listener(payload);
        } catch (err) {
          this.onListenerError(event, err);
          this.logger.error({ err, event, plugin: sub.plugin }, 'event listener failed');
        }
      }),
    );
  }

  listenerCount(event: EventName): number {
    return this.subscriptions.get(event)?.length ?? 0;
  }
}
