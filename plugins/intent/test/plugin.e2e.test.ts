import { definePlugin, type PluginDefinition } from '@hotello/core';
import { createTestBot, type TestBot } from '@hotello/core/testing';
import intentPlugin from '../src';
import { FakeOpenAI } from '../../../test/fakes/openai-fake';

/** A stand-in for the booking plugin: answers a few built-in intents with a fixed text. */
const fakeBooking: PluginDefinition = definePlugin({
  name: 'booking',
  dependsOn: ['intent'],
  register(ctx) {
    for (const intent of ['book_room', 'check_availability', 'my_bookings', 'cancel_booking']) {
      ctx.handlers.on(intent, ({ say, intent: result }) => say.text(`[${intent}] ${JSON.stringify(result?.slots ?? {})}`));
    }
  },
});

const HOTELS = [
  { id: 'seaside', name: 'Seaside Hotel', timezone: 'Africa/Nairobi', defaultLanguage: 'en' },
  {
    id: 'citylodge',
    name: 'City Lodge',
    timezone: 'Europe/Lisbon',
    defaultLanguage: 'pt',
    plugins: { booking: false, intent: { menu: ['talk_to_person'] } },
  },
];

describe('intent plugin in a running bot', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await createTestBot({ config: { hotels: HOTELS }, plugins: [intentPlugin, fakeBooking] });
  });
  afterAll(() => bot.stop());

  it('greets with the main options as buttons and shows the rest as a list', async () => {
    const guest = bot.guest('+254700000001', { hotel: 'seaside' });
    await guest.says('hi');
    expect(guest.lastReply.text).toBe('Hello! Welcome to Seaside Hotel. How can I help you today?');
    expect(guest.lastReply.buttons).toEqual(['Book a room', 'Check availability', 'More options']);

    await guest.taps('More options');
    expect(guest.lastReply.text).toBe('Here is what I can help you with:');
    expect(guest.lastReply.list).toEqual(['Book a room', 'Check availability', 'My bookings', 'Cancel a booking', 'Talk to our team']);

    await guest.taps('My bookings');
    expect(guest.lastReply.text).toBe('[my_bookings] {}');
  });

  it('routes understood text with its slots to the plugin that handles it', async () => {
    const guest = bot.guest('+254700000002', { hotel: 'seaside' });
    await guest.says('I need to cancel booking HTL-48213');
    expect(guest.lastReply.text).toBe('[cancel_booking] {"bookingRef":"HTL-48213"}');
  });

  it('answers typed menu numbers', async () => {
    const guest = bot.guest('+254700000003', { hotel: 'seaside' });
    await guest.says('hello');
    await guest.says('2');
    expect(guest.lastReply.text).toMatch(/^\[check_availability\]/);
  });

  it('detects and keeps the guest language, whatever short reply follows', async () => {
    const guest = bot.guest('+254700000004', { hotel: 'seaside' });
    await guest.says('hola, buenas tardes');
    expect(guest.lastReply.text).toBe('¡Hola! Bienvenido a Seaside Hotel. ¿En qué puedo ayudarle hoy?');
    expect(guest.lastReply.buttons).toEqual(['Reservar habitación', 'Disponibilidad', 'Más opciones']);
    await guest.says('ok');
    await guest.says('gracias');
    expect(guest.lastReply.text).toBe('¡De nada! Escríbanos aquí cuando necesite algo más.');
    const conversation = await bot.kernel.store.load({ hotelId: 'seaside', channelId: 'test', guest: '+254700000004' });
    expect(conversation.language).toBe('es');
  });

  it('asks a short clarifying question when unsure, with likely options', async () => {
    const guest = bot.guest('+254700000005', { hotel: 'seaside' });
    await guest.says('2 adults next friday');
    expect(guest.lastReply.text).toBe("Sorry, I'm not sure I understood. Did you mean:");
    expect(guest.lastReply.buttons?.length).toBeGreaterThan(0);
    expect(guest.lastReply.buttons).toContain('Book a room');
    await guest.taps('Book a room');
    expect(guest.lastReply.text).toMatch(/^\[book_room\]/);
  });

  it('hands over to a person on request, then stays quiet', async () => {
    const requested: unknown[] = [];
    const off = bot.kernel.events.on('handoff.requested', (p) => void requested.push(p));
    const guest = bot.guest('+254700000006', { hotel: 'seaside', language: 'fr' });
    await guest.says('je veux parler à un humain');
    expect(guest.lastReply.text).toBe(
      'Bien sûr. J’ai demandé à un membre de notre équipe de vous rejoindre ; il vous répondra ici sous peu.',
    );
    expect(requested).toEqual([expect.objectContaining({ hotelId: 'seaside', reason: 'guest asked for a person' })]);
    const before = guest.replies.length;
    await guest.says('allô ?');
    expect(guest.replies).toHaveLength(before);
    off();
  });

  it('says goodbye', async () => {
    const guest = bot.guest('+254700000007', { hotel: 'seaside', language: 'sw' });
    await guest.says('asante sana, kwaheri');
    expect(guest.lastReply.text).toBe('Karibu! Andika hapa wakati wowote ukihitaji kitu kingine.');
  });

  it('offers the team where the plugin for an intent is off, and uses the hotel menu', async () => {
    const guest = bot.guest('+351910000001', { hotel: 'citylodge' });
    await guest.says('quero reservar um quarto');
    expect(guest.lastReply.text).toBe('Ainda não consigo fazer isso por aqui, mas a nossa equipa consegue. Quer falar com ela?');
    expect(guest.lastReply.buttons).toEqual(['Falar com a equipa', 'Mais opções']);
    await guest.says('olá');
    expect(guest.lastReply.buttons).toEqual(['Falar com a equipa']);
  });

  it('registers its classifier for core tools', async () => {
    const { INTENT_CLASSIFIER } = await import('@hotello/core');
    const classifier = bot.kernel.container.resolve(INTENT_CLASSIFIER);
    expect(await classifier.classify({ hotelId: 'seaside', text: 'is breakfast included?' })).toMatchObject({
      name: 'faq_question',
      layer: 'rules',
      language: 'en',
    });
  });
});

describe('intent plugin with an LLM', () => {
  let fake: FakeOpenAI;
  let bot: TestBot;
  const alerts: unknown[] = [];

  beforeAll(async () => {
    fake = await new FakeOpenAI({ answer: () => ({ kind: 'tool', args: { intent: 'talk_to_person', confidence: 0.9 } }) }).start();
    bot = await createTestBot({
      config: {
        // Core's LLM, with its prices; one call spends the budget: the second unclear message must not reach the LLM.
        llm: {
          baseUrl: fake.baseUrl,
          apiKey: 'sk-test',
          model: 'test-model',
          pricing: { 'test-model': { inputPerMillion: 0.15, outputPerMillion: 0.6 } },
        },
        hotels: [
          {
            id: 'seaside',
            name: 'Seaside Hotel',
            timezone: 'Africa/Nairobi',
            llm: { monthlyBudgetUsd: 0.00001 },
            // The plugin keeps only what is its own: a deadline generous enough for a busy test machine.
            plugins: { intent: { llm: { timeoutMs: 20_000 } } },
          },
        ],
      },
      plugins: [intentPlugin],
    });
    bot.kernel.events.on('llm.budget_exceeded', (info) => void alerts.push(info));
  });
  afterAll(async () => {
    await bot.stop();
    await fake.stop();
  });

  it('asks the LLM when unsure, then stops at the budget and alerts once', async () => {
    const first = bot.guest('+254700000010');
    await first.says('my grandmother turns ninety soon and we want to surprise her');
    expect(first.lastReply.text).toBe("Of course. I've asked a member of our team to join; they'll reply here shortly.");
    expect(fake.requests).toHaveLength(1);

    const second = bot.guest('+254700000011');
    await second.says('my grandfather turns ninety soon and we want to surprise him');
    const third = bot.guest('+254700000012');
    await third.says('my aunt turns ninety soon and we want to surprise her');
    expect(fake.requests).toHaveLength(1);
    expect(alerts).toEqual([expect.objectContaining({ hotelId: 'seaside', budgetUsd: 0.00001 })]);
  });
});
