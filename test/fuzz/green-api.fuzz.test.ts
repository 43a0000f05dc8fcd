/**
 * Fuzzes the Green API webhook: the documented notification examples (the adapter's fixtures:
 * every incoming message type, selections, statuses, instance notifications), mutated, then sent
 * with the instance's webhookUrlToken as Bearer token — Green API signs nothing else. See README.md.
 */
import * as fx from '../../adapters/green-api/test/fixtures';
import { GreenApiFake, greenApiWebhook } from '../fakes/green-api-fake';
import { spliceRawJson, type JsonValue } from './harness/hostile';
import { applyJsonMutations, freshIds, jsonMutationArb } from './harness/json-mutations';
import { describeFuzz } from './harness/run-fuzz';

/** The inbox deduplicates on idMessage. */
const ID_KEYS = new Set(['idMessage']);

const bases: unknown[] = [
  fx.text,
  fx.extendedText,
  fx.quoted,
  fx.image,
  fx.video,
  fx.document,
  fx.audio,
  fx.sticker,
  fx.location,
  fx.reaction,
  fx.buttonsResponse,
  fx.templateButtonReply,
  fx.templateButtonsReply,
  fx.listResponse,
  fx.interactiveButtonsResponse,
  fx.contact,
  fx.poll,
  fx.groupText,
  fx.outgoingStatus('delivered'),
  fx.outgoingStatus('noAccount', 'no WhatsApp account'),
  fx.stateChanged,
  fx.outgoingApiEcho,
  fx.quotaExceeded,
];

describeFuzz({
  name: 'green-api',
  startFake: () => GreenApiFake.start(fx.SEASIDE_INSTANCE, fx.SEASIDE_API_TOKEN),
  config: (fakeUrl) => ({
    hotels: [
      {
        id: 'seaside',
        name: 'Seaside',
        // Fuzzing sends far more than a guest would; the default rate limit would answer most of it.
        rateLimit: { messages: 1_000_000, perSeconds: 1 },
        channels: [
          {
            type: 'green-api',
            idInstance: fx.SEASIDE_INSTANCE,
            apiTokenInstance: fx.SEASIDE_API_TOKEN,
            webhookUrlToken: fx.SEASIDE_WEBHOOK_TOKEN,
            apiUrl: fakeUrl,
          },
        ],
      },
    ],
    // One send attempt: a retry backing off past the case would log into the next case's count.
    pipeline: { maxSendAttempts: 1 },
  }),
  bases: bases as JsonValue[],
  mutation: jsonMutationArb,
  request: (base, mutations, nonce) => {
    const doc = applyJsonMutations(freshIds(base, ID_KEYS, nonce), mutations);
    const { headers } = greenApiWebhook({}, fx.SEASIDE_WEBHOOK_TOKEN);
    return { path: '/webhooks/green-api/seaside', body: spliceRawJson(JSON.stringify(doc)), headers };
  },
});
