import { z, type PlannedChannel } from '@hotello/core';

/** One hotel channel of type `green-api` (under `hotels[].channels[]`). */
export const greenApiChannelOptions = z
  .object({
    /** The instance id from the Green API console; webhooks are routed by it. */
    idInstance: z.union([z.string().regex(/^\d+$/, 'expected the numeric instance id'), z.number().int().positive().transform(String)]),
    /** The instance's API token; it is part of every request URL. */
    apiTokenInstance: z.string().min(1),
    /**
     * The token set as `webhookUrlToken` in the instance settings. Green API signs nothing: it
     * sends this token as `Authorization: Bearer …`, so it must be long and secret.
     */
    webhookUrlToken: z
      .string()
      .min(16, 'use a webhookUrlToken of at least 16 characters: it is the only proof a webhook comes from Green API'),
    /** The instance's API host from the console (e.g. `https://7103.api.greenapi.com`). */
    apiUrl: z.url().default('https://api.green-api.com'),
    /** How long one send may take before it is treated as a retryable failure. */
    timeoutMs: z.number().int().positive().default(10_000),
  })
  .strict();

export type GreenApiChannelOptions = z.output<typeof greenApiChannelOptions>;

export function greenApiOptions(channel: PlannedChannel): GreenApiChannelOptions {
  return channel.options as GreenApiChannelOptions;
}
