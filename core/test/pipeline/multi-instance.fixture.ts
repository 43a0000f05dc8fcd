import { randomUUID } from 'node:crypto';
import {
  createBot,
  createLogger,
  definePlugin,
  z,
  type ChannelCapabilities,
  type Kernel,
  type OutboundMessage,
  type TurnMiddleware,
} from '@hotello/core';

export interface TurnTrace {
  readonly instance: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const TEXT_ONLY: ChannelCapabilities = { textMax: 4096, buttons: false, list: false, kinds: new Set() };

/** A channel that records sends into a shared array (several kernels in one process); text only unless told otherwise. */
export function recordingChannel(sent: OutboundMessage[], capabilities: ChannelCapabilities = TEXT_ONLY) {
  return definePlugin({
    name: 'recording-channel',
    channels: [{ type: 'recording', options: z.object({}) }],
    register(ctx) {
      ctx.messaging.registerAdapter({
        type: 'recording',
        capabilities,
        async send(_channel, message) {
          sent.push(message);
          return { providerMessageId: `rec-${randomUUID()}` };
        },
      });
    },
  });
}

/** Runs `behaviour` as each turn and answers with the guest's text. */
export function tracingPlugin(instance: string, traces: TurnTrace[], behaviour: (text: string) => Promise<void> = async () => {}) {
  const middleware: TurnMiddleware = async (ctx, next) => {
    const start = Date.now();
    await behaviour(ctx.text ?? '');
    traces.push({ instance, text: ctx.text ?? '', start, end: Date.now() });
    ctx.reply({ kind: 'text', text: `ack ${ctx.text}` });
    await next();
  };
  return definePlugin({ name: 'tracing', register: ({ turns }) => turns.use('route', middleware) });
}

export interface Cluster {
  readonly instances: Kernel[];
  say(instance: number, guest: string, text: string, id?: string): Promise<void>;
  stop(): Promise<void>;
}

/** Several bot instances sharing one MongoDB database and one Redis, as in production. */
export async function startCluster(options: {
  count: number;
  database: string;
  sent: OutboundMessage[];
  traces: TurnTrace[];
  behaviour?: (text: string) => Promise<void>;
  lockTtlMs?: number;
  sweepIntervalMs?: number;
}): Promise<Cluster> {
  const mongo = process.env.MONGODB_URI!.replace(/\/[^/]*$/, '');
  const prefix = `hotello-test-${randomUUID().slice(0, 8)}:`;
  const instances: Kernel[] = [];
  for (let i = 0; i < options.count; i++) {
    const kernel = createBot({
      config: {
        store: { type: 'mongodb', uri: `${mongo}/${options.database}` },
        redis: { url: process.env.REDIS_URL!, keyPrefix: prefix },
        pipeline: { lockTtlMs: options.lockTtlMs ?? 15_000, sweepIntervalMs: options.sweepIntervalMs ?? 2_000 },
        hotels: [{ id: 'seaside', name: 'Seaside', channels: [{ type: 'recording' }], rateLimit: { messages: 10_000, perSeconds: 1 } }],
      },
      extraPlugins: [recordingChannel(options.sent), tracingPlugin(`i${i}`, options.traces, options.behaviour)],
      logger: createLogger({ level: process.env.HOTELLO_TEST_LOG ?? 'silent' }),
    });
    await kernel.start();
    instances.push(kernel);
  }
  let seq = 0;
  return {
    instances,
    async say(instance, guest, text, id) {
      await instances[instance]!.messaging.receive([
        {
          type: 'message',
          message: {
            hotelId: 'seaside',
            channelId: 'recording',
            channelType: 'recording',
            providerMessageId: id ?? `m-${++seq}-${randomUUID()}`,
            from: guest,
            timestamp: new Date(),
            content: { kind: 'text', text },
            raw: {},
          },
        },
      ]);
    },
    async stop() {
      await Promise.all(instances.map((k) => k.stop()));
    },
  };
}

export async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
