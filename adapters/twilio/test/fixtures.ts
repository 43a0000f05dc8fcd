/**
 * Twilio WhatsApp webhook parameters, written from Twilio's documentation (URL above each
 * fixture). Twilio posts them form-encoded; SIDs are made up in the documented shapes.
 */

export const SEASIDE_ACCOUNT = 'AC' + 'a'.repeat(32);
export const SEASIDE_TOKEN = 'seaside-auth-token';
export const SEASIDE_NUMBER = '+14155238886';
export const CITY_ACCOUNT = 'AC' + 'b'.repeat(32);
export const CITY_TOKEN = 'city-auth-token';
export const CITY_NUMBER = '+14155238887';
export const GUEST = '+254700000001';

/**
 * Parameters every incoming message carries.
 * https://www.twilio.com/docs/messaging/guides/webhook-request (incl. the WhatsApp-specific ProfileName, WaId)
 */
function incoming(sid: string, fields: Record<string, string>, to = SEASIDE_NUMBER, account = SEASIDE_ACCOUNT): Record<string, string> {
  return {
    SmsMessageSid: sid,
    NumMedia: '0',
    ProfileName: 'Wanjiru',
    MessageType: 'text',
    SmsSid: sid,
    WaId: GUEST.slice(1),
    SmsStatus: 'received',
    Body: '',
    To: `whatsapp:${to}`,
    NumSegments: '1',
    ReferralNumMedia: '0',
    MessageSid: sid,
    AccountSid: account,
    From: `whatsapp:${GUEST}`,
    ApiVersion: '2010-04-01',
    ...fields,
  };
}

/** https://www.twilio.com/docs/messaging/guides/webhook-request */
export const text = incoming('SM' + '1'.repeat(32), { Body: 'Habari! Is breakfast included? ☕' });

/** https://www.twilio.com/docs/messaging/guides/webhook-request — for the City Lodge number. */
export const cityText = incoming('SM' + '9'.repeat(32), { Body: 'Hello City Lodge' }, CITY_NUMBER, CITY_ACCOUNT);

/**
 * A tapped quick-reply button of a template: ButtonText and ButtonPayload.
 * https://www.twilio.com/docs/whatsapp/buttons
 */
export const quickReply = incoming('SM' + '2'.repeat(32), {
  MessageType: 'button',
  Body: 'Confirm booking',
  ButtonText: 'Confirm booking',
  ButtonPayload: 'confirm-booking',
  OriginalRepliedMessageSender: `whatsapp:${SEASIDE_NUMBER}`,
  OriginalRepliedMessageSid: 'MM' + 'f'.repeat(32),
});

/** https://www.twilio.com/docs/whatsapp/api#location-messages-with-whatsapp */
export const location = incoming('SM' + '3'.repeat(32), {
  MessageType: 'location',
  Latitude: '-1.2920659',
  Longitude: '36.8219462',
  Address: 'Kenyatta Avenue, Nairobi',
  Label: 'Nairobi CBD',
});

/** https://www.twilio.com/docs/whatsapp/guidance-whatsapp-media-messages (incoming media: NumMedia, MediaUrlN, MediaContentTypeN) */
export function media(sid: string, messageType: string, contentType: string, body = ''): Record<string, string> {
  return incoming(sid, {
    MessageType: messageType,
    Body: body,
    NumMedia: '1',
    MediaContentType0: contentType,
    MediaUrl0: `https://api.twilio.com/2010-04-01/Accounts/${SEASIDE_ACCOUNT}/Messages/${sid}/Media/ME${'0'.repeat(32)}`,
  });
}

export const image = media('MM' + '4'.repeat(32), 'image', 'image/jpeg', 'Is this the room?');
export const audio = media('MM' + '5'.repeat(32), 'audio', 'audio/ogg');
export const video = media('MM' + '6'.repeat(32), 'video', 'video/mp4');
export const document = media('MM' + '7'.repeat(32), 'document', 'application/pdf', 'Passport scan');
export const sticker = media('MM' + '8'.repeat(32), 'sticker', 'image/webp');
/** A shared contact arrives as a vCard attachment. */
export const contact = media('MM' + 'c'.repeat(32), 'contacts', 'text/vcard');

/** https://www.twilio.com/docs/whatsapp/guidance-whatsapp-media-messages — two attachments in one message. */
export const twoImages: Record<string, string> = {
  ...media('MM' + 'd'.repeat(32), 'image', 'image/jpeg', 'Two photos'),
  NumMedia: '2',
  MediaContentType1: 'image/png',
  MediaUrl1: `https://api.twilio.com/2010-04-01/Accounts/${SEASIDE_ACCOUNT}/Messages/MM${'d'.repeat(32)}/Media/ME${'1'.repeat(32)}`,
};

/** A message type the adapter does not know (Twilio says it adds types without notice). */
export const unknownType = incoming('SM' + 'e'.repeat(32), { MessageType: 'poll', Body: '' });

/**
 * A status callback for a message we sent.
 * https://www.twilio.com/docs/messaging/guides/outbound-message-status-in-status-callbacks
 */
export function statusCallback(status: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AccountSid: SEASIDE_ACCOUNT,
    ApiVersion: '2010-04-01',
    ChannelInstallSid: 'XE' + '0'.repeat(32),
    ChannelPrefix: 'whatsapp',
    ChannelStatusMessage: status,
    ChannelToAddress: GUEST,
    From: `whatsapp:${SEASIDE_NUMBER}`,
    MessageSid: 'SM' + 'abc'.repeat(10) + 'ab',
    MessageStatus: status,
    SmsSid: 'SM' + 'abc'.repeat(10) + 'ab',
    SmsStatus: status,
    StructuredMessage: 'false',
    To: `whatsapp:${GUEST}`,
    ...extra,
  };
}
