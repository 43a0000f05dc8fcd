/**
 * Fuzzes the Twilio WhatsApp webhook: the documented incoming-message and status-callback
 * parameters (the adapter's fixtures), mutated, form-encoded and signed with X-Twilio-Signature
 * over the public URL and the sorted parameters. See test/fuzz/README.md.
 */
import * as fx from '../../adapters/twilio/test/fixtures';
import { TwilioFake, signedTwilioWebhook } from '../fakes/twilio-fake';
import { applyFormMutations, formMutationArb } from './harness/form-mutations';
import { describeFuzz } from './harness/run-fuzz';

const PUBLIC_URL = 'https://hotel.example.com';
const PATH = '/webhooks/twilio/seaside';
/** The inbox deduplicates on the message SID. */
const ID_KEYS = ['MessageSid', 'SmsSid', 'SmsMessageSid'];

const bases: Readonly<Record<string, string>>[] = [
  fx.text,
  fx.quickReply,
  fx.location,
  fx.image,
  fx.audio,
  fx.video,
  fx.document,
  fx.sticker,
  fx.contact,
  fx.twoImages,
  fx.unknownType,
  fx.statusCallback('sent'),
  fx.statusCallback('delivered'),
  fx.statusCallback('read'),
  fx.statusCallback('failed', { ErrorCode: '63016', ErrorMessage: 'Outside the allowed window' }),
];

function withFreshIds(params: Readonly<Record<string, string>>, nonce: string): Record<string, string> {
  const fresh = { ...params };
  for (const key of ID_KEYS) if (fresh[key] !== undefined) fresh[key] = `${fresh[key]}${nonce}`;
  return fresh;
}

describeFuzz({
  name: 'twilio',
  startFake: () => TwilioFake.start(fx.SEASIDE_ACCOUNT, fx.SEASIDE_TOKEN),
  config: (fakeUrl) => ({
    server: { publicUrl: PUBLIC_URL },
    hotels: [
      {
        id: 'seaside',
        name: 'Seaside',
        // Fuzzing sends far more than a guest would; the default rate limit would answer most of it.
        rateLimit: { messages: 1_000_000, perSeconds: 1 },
        channels: [
          { type: 'twilio', accountSid: fx.SEASIDE_ACCOUNT, authToken: fx.SEASIDE_TOKEN, from: fx.SEASIDE_NUMBER, baseUrl: fakeUrl },
        ],
      },
    ],
    // One send attempt: a retry backing off past the case would log into the next case's count.
    pipeline: { maxSendAttempts: 1 },
  }),
  bases,
  mutation: formMutationArb,
  request: (base, mutations, nonce) => {
    const params = applyFormMutations(withFreshIds(base, nonce), mutations);
    const { body, headers } = signedTwilioWebhook(`${PUBLIC_URL}${PATH}`, params, fx.SEASIDE_TOKEN);
    return { path: PATH, body, headers };
  },
});
