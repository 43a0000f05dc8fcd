import { z } from 'zod';
import { adminApiKeysSchema } from './admin-api-key-schema';
import { adminJwtSchema } from './admin-jwt-schema';
import { checkLlmConfig } from '../llm/check-llm-config';
import { hotelLlmSchema, llmConfigSchema } from '../llm/llm-config';
import { jobsConfigSchema } from '../jobs/jobs-config';

const HOTEL_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A size such as `4mb`, `512kb` or a plain number of bytes. */
const byteSize = z.union([
  z.number().int().positive(),
  z.string().regex(/^\d+(?:\.\d+)?\s*(b|kb|mb|gb)?$/i, 'expected a size such as "4mb" or "512kb"'),
]);

export const serverSchema = z
  .object({
    port: z.coerce.number().int().min(0).max(65535).default(3000),
    host: z.string().default('0.0.0.0'),
    /** The URL providers call; used for signature checks that cover the URL (Twilio). */
    publicUrl: z.url().optional(),
    /** Largest accepted request body. Meta batches up to about 3 MB, so the default leaves room. */
    bodyLimit: byteSize.default('4mb'),
    /** How long a graceful shutdown waits for in-flight work before closing anyway. */
    shutdownTimeoutMs: z.number().int().min(0).default(10_000),
    /**
     * Bounds on slow clients, so a few connections that drip bytes cannot hold sockets open:
     * headers must arrive within `headersMs`, the whole request within `requestMs`, and an idle
     * keep-alive connection is closed after `keepAliveMs`.
     */
    timeouts: z
      .object({
        headersMs: z.number().int().positive().default(10_000),
        requestMs: z.number().int().positive().default(30_000),
        keepAliveMs: z.number().int().positive().default(5_000),
      })
      .strict()
      .refine((t) => t.headersMs <= t.requestMs, { message: 'expected headersMs ≤ requestMs', path: ['headersMs'] })
      .default({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 }),
  })
  .strict();

export const storeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('memory') }).strict(),
  z
    .object({
      type: z.literal('mongodb'),
      uri: z.string().regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// or mongodb+srv:// URI'),
      /** Idle conversations are removed after this many days. */
      conversationTtlDays: z.number().positive().default(30),
      /** How long an operation waits for the server before failing. */
      operationTimeoutMs: z.number().int().positive().default(5_000),
    })
    .strict(),
]);

export const redisSchema = z
  .object({
    url: z.string().regex(/^rediss?:\/\//, 'expected a redis:// or rediss:// URL'),
    keyPrefix: z.string().default('hotello:'),
  })
  .strict();

export const pluginEntrySchema = z
  .object({
    /** A package name (`@hotello/plugin-booking`) or a path relative to the config file. */
    use: z.string().min(1),
    /** Off by default for every hotel; a hotel turns it on with `plugins: { name: true }`. */
    enabled: z.boolean().default(true),
    options: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

export const channelEntrySchema = z.looseObject({
  /** The channel type an adapter plugin provides, e.g. `cloud-api`, `twilio`, `simulator`. */
  type: z.string().min(1),
  /** Distinguishes two channels of one type at the same hotel. Defaults to the type. */
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
});

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time such as "22:00"');

export const quietHoursSchema = z.object({ from: clock, to: clock }).strict();

export const templateRefSchema = z
  .object({
    name: z.string().min(1),
    language: z.string().min(2),
    parameters: z.array(z.string()).default([]),
  })
  .strict();

export const eventsSchema = z
  .object({
    /** Attempts per listener before an event is parked as a dead letter for operators. */
    maxAttempts: z.number().int().min(1).max(100).default(10),
    /** First retry delay of a failed listener; each further one doubles (with jitter). */
    retryDelayMs: z.number().int().positive().default(500),
    maxRetryDelayMs: z.number().int().positive().default(300_000),
    /** How long one instance holds a delivery (and how long a listener may run) before another may take it. */
    leaseMs: z.number().int().positive().default(30_000),
    /** Delivered events are remembered this long, so the same event emitted again is delivered once. */
    retentionHours: z.number().positive().default(24),
  })
  .strict()
  .refine((e) => e.retryDelayMs <= e.maxRetryDelayMs, { message: 'expected retryDelayMs ≤ maxRetryDelayMs', path: ['retryDelayMs'] });

export const hotelSchema = z
  .object({
    id: z.string().regex(HOTEL_ID, 'expected a lowercase id of letters, digits and dashes'),
    name: z.string().min(1),
    timezone: z.string().refine(isTimeZone, 'expected an IANA time zone such as "Europe/Lisbon"').default('UTC'),
    defaultLanguage: z
      .string()
      .regex(/^[a-z]{2}$/, 'expected a two-letter language code')
      .default('en'),
    channels: z.array(channelEntrySchema).default([]),
    /** While quiet, staff are not paged; a guest asking for a person is told when they are back. */
    quietHours: quietHoursSchema.optional(),
    handoff: z
      .object({ timeoutMinutes: z.number().positive().default(120) })
      .strict()
      .default({ timeoutMinutes: 120 }),
    rateLimit: z
      .object({ messages: z.number().int().positive().default(20), perSeconds: z.number().int().positive().default(60) })
      .strict()
      .default({ messages: 20, perSeconds: 60 }),
    /** Sent instead of a free-form reply when the guest's 24-hour window has closed. */
    outsideWindowTemplate: templateRefSchema.optional(),
    /** How long a menu's numbers stay valid for "2"-style answers. */
    menuTtlMinutes: z.number().positive().default(30),
    /** Per-hotel plugin switches: `false` turns one off, an object overrides its options. */
    plugins: z.record(z.string(), z.union([z.boolean(), z.record(z.string(), z.unknown())])).default({}),
    /** This hotel's LLM: `false` turns it off, an object overrides fields of the top-level `llm`. */
    llm: hotelLlmSchema.optional(),
  })
  .strict();

export const configSchema = z
  .object({
    server: serverSchema.default(serverSchema.parse({})),
    store: storeSchema.default({ type: 'memory' }),
    redis: redisSchema.optional(),
    log: z
      .object({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') })
      .strict()
      .default({ level: 'info' }),
    admin: z
      .object({
        /**
         * Bearer keys for the admin HTTP API (staff replies, handoff). Use ${ENV} references. A plain
         * string opens every hotel with role `admin`; `{ key, hotels: [ids] | '*', role, name? }`
         * limits a key to some hotels and a role (`front-desk` < `manager` < `admin`).
         */
        apiKeys: adminApiKeysSchema.default([]),
        /** Bearer JWTs accepted besides the API keys (an identity provider's tokens, short-lived scripts). */
        jwt: adminJwtSchema.optional(),
      })
      .strict()
      .default({ apiKeys: [] }),
    pipeline: z
      .object({
        /** Conversations whose turns run at the same time (each conversation stays sequential). */
        concurrency: z.number().int().positive().default(16),
        /** Send attempts before a reply is recorded as failed. */
        maxSendAttempts: z.number().int().positive().default(8),
        /** How often unfinished work (crashed peers, due retries) is looked for. */
        sweepIntervalMs: z.number().int().positive().default(2_000),
        /** A turn's per-conversation lock lives this long unless extended while the turn runs. */
        lockTtlMs: z.number().int().positive().default(15_000),
        /** A reply being sent is reserved this long; a sender that died frees it after this. */
        sendLeaseMs: z.number().int().positive().default(30_000),
        /** A reply whose sender died mid-send waits this long for the provider's status before a resend. */
        reconcileMs: z.number().int().min(0).default(10_000),
      })
      .strict()
      .default({
        concurrency: 16,
        maxSendAttempts: 8,
        sweepIntervalMs: 2_000,
        lockTtlMs: 15_000,
        sendLeaseMs: 30_000,
        reconcileMs: 10_000,
      }),
    /** Delivery of events to plugin listeners (see core/README.md, "Durable events"). */
    events: eventsSchema.default(eventsSchema.parse({})),
    /** The LLM service every plugin calls through `ctx.llm` (see core/README.md, "LLM service"); off when omitted. */
    llm: llmConfigSchema.optional(),
    /** Delayed, timed and repeating jobs (see core/README.md, "Jobs"). */
    jobs: jobsConfigSchema.default(jobsConfigSchema.parse({})),
    plugins: z.array(pluginEntrySchema).default([]),
    hotels: z.array(hotelSchema).min(1, 'expected at least one hotel'),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    for (const issue of checkLlmConfig(cfg.llm, cfg.hotels)) ctx.addIssue({ code: 'custom', ...issue });
    const seen = new Map<string, number>();
    cfg.hotels.forEach((hotel, i) => {
      const first = seen.get(hotel.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['hotels', i, 'id'], message: `duplicate hotel id "${hotel.id}" (also hotels[${first}])` });
      } else seen.set(hotel.id, i);
    });
    // A key scoped to a hotel that does not exist is a typo that would silently lock staff out.
    const known = cfg.hotels.map((h) => h.id);
    cfg.admin.apiKeys.forEach((entry, i) => {
      if (entry.hotels === '*') return;
      entry.hotels.forEach((id, j) => {
        if (!known.includes(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['admin', 'apiKeys', i, 'hotels', j],
            message: `expected one of the hotel ids ${known.join(', ')} or "*"`,
          });
        }
      });
    });
  });

export type HotelloConfig = z.output<typeof configSchema>;
export type HotelConfig = z.output<typeof hotelSchema>;
export type ChannelEntry = z.output<typeof channelEntrySchema>;
export type PluginEntry = z.output<typeof pluginEntrySchema>;
export type StoreConfig = z.output<typeof storeSchema>;
export type RedisConfig = z.output<typeof redisSchema>;
export type ServerConfig = z.output<typeof serverSchema>;
export type AdminConfig = HotelloConfig['admin'];
