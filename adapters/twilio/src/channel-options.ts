import { toE164, z, type PlannedChannel } from '@hotello/core';

const CONTENT_SID = z.string().regex(/^HX[0-9a-fA-F]{32}$/, 'expected a Content SID (HX followed by 32 hex digits)');

/** One hotel channel of type `twilio` (under `hotels[].channels[]`). */
export const twilioChannelOptions = z
  .object({
    accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'expected an Account SID (AC followed by 32 hex digits)'),
    /** The account's auth token: it signs webhooks (X-Twilio-Signature) and authenticates sends. */
    authToken: z.string().min(1),
    /** The hotel's WhatsApp sender number, E.164 (`+14155238886`); `whatsapp:` is added when sending. */
    from: z.string().transform((value, issue) => {
      const e164 = toE164(value);
      if (!e164) issue.addIssue({ code: 'custom', message: 'expected a phone number in E.164 form, e.g. "+14155238886"' });
      return e164 ?? value;
    }),
    /** Send through a Messaging Service (sender pool, advanced features) in addition to `from`. */
    messagingServiceSid: z
      .string()
      .regex(/^MG[0-9a-fA-F]{32}$/, 'expected a Messaging Service SID (MG…)')
      .optional(),
    /**
     * The exact URL Twilio calls for this channel, when it differs from `server.publicUrl` +
     * `/webhooks/twilio/<hotel>` (another path behind a proxy). Signatures cover this URL.
     */
    webhookUrl: z.url().optional(),
    /** Ask Twilio to report sent/delivered/read/failed to the webhook URL. */
    statusCallback: z.boolean().default(true),
    /**
     * Approved Content Templates by the template name flows use: a Content SID, or one per
     * language (`{ en: HX…, es: HX… }`). WhatsApp templates can only go out through them.
     */
    contentTemplates: z.record(z.string(), z.union([CONTENT_SID, z.record(z.string(), CONTENT_SID)])).default({}),
    baseUrl: z.url().default('https://api.twilio.com'),
    /** How long one send may take before it is treated as a retryable failure. */
    timeoutMs: z.number().int().positive().default(10_000),
  })
  .strict();

export type TwilioChannelOptions = z.output<typeof twilioChannelOptions>;

export function twilioOptions(channel: PlannedChannel): TwilioChannelOptions {
  return channel.options as TwilioChannelOptions;
}
