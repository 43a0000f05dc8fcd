import type { Logger, PluginStorage } from '@hotello/core';
import type { RoomCatalog } from '../domain/room-catalog';
import type { BookingOptions } from '../options';
import type { BookingBackend } from './booking-backend';
import { createBuiltinBackend } from './builtin';
import { HttpBookingBackend } from './http';

export interface BackendDeps {
  /** The booking plugin's storage (`ctx.storage`): where the built-in backend keeps its state. */
  readonly storage: PluginStorage;
  readonly catalog: RoomCatalog;
  readonly logger: Logger;
  /** The clock (tests move it). */
  readonly now?: () => Date;
}

/**
 * Each hotel's backend: one built-in backend shared by every hotel that uses it (it is scoped
 * by hotel id), and one HTTP backend per hotel that points at an external system.
 */
export class BackendRegistry {
  private readonly byHotel = new Map<string, BookingBackend>();
  private readonly backends = new Set<BookingBackend>();

  constructor(hotels: readonly { hotelId: string; options: BookingOptions }[], deps: BackendDeps) {
    let builtin: BookingBackend | undefined;
    for (const { hotelId, options } of hotels) {
      let backend: BookingBackend;
      if (options.backend.type === 'http') {
        backend = new HttpBookingBackend(options.backend, { logger: deps.logger });
      } else {
        builtin ??= createBuiltinBackend(deps);
        backend = builtin;
      }
      this.byHotel.set(hotelId, backend);
      this.backends.add(backend);
    }
  }

  /** The hotel's backend; throws for a hotel where booking is off. */
  for(hotelId: string): BookingBackend {
    const backend = this.byHotel.get(hotelId);
    if (!backend) throw new Error(`booking is not on for hotel "${hotelId}"`);
    return backend;
  }

  hotelIds(): string[] {
    return [...this.byHotel.keys()];
  }

  async start(): Promise<void> {
    for (const backend of this.backends) await backend.start?.();
  }

  async stop(): Promise<void> {
    for (const backend of this.backends) await backend.stop?.();
  }
}
