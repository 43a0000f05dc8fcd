import type { ChannelAddress } from './inbound';

/**
 * Who a guest is, for what plugins keep per guest (bookings, payments): the key that decides
 * whose data a conversation may see.
 *
 * On a channel whose provider verifies the sender (WhatsApp Cloud API, Twilio, Green API: the
 * number is the one WhatsApp authenticated) the identity is the E.164 number itself, shared by
 * every real channel of the hotel — the same number is the same person, wherever they write.
 * On a channel where anyone may claim any number (the web simulator) it is scoped to that
 * hotel's channel, so such a guest never sees a real guest's data under the same number. It
 * never starts with `+`, so it cannot collide with a number.
 */
export function guestIdentity(address: ChannelAddress, guest: string, senderVerified: boolean): string {
  return senderVerified ? guest : `unverified:${address.hotelId}/${address.channelId}/${guest}`;
}
