import { createHmac } from 'node:crypto';
import { APP_SECRET, PHONE_NUMBER_ID } from './bot-process';

/** A Cloud API webhook body carrying `value` (messages or statuses) for our phone number, and its signature. */
export function cloudWebhook(value: Record<string, unknown>): { body: string; signature: string } {
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
              ...value,
            },
          },
        ],
      },
    ],
  });
  return { body, signature: `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}` };
}
