import {
  createBot,
  type InboundEvent,
  type InboundMessage,
  type DeliveryStatus,
  type Kernel,
  type Logger,
  type PluginDefinition,
  type ReceiveResult,
} from '@hotello/core';

/**
 * A started bot whose inbox is a recorder: what adapters hand over is kept in `events`, so tests
 * can assert exactly what a webhook produced (and that a rejected one produced nothing).
 */
export interface CapturingBot {
  readonly bot: Kernel;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly events: InboundEvent[];
  messages(): InboundMessage[];
  statuses(): DeliveryStatus[];
  /** The next `times` hand-overs fail as if the store were down. */
  failNextReceive(times?: number): void;
  /** Resolves once at least `count` events arrived (statuses reported asynchronously). */
  waitForEvents(count: number, timeoutMs?: number): Promise<InboundEvent[]>;
  stop(): Promise<void>;
}

/**
 * Runs after events are captured, in the webhook's request, like the pipeline's inbox would:
 * tests use it to answer a guest through the adapter and close the loop.
 */
export type OnReceive = (events: readonly InboundEvent[], bot: Kernel) => Promise<void> | void;

export async function startCapturingBot(
  config: Record<string, unknown>,
  plugins: readonly PluginDefinition[],
  onReceive?: OnReceive,
  /** Tests that assert on log lines pass a logger writing to a stream they read. */
  logger?: Logger,
): Promise<CapturingBot> {
  const bot = createBot({ config: { log: { level: 'silent' }, ...config }, extraPlugins: plugins, logger });
  await bot.start();
  const events: InboundEvent[] = [];
  let failures = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  bot.messaging.connect({
    async receive(batch): Promise<ReceiveResult> {
      if (failures > 0) {
        failures -= 1;
        throw new Error('store unavailable (simulated)');
      }
      events.push(...batch);
      for (const w of [...waiters]) if (events.length >= w.count) w.resolve();
      await onReceive?.(batch, bot);
      const messages = batch.filter((e) => e.type === 'message').length;
      return { accepted: messages, duplicates: 0, statuses: batch.length - messages };
    },
  });
  const port = await bot.listen(0, '127.0.0.1');
  return {
    bot,
    url: `http://127.0.0.1:${port}`,
    events,
    messages: () => events.flatMap((e) => (e.type === 'message' ? [e.message] : [])),
    statuses: () => events.flatMap((e) => (e.type === 'status' ? [e.status] : [])),
    failNextReceive: (times = 1) => {
      failures += times;
    },
    waitForEvents: (count, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        if (events.length >= count) return resolve(events);
        const timer = setTimeout(() => reject(new Error(`expected ${count} events, got ${events.length}`)), timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(events);
          },
        });
      }),
    stop: () => bot.stop('test finished'),
  };
}
