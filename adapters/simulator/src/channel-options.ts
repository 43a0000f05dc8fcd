import { z, type PlannedChannel } from '@hotello/core';

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
  })
  .strict();

export type SimulatorChannelOptions = z.output<typeof simulatorChannelOptions>;

export function simulatorOptions(channel: PlannedChannel): SimulatorChannelOptions {
  return channel.options as SimulatorChannelOptions;
}
