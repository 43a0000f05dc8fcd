import { randomUUID } from 'node:crypto';

/** An event with everything delivery needs: who it is, where it belongs in its order, when it happened. */
export interface EmittedEvent {
  /** Stable: a re-emit with the same id (a retried turn, a repeated callback) is recognised and delivered once. */
  readonly id: string;
  readonly event: string;
  readonly payload: unknown;
  /** Events with the same key reach each listener in `seq` order; a conversation's events share its id. */
  readonly orderKey: string;
  readonly seq: string;
  readonly emittedAt: Date;
}

/** How a plugin may shape an event it emits outside a turn. */
export interface EmitOptions {
  /**
   * A stable id for what happened (`payment:<provider id>`): emitting the same id again delivers
   * nothing new, so a retried webhook or job can simply emit again. Random when left out.
   */
  readonly id?: string;
  /**
   * Events with the same key reach each listener in the order they were emitted. Defaults to the
   * guest's key when the payload names `hotelId` and `guest` (as a turn's events are ordered);
   * otherwise the event is ordered on its own.
   */
  readonly orderKey?: string;
}

/** Events about one guest reach each listener in order, so one conversation's do too. */
export function guestOrderKey(hotelId: string, guest: string): string {
  return `guest:${hotelId}|${guest}`;
}

let counter = 0;

/**
 * A sortable position: the time, then a per-process counter, so events emitted in the same
 * millisecond keep their order. Events of one conversation are emitted by one instance at a time
 * (turns never overlap), so the clock of that instance orders them.
 */
export function sequence(at: Date, index?: number): string {
  const tie = index ?? (counter = (counter + 1) % 1_000_000);
  return `${at.toISOString()}#${String(tie).padStart(6, '0')}`;
}

/** Builds the event a plugin or core emits outside a turn. */
export function emittedEvent(event: string, payload: unknown, at: Date, options: EmitOptions = {}): EmittedEvent {
  const id = options.id ?? randomUUID();
  const { hotelId, guest } = (payload ?? {}) as { hotelId?: unknown; guest?: unknown };
  const aboutGuest = typeof hotelId === 'string' && typeof guest === 'string' && guest !== '';
  const orderKey = options.orderKey ?? (aboutGuest ? guestOrderKey(hotelId, guest) : `event:${id}`);
  return { id, event, payload, orderKey, seq: sequence(at), emittedAt: at };
}
