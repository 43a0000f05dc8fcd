import { Schema } from 'mongoose';
import type { HotelDirectory } from '../kernel/hotel-directory';
import type { Logger } from '../logging/logger';
import type { PluginCollection, PluginStorage } from '../store/collections/collection-types';
import { DuplicateKeyError } from '../store/collections/errors';
import { UnknownHotelError } from './errors';
import { guestNumber } from './guest-number';

/** A guest's recorded choice at one hotel. No record means proactive messages are allowed. */
export interface ConsentRecord {
  readonly guest: string;
  readonly optedOut: boolean;
  readonly reason?: string;
  /** The plugin that recorded the choice. */
  readonly by: string;
  readonly updatedAt: Date;
}

/**
 * Whether a guest accepts proactive messages from a hotel (`ctx.consent`). Replies within a
 * turn are answers, not proactive, and are never affected. Core's `send` refuses an opted-out
 * guest, and the outbox re-checks before a deferred message goes out.
 */
export interface GuestConsent {
  /** Records that the guest wants no proactive messages from the hotel. */
  optOut(hotelId: string, guest: string, reason?: string): Promise<void>;
  /** Withdraws an opt-out. */
  optIn(hotelId: string, guest: string): Promise<void>;
  allowsProactive(hotelId: string, guest: string): Promise<boolean>;
  /** The recorded choice, or undefined when the guest never made one. */
  get(hotelId: string, guest: string): Promise<ConsentRecord | undefined>;
}

interface ConsentDoc {
  guest: string;
  optedOut: boolean;
  reason?: string;
  by: string;
  updatedAt: Date;
}

const consentSchema = new Schema({
  guest: { type: String, required: true },
  optedOut: { type: Boolean, required: true },
  reason: { type: String, maxlength: 500 },
  by: { type: String, required: true },
  updatedAt: { type: Date, required: true },
});

/**
 * The store behind {@link GuestConsent}: `core_consent`, one document per hotel and guest
 * (unique), on either store through core's plugin-style collections.
 */
export class ConsentStore {
  private readonly collection: PluginCollection<ConsentDoc>;

  constructor(
    storage: PluginStorage,
    private readonly hotels: HotelDirectory,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.collection = storage.define<ConsentDoc>('consent', consentSchema, { indexes: [{ fields: { guest: 1 }, unique: true }] });
  }

  /** The view one plugin gets: what it records carries its name. */
  forPlugin(plugin: string): GuestConsent {
    return {
      optOut: (hotelId, guest, reason) => this.record(plugin, hotelId, guest, true, reason),
      optIn: (hotelId, guest) => this.record(plugin, hotelId, guest, false),
      allowsProactive: (hotelId, guest) => this.allowsProactive(hotelId, guest),
      get: (hotelId, guest) => this.get(hotelId, guest),
    };
  }

  async allowsProactive(hotelId: string, guest: string): Promise<boolean> {
    return (await this.get(hotelId, guest))?.optedOut !== true;
  }

  async get(hotelId: string, guest: string): Promise<ConsentRecord | undefined> {
    const number = this.check(hotelId, guest);
    const doc = await this.collection.forHotel(hotelId).findOne({ guest: number });
    if (!doc) return undefined;
    return {
      guest: doc.guest,
      optedOut: doc.optedOut,
      by: doc.by,
      updatedAt: doc.updatedAt,
      ...(doc.reason !== undefined && doc.reason !== null ? { reason: doc.reason } : {}),
    };
  }

  private async record(plugin: string, hotelId: string, guest: string, optedOut: boolean, reason?: string): Promise<void> {
    const number = this.check(hotelId, guest);
    const update = reason === undefined || !optedOut ? { $unset: { reason: '' as const } } : {};
    const write = () =>
      this.collection
        .forHotel(hotelId)
        .updateOne(
          { guest: number },
          { $set: { optedOut, by: plugin, updatedAt: this.now(), ...(optedOut && reason !== undefined ? { reason } : {}) }, ...update },
          { upsert: true },
        );
    // One upsert on the unique (hotel, guest) document: the last choice wins, from any instance.
    // Two first choices racing may meet the unique index; the loser's retry then updates.
    await write().catch((err: unknown) => {
      if (err instanceof DuplicateKeyError) return write();
      throw err;
    });
    this.logger.info(
      { hotel: hotelId, plugin, optedOut },
      optedOut ? 'guest opted out of proactive messages' : 'guest opted in to proactive messages',
    );
  }

  private check(hotelId: string, guest: string): string {
    if (!this.hotels.get(hotelId)) throw new UnknownHotelError(hotelId);
    return guestNumber(hotelId, guest);
  }
}
