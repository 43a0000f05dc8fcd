import type { IntentDefinition } from '@hotello/core';
import { RuleSet } from '../src/layers/rules-layer';
import { normalizeText } from '../src/text/normalize';
import { builtinDefinitions } from './helpers';

const rules = new RuleSet(builtinDefinitions());
const match = (text: string, language: string) => rules.matchIn(normalizeText(text), language);

describe('rules layer', () => {
  // One clear phrase per language and intent family, none of them a training utterance.
  it.each([
    ['en', 'hey there', 'greeting'],
    ['en', 'can you show me the menu', 'help_menu'],
    ['en', 'I need to book 2 rooms', 'book_room'],
    ['en', 'any availability on the 3rd?', 'check_availability'],
    ['en', 'I want to cancel', 'cancel_booking'],
    ['en', 'my shower is broken', 'complaint'],
    ['en', 'thanks a million', 'thanks_goodbye'],
    ['es', 'quiero anular todo', 'cancel_booking'],
    ['es', 'la habitación está sucia', 'complaint'],
    ['fr', 'je voudrais réserver pour deux', 'book_room'],
    ['fr', 'quel est le code wifi', 'faq_question'],
    ['pt', 'posso pagar com cartão?', 'payment_help'],
    ['pt', 'quero falar com alguém da recepção', 'talk_to_person'],
    ['de', 'ich möchte stornieren', 'cancel_booking'],
    ['de', 'habt ihr noch Zimmer frei?', 'check_availability'],
    ['it', 'vorrei prenotare', 'book_room'],
    ['it', 'grazie mille e arrivederci', 'thanks_goodbye'],
    ['sw', 'nataka kulipa kwa mpesa', 'payment_help'],
    ['sw', 'chumba ni kichafu sana', 'complaint'],
    ['ar', 'أريد إلغاء حجزي', 'cancel_booking'],
    ['ar', 'هل يوجد واي فاي', 'faq_question'],
  ])('[%s] %s → %s', (language, text, intent) => {
    expect(match(text, language)[0]).toBe(intent);
  });

  it('orders several matching intents by priority (cancel before "my booking")', () => {
    expect(match('please cancel my booking', 'en')).toEqual(['cancel_booking', 'my_bookings']);
    expect(match('hi, I want to book a room', 'en')).toEqual(['book_room', 'greeting']);
  });

  it('only fires whole-message greetings on the greeting alone', () => {
    expect(match('hello', 'en')).toEqual(['greeting']);
    expect(match('where is the hello kitty shop', 'en')).not.toContain('greeting');
  });

  it('tries the turn language first, then the others in order', () => {
    const m = rules.match(normalizeText('quiero reservar'), ['en', 'es', 'pt']);
    expect(m).toEqual({ language: 'es', intents: ['book_room'] });
    expect(rules.match(normalizeText('zzz qqq'), ['en', 'es'])).toBeUndefined();
  });

  it('puts a plugin intent before the built-ins it overlaps', () => {
    const lateCheckout: IntentDefinition = {
      name: 'late_checkout',
      plugin: 'late-checkout',
      utterances: { en: ['can I check out late?'] },
      slots: [],
      patterns: { en: ['\\blate check ?out\\b'] },
    };
    const withPlugin = new RuleSet([...builtinDefinitions(), lateCheckout]);
    expect(withPlugin.matchIn(normalizeText('is late checkout possible?'), 'en')[0]).toBe('late_checkout');
  });

  it('names the plugin and intent of an invalid pattern', () => {
    const bad: IntentDefinition = { name: 'broken', plugin: 'oops', utterances: {}, slots: [], patterns: { en: ['(unclosed'] } };
    expect(() => new RuleSet([bad])).toThrow(/intent "broken" \(plugin "oops"\) has an invalid en pattern/);
  });
});
