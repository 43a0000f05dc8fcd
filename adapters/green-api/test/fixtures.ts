/**
 * Green API webhooks, written from its notification reference (URL above each fixture).
 * https://green-api.com/en/docs/api/receiving/notifications-format/
 */

export const SEASIDE_INSTANCE = '1101000001';
export const SEASIDE_API_TOKEN = 'seaside-api-token-d75b3a66374942c5';
export const SEASIDE_WEBHOOK_TOKEN = 'seaside-webhook-token-0123456789';
export const CITY_INSTANCE = '1101000002';
export const CITY_WEBHOOK_TOKEN = 'city-webhook-token-0123456789ab';
export const GUEST = '+79001234568';
const CHAT = '79001234568@c.us';

const instanceData = (id = SEASIDE_INSTANCE) => ({ idInstance: Number(id), wid: '11001234567@c.us', typeInstance: 'whatsapp' });

/** The envelope of every incoming message: https://green-api.com/en/docs/api/receiving/notifications-format/incoming-message/ */
export function incoming(idMessage: string, messageData: Record<string, unknown>, instance = SEASIDE_INSTANCE): Record<string, unknown> {
  return {
    typeWebhook: 'incomingMessageReceived',
    instanceData: instanceData(instance),
    timestamp: 1588091580,
    idMessage,
    senderData: { chatId: CHAT, chatName: 'Ivan', sender: CHAT, senderName: 'Ivan', senderContactName: 'Ivan Petrov' },
    messageData,
  };
}

/** https://green-api.com/en/docs/api/receiving/notifications-format/incoming-message/TextMessage/ */
export const text = incoming('F7AEC1B7086ECDC7E6E45923F5EDB825', {
  typeMessage: 'textMessage',
  textMessageData: { textMessage: 'Здравствуйте! Есть свободный номер?' },
});

/** https://green-api.com/en/docs/api/receiving/notifications-format/incoming-message/ExtendedTextMessage/ */
export const extendedText = incoming('F7AEC1B7086ECDC7E6E45923F5EDB826', {
  typeMessage: 'extendedTextMessage',
  extendedTextMessageData: {
    text: 'Is this your hotel? https://seaside.example',
    description: 'Seaside Hotel',
    title: 'Seaside',
    previewType: 'None',
    jpegThumbnail: '',
    forwardingScore: 0,
    isForwarded: false,
  },
});

/** https://green-api.com/en/docs/api/receiving/notifications-format/incoming-message/QuotedMessage/ */
export const quoted = incoming('F7AEC1B7086ECDC7E6E45923F5EDB827', {
  typeMessage: 'quotedMessage',
  extendedTextMessageData: { text: 'Yes, that one', stanzaId: 'BAE5F4886F6F2D05', participant: '11001234567@c.us' },
  quotedMessage: {
    stanzaId: 'BAE5F4886F6F2D05',
    participant: '11001234567@c.us',
    typeMessage: 'textMessage',
    textMessage: 'Do you want the sea view?',
  },
});

/** https://green-api.com/en/docs/api/receiving/notifications-format/incoming-message/ImageMessage/ (fileMessageData, shared by all media) */
export function file(idMessage: string, typeMessage: string, mimeType: string, fileName: string, caption = ''): Record<string, unknown> {
  return incoming(idMessage, {
    typeMessage,
    fileMessageData: {
      downloadUrl: `https://sw-media-out.storage1.green-api.com/${SEASIDE_INSTANCE}/${idMessage}.${fileName.split('.').pop()}`,
      caption,
      fileName,
      jpegThumbnail: '',
      mimeType,
      isForwarded: false,
      forwardingScore: 0,
    },
  });
}

export const image = file('4B8E3F8D2B1A0C11', 'imageMessage', 'image/jpeg', 'pool.jpg', 'Is the pool heated?');
/** https://green-api.com/en/docs/api/receiving/notifications-format/incoming-message/VideoMessage/ */
export const video = file('4B8E3F8D2B1A0C12', 'videoMessage', 'video/mp4', 'noise.mp4');
/** https://green-api.com/en/docs/api/receiving/notifications-format/incoming-message/DocumentMessage/ */
export const document = file('4B8E3F8D2B1A0C13', 'documentMessage', 'application/pdf', 'passport.pdf', 'My passport');
/** https://green-api.com/en/docs/api/receiving/notifications-format/incoming-message/AudioMessage/ */
export const audio = file('4B8E3F8D2B1A0C14', 'audioMessage', 'audio/ogg; codecs=opus', 'voice.oga');
/** https://green-api.com/en/docs/api/receiving/notifications-format/incoming-message/StickerMessage/ */
export const sticker = file('4B8E3F8D2B1A0C15', 'stickerMessage', 'image/webp', 'sticker.webp');

/** https://green-api.com/en/docs/api/receiving/notifications-format/incoming-message/LocationMessage/ */
export const location = incoming('4B8E3F8D2B1A0C16', {
  typeMessage: 'locationMessage',
  locationMessageData: {
    nameLocation: 'Red Square',
    address: 'Moscow, 109012',
    jpegThumbnail: '',
    latitude: 55.7539,
    longitude: 37.6208,
    forwardingScore: 0,
    isForwarded: false,
  },
});

/** https://green-api.com/en/docs/api/receiving/notifications-format/incoming-message/ReactionMessage/ */
export const reaction = incoming('4B8E3F8D2B1A0C17', {
  typeMessage: 'reactionMessage',
  extendedTextMessageData: { text: '👍' },
  quotedMessage: { stanzaId: 'BAE5367237E13A87', participant: '11001234567@c.us', typeMessage: 'textMessage' },
});

/** https://green-api.com/en/docs/api/receiving/notifications-format/selected-buttons/ButtonsResponseMessage/ */
export const buttonsResponse = incoming('9BB19BB0D568BA7B185EEAD21A33D317', {
  typeMessage: 'buttonsResponseMessage',
  buttonsResponseMessage: { stanzaId: 'BAE53AFDD5F0C137', selectedButtonId: '1', selectedButtonText: 'Green' },
});

/**
 * https://green-api.com/en/docs/api/receiving/notifications-format/selected-buttons/TemplateButtonsReplyMessage/
 * (the page names the type both templateButtonsReplyMessage and templateButtonReplyMessage; its example uses the latter)
 */
export const templateButtonReply = incoming('9BB19BB0D568BA7B185EEAD21A33D318', {
  typeMessage: 'templateButtonReplyMessage',
  templateButtonReplyMessage: { stanzaId: 'BAE53AFDD5F0C137', selectedIndex: 2, selectedId: 'id1', selectedDisplayText: 'red' },
});

/** The same page's table spelling of the type, which instances also send. */
export const templateButtonsReply = incoming('9BB19BB0D568BA7B185EEAD21A33D319', {
  typeMessage: 'templateButtonsReplyMessage',
  templateButtonReplyMessage: { stanzaId: 'BAE53AFDD5F0C137', selectedIndex: 0, selectedId: 'id2', selectedDisplayText: 'blue' },
});

/** https://green-api.com/en/docs/api/receiving/notifications-format/selected-buttons/ListResponseMessage/ */
export const listResponse = incoming('A36C68A09C54796295FCAD20C15C534C', {
  typeMessage: 'listResponseMessage',
  listResponseMessage: { stanzaId: 'BAE53AFDD5F0C137', title: 'Option 2', listType: 1, singleSelectReply: 'option2' },
});

/**
 * A tap on a button sent with SendInteractiveButtonsReply
 * (https://green-api.com/en/docs/api/sending/SendInteractiveButtonsReply/). The notification
 * reference has no page for it yet; this is the shape instances send, read defensively.
 */
export const interactiveButtonsResponse = incoming('BAE5BBB8415CF1AB', {
  typeMessage: 'interactiveButtonsResponse',
  interactiveButtonsResponse: { stanzaId: 'BAE5BBB8415CF1AA', selectedId: 'late-yes', selectedDisplayText: 'Yes please' },
});

/** https://green-api.com/en/docs/api/receiving/notifications-format/incoming-message/ContactMessage/ — not something the bot handles. */
export const contact = incoming('4B8E3F8D2B1A0C18', {
  typeMessage: 'contactMessage',
  contactMessageData: { displayName: 'Anna', vcard: 'BEGIN:VCARD\nVERSION:3.0\nFN:Anna\nEND:VCARD' },
});

/** https://green-api.com/en/docs/api/receiving/notifications-format/incoming-message/PollMessage/ */
export const poll = incoming('4B8E3F8D2B1A0C19', {
  typeMessage: 'pollMessage',
  pollMessageData: { name: 'Breakfast time?', options: [{ optionName: '7:00' }, { optionName: '8:00' }], multipleAnswers: false },
});

/** A group chat message: https://green-api.com/en/docs/api/receiving/notifications-format/incoming-message/ (chatId ending @g.us) */
export const groupText = {
  ...incoming('4B8E3F8D2B1A0C20', { typeMessage: 'textMessage', textMessageData: { textMessage: 'hi all' } }),
  senderData: { chatId: '120363039326117111@g.us', sender: CHAT, senderName: 'Ivan' },
};

/** https://green-api.com/en/docs/api/receiving/notifications-format/outgoing-message/OutgoingMessageStatus/ */
export function outgoingStatus(status: string, description?: string): Record<string, unknown> {
  return {
    typeWebhook: 'outgoingMessageStatus',
    chatId: CHAT,
    instanceData: instanceData(),
    timestamp: 1586700802,
    idMessage: '3EB0608D6A2901063D63',
    status,
    ...(description ? { description } : {}),
    sendByApi: true,
  };
}

/** https://green-api.com/en/docs/api/receiving/notifications-format/StateInstanceChanged/ */
export const stateChanged = {
  typeWebhook: 'stateInstanceChanged',
  instanceData: instanceData(),
  timestamp: 1586700690,
  stateInstance: 'notAuthorized',
};

/** https://green-api.com/en/docs/api/receiving/notifications-format/outgoing-message/OutgoingAPIMessage/ */
export const outgoingApiEcho = {
  typeWebhook: 'outgoingAPIMessageReceived',
  instanceData: instanceData(),
  timestamp: 1588091580,
  idMessage: 'BAE5F4886F6F2D05',
  senderData: { chatId: CHAT, sender: '11001234567@c.us', senderName: 'Seaside' },
  messageData: { typeMessage: 'textMessage', textMessageData: { textMessage: 'Welcome!' } },
};

/** https://green-api.com/en/docs/api/receiving/notifications-format/QuotaExceeded/ */
export const quotaExceeded = {
  typeWebhook: 'quotaExceeded',
  instanceData: instanceData(),
  quotaData: {
    method: 'correspondents',
    used: 3,
    total: 3,
    status: 'CORRESPONDENTS_QUOTA_EXCEEDED',
    description: 'Monthly quota has been exceeded.',
  },
};
