export interface GuestMemoryLimits {
  /** A guest not in use and not touched for this long is forgotten. */
  readonly idleMs: number;
  /** Guests remembered at once; the least recently touched one not in use goes first. */
  readonly maxGuests: number;
}

interface Remembered<T> {
  readonly value: T;
  lastActive: number;
}

/**
 * What one simulator channel remembers per guest, bounded: anyone who reaches the page can make
 * up numbers, so memory must not grow with every number ever tried. Entries are kept in
 * least-recently-touched order (a `Map` keeps insertion order; a touch re-inserts), so both
 * the idle sweep and the cap look at the oldest first. A guest `inUse` (a page is open) is never
 * forgotten: its stream would go on showing a conversation that no longer receives anything.
 */
export class GuestMemory<T> {
  private readonly entries = new Map<string, Remembered<T>>();

  constructor(
    private readonly limits: GuestMemoryLimits,
    private readonly inUse: (value: T) => boolean,
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The guest's entry without counting as activity (reads such as "read" receipts of old replies). */
  peek(guest: string): T | undefined {
    return this.entries.get(guest)?.value;
  }

  /** The guest's entry, created if new; counts as activity. */
  remember(guest: string, create: () => T): T {
    const found = this.entries.get(guest);
    const value = found ? found.value : create();
    this.entries.delete(guest);
    this.entries.set(guest, { value, lastActive: this.now() });
    if (!found) this.enforceCap(guest);
    return value;
  }

  /** Marks the guest active now (a page closed: the idle time counts from here). */
  touch(guest: string): void {
    const found = this.entries.get(guest);
    if (!found) return;
    this.entries.delete(guest);
    this.entries.set(guest, { value: found.value, lastActive: this.now() });
  }

  /** Forgets guests idle for longer than the limit; returns how many. */
  forgetIdle(): number {
    const cutoff = this.now() - this.limits.idleMs;
    let forgotten = 0;
    for (const [guest, entry] of this.entries) {
      // Oldest first: once one is recent enough, so are all after it.
      if (entry.lastActive > cutoff) break;
      if (this.inUse(entry.value)) continue;
      this.entries.delete(guest);
      forgotten++;
    }
    return forgotten;
  }

  values(): T[] {
    return [...this.entries.values()].map((e) => e.value);
  }

  /** Past the cap, forgets the least recently touched guests, never `keep` (the one just added). */
  private enforceCap(keep: string): void {
    let excess = this.entries.size - this.limits.maxGuests;
    if (excess <= 0) return;
    for (const [guest, entry] of this.entries) {
      if (excess <= 0) break;
      // Guests with an open page stay even past the cap: they are bounded by open connections.
      if (guest === keep || this.inUse(entry.value)) continue;
      this.entries.delete(guest);
      excess--;
    }
  }
}
