/**
 * Why a proactive send (or a consent change) was refused. Every refusal queues nothing, so a
 * plugin can catch one of these, log or fix its input, and try again without risking a double.
 */
export class ProactiveError extends Error {
  constructor(
    /** Stable, machine-readable reason (also the `outcome` label of the proactive metric). */
    readonly code: ProactiveErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProactiveError';
  }
}

export type ProactiveErrorCode =
  'unknown_hotel' | 'unknown_guest' | 'channel_unavailable' | 'outside_window' | 'opted_out' | 'unknown_message' | 'invalid_request';

/** The hotel id is not in the config. */
export class UnknownHotelError extends ProactiveError {
  constructor(readonly hotelId: string) {
    super('unknown_hotel', `unknown hotel "${hotelId}"`);
    this.name = 'UnknownHotelError';
  }
}

/** The guest has no conversation at the hotel (and no channel was given), or is not a phone number. */
export class UnknownGuestError extends ProactiveError {
  constructor(
    readonly hotelId: string,
    message: string,
  ) {
    super('unknown_guest', message);
    this.name = 'UnknownGuestError';
  }
}

/** The channel is not configured for the hotel, or no adapter for its type is running. */
export class ChannelUnavailableError extends ProactiveError {
  constructor(
    readonly hotelId: string,
    readonly channelId: string,
    reason: string,
  ) {
    super('channel_unavailable', `channel "${channelId}" of hotel "${hotelId}" ${reason}`);
    this.name = 'ChannelUnavailableError';
  }
}

/**
 * The guest's 24-hour window is (or will be, when a deferred message goes out) closed on a
 * channel that enforces it, and neither the send nor the hotel names a template to send instead.
 */
export class OutsideWindowError extends ProactiveError {
  constructor(
    readonly hotelId: string,
    readonly channelId: string,
  ) {
    super(
      'outside_window',
      `the guest's 24-hour window on channel "${channelId}" of hotel "${hotelId}" is closed and no template was given ` +
        "(pass `template` with the send, or set the hotel's outsideWindowTemplate)",
    );
    this.name = 'OutsideWindowError';
  }
}

/** The guest opted out of proactive messages at this hotel. */
export class GuestOptedOutError extends ProactiveError {
  constructor(readonly hotelId: string) {
    super('opted_out', `the guest opted out of proactive messages from hotel "${hotelId}"`);
    this.name = 'GuestOptedOutError';
  }
}

/** The catalogue has no text for the key in the guest's language, the hotel's default or English. */
export class UnknownMessageError extends ProactiveError {
  constructor(
    readonly namespace: string,
    readonly key: string,
    readonly languages: readonly string[],
  ) {
    super(
      'unknown_message',
      `no catalogue text "${namespace}.${key}" in ${languages.join(', ')}: add it with ctx.messages.add('${namespace}', { … })`,
    );
    this.name = 'UnknownMessageError';
  }
}

/** The request itself is malformed (an empty idempotency key, a send before the bot started…). */
export class InvalidProactiveRequestError extends ProactiveError {
  constructor(message: string) {
    super('invalid_request', message);
    this.name = 'InvalidProactiveRequestError';
  }
}
