import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// Compare-and-act scripts: only the holder's token may extend or release, so a lock that
// lapsed and was taken by another instance is never touched by the old holder.
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** A held lock, extended in the background while work runs. */
export interface HeldLock {
  /** False once an extension failed: another instance may own the conversation now. */
  readonly held: boolean;
  release(): Promise<void>;
}

/**
 * Per-conversation mutual exclusion across instances. The lock is renewed every third of its
 * TTL while held, so a slow turn never outlives it; if the process dies, it lapses after the TTL.
 */
export class RedisLock {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs: number,
  ) {}

  async acquire(key: string): Promise<HeldLock | undefined> {
    const token = randomUUID();
    const ok = await this.redis.set(key, token, 'PX', this.ttlMs, 'NX');
    if (ok !== 'OK') return undefined;
    let held = true;
    const timer = setInterval(
      () => {
        this.redis
          .eval(EXTEND, 1, key, token, String(this.ttlMs))
          .then((r) => {
            if (r !== 1) held = false;
          })
          .catch(() => {
            held = false;
          });
      },
      Math.max(50, Math.floor(this.ttlMs / 3)),
    );
    timer.unref();
    return {
      get held() {
        return held;
      },
      release: async () => {
        clearInterval(timer);
        held = false;
        await this.redis.eval(RELEASE, 1, key, token);
      },
    };
  }
}
