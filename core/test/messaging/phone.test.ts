import { e164Digits, toE164 } from '../../src/messaging/phone';

describe('toE164', () => {
  it.each([
    ['whatsapp:+254700000001', '+254700000001'], // Twilio From
    ['254700000001@c.us', '+254700000001'], // Green API chatId / sender
    ['254700000001@s.whatsapp.net', '+254700000001'],
    ['254700000001', '+254700000001'], // Cloud API wa_id
    ['+254700000001', '+254700000001'],
    ['+254 700-000 (001)', '+254700000001'],
    ['00254700000001', '+254700000001'],
    [' WhatsApp:+16505551234 ', '+16505551234'],
    [16505551234, '+16505551234'],
    // Documentation example numbers are not allocated, yet must still parse (see toE164's note).
    ['11001234567@c.us', '+11001234567'],
  ])('normalises %p to %p', (input, expected) => {
    expect(toE164(input)).toBe(expected);
  });

  it.each([
    [''],
    ['hello'],
    ['+1000'], // too short for its country
    ['+999123456789'], // no such country code
    ['+2547000000011234567'], // longer than E.164 allows
    ['120363039326117111@g.us'], // a group, not a guest
    ['status@broadcast'],
    ['whatsapp:'],
    [null],
    [undefined],
  ])('rejects %p', (input) => {
    expect(toE164(input as string)).toBeNull();
  });

  it('gives the digits a provider wants without the plus', () => {
    expect(e164Digits('+254700000001')).toBe('254700000001');
  });
});
