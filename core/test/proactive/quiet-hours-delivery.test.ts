import { GuestOptedOutError, OutsideWindowError } from '../../src/proactive/errors';
import { ProactiveHarness, type StoreKind } from './proactive-harness';

const HOUR = 3_600_000;
const GUEST = '+254700000101';
const message = { key: 'dinner', vars: { hour: '20:00', name: 'Ana' } };

// 22:30 at a hotel quiet from 22:00 to 07:00 (UTC): a non-urgent message waits until 07:00.
const LATE_EVENING = '2030-01-01T22:30:00.000Z';
const QUIET_ENDS = new Date('2030-01-02T07:00:00.000Z');

describe.each<StoreKind>(['memory', 'mongodb'])('proactive messages in quiet hours (%s store)', (kind) => {
  let h: ProactiveHarness;

  beforeEach(async () => {
    h = await new ProactiveHarness(kind, LATE_EVENING, { quietHours: { from: '22:00', to: '07:00' } }).open();
  });
  afterEach(() => h.dispose());

  it('defers a message to the end of quiet hours without holding back turn replies, then delivers it', async () => {
    const key = await h.guestWrote(GUEST, 'cloud-api', HOUR, 'es');
    const result = await h.proactive.send('reminders', { hotelId: 'seaside', guest: GUEST, message });
    expect(result).toMatchObject({ channelId: 'cloud-api', notBefore: QUIET_ENDS, duplicate: false });
    expect(h.wakeUps.map((w) => w.at)).toEqual([QUIET_ENDS]);
    expect(h.scheduled).toEqual([]);

    // The guest writes during quiet hours and the bot answers: the answer is not stuck behind it.
    await h.store.enqueueOutbound([{ ...key, content: { kind: 'text', text: 'Claro, aquí tiene.' } }]);
    await h.outbox.flush(key);
    expect(h.receivedBy(GUEST)).toEqual(['Claro, aquí tiene.']);
    expect(h.wakeUps.at(-1)!.at).toEqual(QUIET_ENDS);

    // Persisted: not due before the end (nothing for the work sweeper), due from then on,
    // also for a store opened afresh (a restart).
    expect(await h.store.dueOutbound('seaside', new Date(QUIET_ENDS.getTime() - 1))).toEqual([]);
    const restarted = await h.subject.reopen();
    expect((await restarted.dueOutbound('seaside', QUIET_ENDS)).map((m) => m.id)).toEqual([result.messageId]);

    h.time = QUIET_ENDS.getTime();
    await h.outbox.flush(key);
    expect(h.receivedBy(GUEST)).toEqual(['Claro, aquí tiene.', 'La cena se sirve a las 20:00, Ana.']);
    const logged = (await h.store.history(key)).find((m) => m.id === result.messageId);
    expect(logged).toMatchObject({ status: 'sent', providerMessageId: `wamid.${result.messageId}`, proactiveBy: 'reminders' });
    expect(await h.outcomes()).toEqual({ deferred: 1 });
  });

  it('sends an urgent message at once, quiet hours or not', async () => {
    const key = await h.guestWrote(GUEST, 'cloud-api', HOUR);
    const result = await h.proactive.send('reminders', { hotelId: 'seaside', guest: GUEST, message, urgent: true });
    expect(result.notBefore).toBeUndefined();
    expect(h.scheduled).toEqual([key]);
    await h.outbox.flush(key);
    expect(h.receivedBy(GUEST)).toEqual(['Dinner is served at 20:00, Ana.']);
    expect(await h.outcomes()).toEqual({ queued: 1 });
  });

  it('checks the 24-hour window for when the message goes out, and sends the template if it closed by then', async () => {
    // Wrote 20 hours ago: the window is open now but closed at 07:00.
    const key = await h.guestWrote(GUEST, 'cloud-api', 20 * HOUR, 'es');
    await expect(h.proactive.send('reminders', { hotelId: 'seaside', guest: GUEST, message })).rejects.toBeInstanceOf(OutsideWindowError);
    expect(await h.store.queuedOutbound(key)).toEqual([]);

    await h.proactive.send('reminders', {
      hotelId: 'seaside',
      guest: GUEST,
      message,
      template: { name: 'dinner_time', parameters: ['Ana'] },
    });
    h.time = QUIET_ENDS.getTime();
    await h.outbox.flush(key);
    expect(h.sent.map((m) => m.content)).toEqual([{ kind: 'template', name: 'dinner_time', language: 'es', parameters: ['Ana'] }]);
  });

  it('sends the text after all when the guest writes again before it goes out', async () => {
    const key = await h.guestWrote(GUEST, 'cloud-api', 20 * HOUR);
    await h.proactive.send('reminders', { hotelId: 'seaside', guest: GUEST, message, template: { name: 'dinner_time', language: 'en' } });
    h.time = QUIET_ENDS.getTime() - HOUR;
    await h.guestWrote(GUEST, 'cloud-api', 0);
    h.time = QUIET_ENDS.getTime();
    await h.outbox.flush(key);
    expect(h.receivedBy(GUEST)).toEqual(['Dinner is served at 20:00, Ana.']);
  });

  it('drops a deferred message whose guest opted out meanwhile', async () => {
    const key = await h.guestWrote(GUEST, 'cloud-api', HOUR);
    const result = await h.proactive.send('reminders', { hotelId: 'seaside', guest: GUEST, message });
    await h.consent.forPlugin('guest-prefs').optOut('seaside', GUEST, 'asked to stop');
    h.time = QUIET_ENDS.getTime();
    await h.outbox.flush(key);
    expect(h.sent).toEqual([]);
    expect((await h.store.history(key)).find((m) => m.id === result.messageId)).toMatchObject({
      status: 'failed',
      error: { code: 'opted_out' },
    });
    expect(h.failures).toMatchObject([{ messageId: result.messageId, code: 'opted_out' }]);
    await expect(h.proactive.send('reminders', { hotelId: 'seaside', guest: GUEST, message })).rejects.toBeInstanceOf(GuestOptedOutError);
  });

  it('keeps one deferred message per idempotency key, however often it is sent', async () => {
    const key = await h.guestWrote(GUEST, 'cloud-api', HOUR);
    const send = () => h.proactive.send('reminders', { hotelId: 'seaside', guest: GUEST, message, idempotencyKey: 'dinner-2030-01-02' });
    const results = await Promise.all([send(), send(), send()]);
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    h.time = QUIET_ENDS.getTime();
    await h.outbox.flush(key);
    expect((await send()).duplicate).toBe(true);
    await h.outbox.flush(key);
    expect(h.receivedBy(GUEST)).toEqual(['Dinner is served at 20:00, Ana.']);
    expect(await h.outcomes()).toEqual({ deferred: 1, duplicate: 3 });
  });
});
