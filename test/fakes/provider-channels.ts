import * as cloudFx from '../../adapters/cloud-api/test/fixtures';
import * as greenFx from '../../adapters/green-api/test/fixtures';
import * as twilioFx from '../../adapters/twilio/test/fixtures';
import { CloudApiFake } from './cloud-api-fake';
import { GreenApiFake } from './green-api-fake';
import { TwilioFake } from './twilio-fake';

/** The three provider fakes a multi-channel end-to-end test talks to. */
export interface ProviderFakes {
  readonly meta: CloudApiFake;
  readonly twilio: TwilioFake;
  readonly green: GreenApiFake;
}

export async function startProviderFakes(): Promise<ProviderFakes> {
  const [meta, twilio, green] = await Promise.all([
    CloudApiFake.start('meta-token'),
    TwilioFake.start(twilioFx.SEASIDE_ACCOUNT, twilioFx.SEASIDE_TOKEN),
    GreenApiFake.start(greenFx.SEASIDE_INSTANCE, greenFx.SEASIDE_API_TOKEN),
  ]);
  return { meta, twilio, green };
}

/** The seaside hotel's Cloud API, Twilio and Green API channels, each pointed at its fake. */
export function providerChannels(fakes: ProviderFakes): Record<string, unknown>[] {
  return [
    {
      type: 'cloud-api',
      phoneNumberId: cloudFx.SEASIDE_PHONE_ID,
      accessToken: 'meta-token',
      appSecret: 'app-secret',
      verifyToken: 'v',
      baseUrl: fakes.meta.url,
    },
    {
      type: 'twilio',
      accountSid: twilioFx.SEASIDE_ACCOUNT,
      authToken: twilioFx.SEASIDE_TOKEN,
      from: twilioFx.SEASIDE_NUMBER,
      baseUrl: fakes.twilio.url,
    },
    {
      type: 'green-api',
      idInstance: greenFx.SEASIDE_INSTANCE,
      apiTokenInstance: greenFx.SEASIDE_API_TOKEN,
      webhookUrlToken: greenFx.SEASIDE_WEBHOOK_TOKEN,
      apiUrl: fakes.green.url,
    },
  ];
}
