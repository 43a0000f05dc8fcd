import { z, type PlannedChannel } from '@hotello/core';

/**
 * Whether a channel entry may run here. The simulator lets anyone write as any number, so with
 * `NODE_ENV=production` it is refused unless the operator opts in. It is checked with the rest
 * of the config, not at first request: a production deploy carrying a demo channel fails at
 * start with the exact path to fix (also under `hotello validate`), where a channel left out
 * with a log line would make a configured channel silently disappear.
 */
function checkProduction(options: { allowInProduction: boolean }, ctx: z.core.$RefinementCtx): void {
  if (process.env.NODE_ENV !== 'production' || options.allowInProduction) return;
  ctx.addIssue({
    code: 'custom',
    path: ['allowInProduction'],
    message:
      'the simulator is off when NODE_ENV=production (anyone who reaches /simulator can write as any guest number); ' +
      'remove this channel, or set allowInProduction: true for a demo server',
  });
}

/** A hotel channel of type `simulator`; `{ type: simulator }` is enough. */
export const simulatorChannelOptions = z
  .object({
    /**
     * Delay before a reply is reported "sent" (then "delivered" once a browser has it). Real
     * providers report a moment after accepting a message; the delay keeps that order visible.
     */
    statusDelayMs: z.number().int().min(0).max(10_000).default(150),
    /** Messages kept per guest so a reloaded page shows the conversation again. */
    historySize: z.number().int().min(1).max(1_000).default(100),
    /**
     * A guest with no open page and no message for this long is forgotten (their page shows an
     * empty chat when reopened; the bot's own conversation store is not affected).
     */
    guestIdleMinutes: z.number().positive().max(10_080).default(60),
    /** Guests remembered at once; past it, the least recently active one without an open page is forgotten. */
    maxGuests: z.number().int().min(1).max(100_000).default(1_000),
    /** Run even with `NODE_ENV=production` (a public demo); see the README's warning. */
    allowInProduction: z.boolean().default(false),
  })
  .strict()
  .superRefine(checkProduction);

export type SimulatorChannelOptions = z.output<typeof simulatorChannelOptions>;

export function simulatorOptions(channel: PlannedChannel): SimulatorChannelOptions {
  return channel.options as SimulatorChannelOptions;
}
