/**
 * Cloud API webhook payloads, written from Meta's webhook reference (one page per message type;
 * the URL is above each fixture). Values follow the reference's examples; ids are shortened
 * where the reference shows placeholders.
 */

export const WABA_ID = '102290129340398';
export const SEASIDE_PHONE_ID = '106540352242922';
export const CITYLODGE_PHONE_ID = '106540352242923';
export const HARBOUR_PHONE_ID = '106540352242924';
export const GUEST_WA_ID = '16505551234';
export const GUEST = '+16505551234';
const TS = '1739321024';

/**
 * The envelope every `messages` webhook shares.
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/
 */
export function envelope(value: Record<string, unknown>, phoneNumberId = SEASIDE_PHONE_ID): Record<string, unknown> {
  return { object: 'whatsapp_business_account', entry: [{ id: WABA_ID, changes: [change(value, phoneNumberId)] }] };
}

export function change(value: Record<string, unknown>, phoneNumberId = SEASIDE_PHONE_ID): Record<string, unknown> {
  return {
    value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId }, ...value },
    field: 'messages',
  };
}

const contacts = [{ profile: { name: 'Sheena Nelson' }, wa_id: GUEST_WA_ID }];

function inbound(id: string, message: Record<string, unknown>): Record<string, unknown> {
  return { contacts, messages: [{ from: GUEST_WA_ID, id, timestamp: TS, ...message }] };
}

/** https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/text/ — non-ASCII on purpose: Meta escapes it as \uXXXX in the signed bytes. */
export const text = inbound('wamid.TEXT1', { type: 'text', text: { body: 'Olá! Quero reservar um quarto 🏨 für zwei Nächte' } });

/** https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/interactive/ (reply button) */
export const buttonReply = inbound('wamid.BUTTON1', {
  context: { from: '15550783881', id: 'wamid.OFFER1' },
  type: 'interactive',
  interactive: { type: 'button_reply', button_reply: { id: 'cancel-button', title: 'Cancel' } },
});

/** https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/interactive/ (list row) */
export const listReply = inbound('wamid.LIST1', {
  context: { from: '15550783881', id: 'wamid.MENU1' },
  type: 'interactive',
  interactive: {
    type: 'list_reply',
    list_reply: { id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' },
  },
});

/** https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/button/ (template quick reply) */
export const templateQuickReply = inbound('wamid.QUICK1', {
  context: { from: '15550783881', id: 'wamid.TEMPLATE1' },
  type: 'button',
  button: { payload: 'Unsubscribe', text: 'Unsubscribe' },
});

/** https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/location/ */
export const location = inbound('wamid.LOC1', {
  location: {
    address: '101 Forest Ave, Palo Alto, CA 94301',
    latitude: 37.44221496582,
    longitude: -122.16209411621,
    name: 'Philz Coffee',
    url: 'https://philzcoffee.com',
  },
  type: 'location',
});

/** https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/image/ */
export const image = inbound('wamid.IMG1', {
  type: 'image',
  image: { caption: 'Is this the pool?', mime_type: 'image/jpeg', sha256: 'aGVsbG8=', id: '1003383421387256' },
});

/** https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/audio/ */
export const audio = inbound('wamid.AUD1', {
  type: 'audio',
  audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'aGVsbG8=', id: '1003383421387257', voice: true },
});

/** https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/video/ */
export const video = inbound('wamid.VID1', {
  type: 'video',
  video: { caption: 'The noise', mime_type: 'video/mp4', sha256: 'aGVsbG8=', id: '1003383421387258' },
});

/** https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/document/ */
export const document = inbound('wamid.DOC1', {
  type: 'document',
  document: { caption: 'My passport', filename: 'passport.pdf', mime_type: 'application/pdf', sha256: 'aGVsbG8=', id: '1003383421387259' },
});

/** https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/sticker/ */
export const sticker = inbound('wamid.STK1', {
  type: 'sticker',
  sticker: { mime_type: 'image/webp', sha256: 'aGVsbG8=', id: '1003383421387260', animated: false },
});

/** https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/reaction/ */
export const reaction = inbound('wamid.REACT1', { type: 'reaction', reaction: { message_id: 'wamid.REPLY1', emoji: '\u{1F44D}' } });

/** https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/unsupported/ */
export const unsupported = inbound('wamid.UNSUP1', {
  errors: [
    {
      code: 131051,
      title: 'Message type unknown',
      message: 'Message type unknown',
      error_data: { details: 'Message type is currently not supported.' },
    },
  ],
  type: 'unsupported',
  unsupported: { type: 'poll_update' },
});

/**
 * A message type this adapter has never heard of (the contacts card, documented at
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/contacts/).
 */
export const contactsCard = inbound('wamid.CARD1', {
  type: 'contacts',
  contacts: [{ name: { formatted_name: 'Anna Müller', first_name: 'Anna' }, phones: [{ phone: '+49 151 1234567', type: 'CELL' }] }],
});

/** https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status/ */
export function status(state: 'sent' | 'delivered' | 'read', id = 'wamid.REPLY1'): Record<string, unknown> {
  return {
    statuses: [
      {
        id,
        status: state,
        timestamp: TS,
        recipient_id: GUEST_WA_ID,
        ...(state === 'sent'
          ? { pricing: { billable: true, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' } }
          : {}),
      },
    ],
  };
}

/** https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status/ — failed, with the re-engagement error the window rule produces. */
export const failedStatus = {
  statuses: [
    {
      id: 'wamid.REPLY2',
      status: 'failed',
      timestamp: TS,
      recipient_id: GUEST_WA_ID,
      errors: [
        {
          code: 131047,
          title: 'Re-engagement message',
          message: 'Re-engagement message',
          error_data: {
            details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
          },
          href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
        },
      ],
    },
  ],
};

/** https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/errors/ — an account-level error, no guest message. */
export const accountError = {
  errors: [
    {
      code: 130429,
      title: 'Rate limit hit',
      message: 'Rate limit hit',
      error_data: {
        details: 'Message failed to send because there were too many messages sent from this phone number in a short period of time',
      },
    },
  ],
};
