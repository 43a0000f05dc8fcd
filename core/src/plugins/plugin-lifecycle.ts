/**
 * What `register` may return: the plugin's running half. The closures see everything
 * `register` built (clients, timers, services), so a plugin needs no module-level maps or
 * container look-ups to find its own state again — and two bots in one process never share it.
 */
export interface PluginLifecycle {
  /** Opens connections or timers; runs after every plugin registered, in dependency order. */
  start?(): void | Promise<void>;
  /** Releases what `start` opened; runs in reverse dependency order when the bot stops. */
  stop?(): void | Promise<void>;
}

/** `register`'s result as the kernel keeps it: nothing returned means nothing to start or stop. */
export function lifecycleOf(result: unknown): PluginLifecycle {
  if (result === undefined || result === null) return {};
  if (typeof result !== 'object') throw new TypeError('register must return nothing or { start?, stop? }');
  const { start, stop } = result as PluginLifecycle;
  for (const [key, fn] of Object.entries({ start, stop }))
    if (fn !== undefined && typeof fn !== 'function') throw new TypeError(`register returned a ${key} that is not a function`);
  return { start, stop };
}
