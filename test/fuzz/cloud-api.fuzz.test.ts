/**
 * Fuzzes the WhatsApp Cloud API webhook: Meta's documented example payloads (the adapter's
 * fixtures, one per message type, plus statuses, errors and a mixed batch), mutated, then signed
 * with X-Hub-Signature-256 over the exact bytes sent. See test/fuzz/README.md.
 */
import * as fx from '../../adapters/cloud-api/test/fixtures';
import { CloudApiFake, metaJson, signedCloudApiWebhook } from '../fakes/cloud-api-fake';
import { spliceRawJson, type JsonValue } from './harness/hostile';
import { applyJsonMutations, freshIds, jsonMutationArb } from './harness/json-mutations';
import { describeFuzz } from './harness/run-fuzz';

const APP_SECRET = 'fuzz-app-secret';
const ACCESS_TOKEN = 'fuzz-access-token';
/** Message and status ids: the inbox deduplicates on them. */
const ID_KEYS = new Set(['id']);

const values: Record<string, unknown>[] = [
  fx.text,
  fx.buttonReply,
  fx.listReply,
  fx.templateQuickReply,
  fx.location,
  fx.image,
  fx.audio,
  fx.video,
  fx.document,
  fx.sticker,
  fx.reaction,
  fx.unsupported,
  fx.contactsCard,
  fx.status('sent'),
  fx.status('delivered'),
  fx.status('read'),
  fx.failedStatus,
  fx.accountError,
];
/** Meta batches several changes (messages and statuses) in one delivery. */
const batch = {
  object: 'whatsapp_business_account',
  entry: [
    { id: fx.WABA_ID, changes: [fx.change({ ...fx.text }), fx.change(fx.status('read', 'wamid.R9'))] },
    { id: fx.WABA_ID, changes: [fx.change({ ...fx.location, ...fx.status('delivered', 'wamid.R8') })] },
  ],
};

describeFuzz({
  name: 'cloud-api',
  startFake: () => CloudApiFake.start(ACCESS_TOKEN),
  config: (fakeUrl) => ({
    hotels: [
      {
        id: 'seaside',
        name: 'Seaside',
        // Fuzzing sends far more than a guest would; the default rate limit would answer most of it.
        rateLimit: { messages: 1_000_000, perSeconds: 1 },
        channels: [
          {
            type: 'cloud-api',
            phoneNumberId: fx.SEASIDE_PHONE_ID,
            accessToken: ACCESS_TOKEN,
            appSecret: APP_SECRET,
            verifyToken: 'v',
            baseUrl: fakeUrl,
          },
        ],
      },
    ],
    // One send attempt: a retry backing off past the case would log into the next case's count.
    pipeline: { maxSendAttempts: 1 },
  }),
  bases: [...values.map((v) => fx.envelope(v) as JsonValue), batch as JsonValue],
  mutation: jsonMutationArb,
  request: (base, mutations, nonce) => {
    const doc = applyJsonMutations(freshIds(base, ID_KEYS, nonce), mutations);
    const { body, headers } = signedCloudApiWebhook(spliceRawJson(metaJson(doc)), APP_SECRET);
    return { path: '/webhooks/cloud-api', body, headers };
  },
});
