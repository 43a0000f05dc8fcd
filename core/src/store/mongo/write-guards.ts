import { Schema, type Connection, type Model } from 'mongoose';
import { isUnavailableError } from './connectivity';

interface GuardDoc {
  _id: string;
  expiresAt: Date;
}

const guardSchema = new Schema<GuardDoc>(
  { _id: String, expiresAt: Date },
  { versionKey: false, timestamps: false, autoIndex: false, autoCreate: false, bufferCommands: false, collection: 'write_guards' },
);

/**
 * One-shot tokens, one per (document, revision), for servers whose conditional updates are
 * not atomic. FerretDB v1 evaluates an update's filter, then writes the document by `_id`
 * in a separate step, so two writers that both saw version 3 both "succeed" and one update
 * is lost. An insert on a unique `_id` *is* atomic there, so a writer first inserts the
 * token for the revision it read; only the writer that inserted it may write that revision.
 *
 * A token left by a writer that died between the two steps would block the document, so
 * tokens expire after `ttlMs` and may then be taken over; that is far longer than any write
 * can be in flight (operations time out much sooner).
 */
export class WriteGuards {
  readonly model: Model<GuardDoc>;

  constructor(
    connection: Connection,
    private readonly ttlMs: number,
  ) {
    this.model = connection.model<GuardDoc>('WriteGuard', guardSchema);
  }

  /** True when this caller now holds the token; false when someone else does. */
  async take(token: string, now: Date): Promise<boolean> {
    if (await this.insert(token, now)) return true;
    // Held: take it over only if it expired (its holder died mid-write).
    const expired = await this.model.deleteOne({ _id: token, expiresAt: { $lte: now } });
    return expired.deletedCount === 1 && (await this.insert(token, now));
  }

  /** Gives a token back after the guarded write failed, so the document is not blocked until it expires. */
  async release(token: string): Promise<void> {
    await this.model.deleteOne({ _id: token });
  }

  async sweep(now: Date): Promise<number> {
    return (await this.model.deleteMany({ expiresAt: { $lte: now } })).deletedCount;
  }

  private async insert(token: string, now: Date): Promise<boolean> {
    try {
      await this.model.insertMany([{ _id: token, expiresAt: new Date(now.getTime() + this.ttlMs) }], { lean: true });
      return true;
    } catch (err) {
      if (isUnavailableError(err)) throw err;
      // A duplicate `_id` is 11000 on MongoDB and FerretDB alike, but whatever the code,
      // the question is only whether the token exists now.
      if ((err as { code?: unknown }).code === 11000 || (await this.model.exists({ _id: token }))) return false;
      throw err;
    }
  }
}
