import { z, type PlannedChannel } from '@hotello/core';

/**
 * Meta ids are long integers; YAML reads an unquoted one as a number, which is exact only up to
 * 2^53. Accept both spellings but refuse a number that has already lost digits.
 */
const numericId = z.union([
  z.string().regex(/^\d+$/, 'expected the numeric id Meta shows (digits only)'),
  z.number().int().refine(Number.isSafeInteger, 'this id is too long to write unquoted: put it in quotes').transform(String),
]);

/** One hotel channel of type `cloud-api` (under `hotels[].channels[]`). */
export const cloudApiChannelOptions = z
  .object({
    /** The business phone number's id in WhatsApp Manager (not the phone number itself). */
    phoneNumberId: numericId,
    /** A system-user access token with `whatsapp_business_messaging`. */
    accessToken: z.string().min(1),
    /** The Meta app's secret; webhooks are signed with it (X-Hub-Signature-256). */
    appSecret: z.string().min(1),
    /** The token typed into the app dashboard when subscribing the webhook. */
    verifyToken: z.string().min(1),
    baseUrl: z.url().default('https://graph.facebook.com'),
    /** Graph API version used for sending. */
    apiVersion: z
      .string()
      .regex(/^v\d+\.\d+$/, 'expected a version such as "v25.0"')
      .default('v25.0'),
    /** How long one send may take before it is treated as a retryable failure. */
    timeoutMs: z.number().int().positive().default(10_000),
  })
  .strict();

export type CloudApiChannelOptions = z.output<typeof cloudApiChannelOptions>;

/** A planned channel's options, validated by {@link cloudApiChannelOptions} when the bot loaded. */
export function cloudApiOptions(channel: PlannedChannel): CloudApiChannelOptions {
  return channel.options as CloudApiChannelOptions;
}
