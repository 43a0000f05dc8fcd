import { extractSlots, pickSlots, type SlotContext } from '../src/slots/extract-slots';
import { parseAmount } from '../src/slots/budget';

// Wednesday 5 March 2025, 13:00 in Nairobi.
const NOW = new Date('2025-03-05T10:00:00Z');
const ctx = (language: string, extra: Partial<SlotContext> = {}): SlotContext => ({
  now: NOW,
  timeZone: 'Africa/Nairobi',
  language,
  bookingRefPattern: /[A-Z]{2,4}-?\d{4,8}/,
  ...extra,
});
const slots = (language: string, text: string, extra?: Partial<SlotContext>) => extractSlots(text, ctx(language, extra));

describe('slot extraction: stays in every language', () => {
  const stay = (checkIn: string, checkOut: string, nights: number) => ({ checkIn, checkOut, nights });
  it.each([
    ['en', 'next Friday for 3 nights', stay('2025-03-14', '2025-03-17', 3)],
    ['en', '12–15 March', stay('2025-03-12', '2025-03-15', 3)],
    ['en', 'this weekend', stay('2025-03-07', '2025-03-09', 2)],
    ['en', 'from the 12th to the 15th of March', stay('2025-03-12', '2025-03-15', 3)],
    ['en', 'tomorrow for a week', stay('2025-03-06', '2025-03-13', 7)],
    ['en', 'March 20 to 22', stay('2025-03-20', '2025-03-22', 2)],
    ['en', '12/04 to 14/04', stay('2025-04-12', '2025-04-14', 2)],
    ['en', 'arriving 2 Jan leaving 5 Jan', stay('2026-01-02', '2026-01-05', 3)],
    ['es', 'del 12 al 15 de marzo', stay('2025-03-12', '2025-03-15', 3)],
    ['es', 'el próximo viernes, 3 noches', stay('2025-03-14', '2025-03-17', 3)],
    ['es', 'este fin de semana', stay('2025-03-07', '2025-03-09', 2)],
    ['es', 'pasado mañana por dos noches', stay('2025-03-07', '2025-03-09', 2)],
    ['fr', 'du 12 au 15 mars', stay('2025-03-12', '2025-03-15', 3)],
    ['fr', 'vendredi prochain pour trois nuits', stay('2025-03-14', '2025-03-17', 3)],
    ['fr', 'ce week-end', stay('2025-03-07', '2025-03-09', 2)],
    ['pt', 'de 12 a 15 de março', stay('2025-03-12', '2025-03-15', 3)],
    ['pt', 'este fim de semana', stay('2025-03-07', '2025-03-09', 2)],
    ['pt', 'amanhã por 2 noites', stay('2025-03-06', '2025-03-08', 2)],
    ['de', 'vom 12. bis 15. März', stay('2025-03-12', '2025-03-15', 3)],
    ['de', 'nächsten Freitag für 3 Nächte', stay('2025-03-14', '2025-03-17', 3)],
    ['de', 'dieses Wochenende', stay('2025-03-07', '2025-03-09', 2)],
    ['de', '12.03. bis 14.03.', stay('2025-03-12', '2025-03-14', 2)],
    ['it', 'dal 12 al 15 marzo', stay('2025-03-12', '2025-03-15', 3)],
    ['it', 'venerdì prossimo per 3 notti', stay('2025-03-14', '2025-03-17', 3)],
    ['it', 'questo fine settimana', stay('2025-03-07', '2025-03-09', 2)],
    ['sw', 'tarehe 12 hadi 15 Machi', stay('2025-03-12', '2025-03-15', 3)],
    ['sw', 'Ijumaa kwa usiku tatu', stay('2025-03-07', '2025-03-10', 3)],
    ['sw', 'wikendi hii', stay('2025-03-07', '2025-03-09', 2)],
    ['sw', 'kesho usiku 2', stay('2025-03-06', '2025-03-08', 2)],
    ['ar', 'من 12 إلى 15 مارس', stay('2025-03-12', '2025-03-15', 3)],
    ['ar', 'الجمعة القادمة لمدة ثلاث ليال', stay('2025-03-14', '2025-03-17', 3)],
    ['ar', 'نهاية هذا الأسبوع', stay('2025-03-07', '2025-03-09', 2)],
    ['ar', 'غدا ليلتين', stay('2025-03-06', '2025-03-08', 2)],
  ])('[%s] %s', (language, text, expected) => {
    const { slots: s, errors } = slots(language, text);
    expect(errors).toEqual([]);
    expect({ checkIn: s.checkIn, checkOut: s.checkOut, nights: s.nights }).toEqual(expected);
  });

  it('resolves "tomorrow" in the hotel time zone, not the server one', () => {
    const lateEvening = new Date('2025-03-05T22:30:00Z'); // 01:30 on the 6th in Nairobi, 17:30 on the 5th in New York
    expect(extractSlots('tomorrow', { ...ctx('en'), now: lateEvening }).slots.checkIn).toBe('2025-03-07');
    expect(extractSlots('tomorrow', { ...ctx('en'), now: lateEvening, timeZone: 'America/New_York' }).slots.checkIn).toBe('2025-03-06');
  });

  it('puts a day and month already past into next year', () => {
    expect(slots('en', '2 January').slots.checkIn).toBe('2026-01-02');
  });
});

describe('slot extraction: guests, room, budget, reference, e-mail', () => {
  it.each([
    ['en', 'for 2 adults and 1 child', { adults: 2, children: 1 }],
    ['en', 'two adults and a child', { adults: 2, children: 1 }],
    ['en', 'a room for 4 people', { adults: 4 }],
    ['en', '5 guests including 2 kids', { adults: 3, children: 2 }],
    ['es', 'dos adultos y un niño', { adults: 2, children: 1 }],
    ['fr', 'deux adultes et deux enfants', { adults: 2, children: 2 }],
    ['pt', '2 adultos e 1 criança', { adults: 2, children: 1 }],
    ['de', 'zwei Erwachsene und ein Kind', { adults: 2, children: 1 }],
    ['it', 'due adulti e un bambino', { adults: 2, children: 1 }],
    ['sw', 'watu wazima wawili na watoto watatu', { adults: 2, children: 3 }],
    ['ar', 'لشخصين وطفل', { adults: 2, children: 1 }],
  ])('[%s] %s', (language, text, expected) => {
    const s = slots(language, text).slots;
    expect({ adults: s.adults, children: s.children }).toEqual({ children: undefined, ...expected });
  });

  it.each([
    ['en', 'a double room please', 'double'],
    ['en', 'twin beds', 'twin'],
    ['es', 'una habitación individual', 'single'],
    ['fr', 'une suite', 'suite'],
    ['de', 'ein Familienzimmer', 'family'],
    ['it', 'una doppia', 'double'],
    ['sw', 'chumba cha mtu mmoja', 'single'],
    ['ar', 'غرفة مزدوجة', 'double'],
  ])('[%s] room type in %j is %s', (language, text, type) => {
    expect(slots(language, text).slots.roomType).toBe(type);
  });

  it('does not read "family of four" as a family room, and knows hotel words', () => {
    expect(slots('en', 'we are a family of four').slots.roomType).toBeUndefined();
    expect(slots('en', 'the penthouse please', { roomTypes: { suite: ['penthouse'] } }).slots.roomType).toBe('suite');
  });

  it.each([
    ['en', 'under $120 per night', { amount: 120, currency: 'USD', per: 'night' }],
    ['es', 'máximo 80 euros por noche', { amount: 80, currency: 'EUR', per: 'night' }],
    ['en', 'budget KES 5,000', { amount: 5000, currency: 'KES' }],
    ['sw', 'shilingi 7500 kwa usiku', { amount: 7500, currency: 'KES', per: 'night' }],
    ['pt', 'até R$ 300', { amount: 300, currency: 'BRL' }],
    ['de', '1.200,50 € insgesamt', { amount: 1200.5, currency: 'EUR', per: 'stay' }],
    ['ar', 'حتى 500 درهم', { amount: 500, currency: 'AED' }],
  ])('[%s] budget %j', (language, text, budget) => {
    expect(slots(language, text).slots.budget).toEqual(budget);
  });

  it('uses the hotel currency only after a budget word', () => {
    expect(slots('en', 'my budget is 90', { defaultCurrency: 'USD' }).slots.budget).toEqual({ amount: 90, currency: 'USD' });
    expect(slots('en', 'room 90 please', { defaultCurrency: 'USD' }).slots.budget).toBeUndefined();
    expect(slots('en', 'my budget is 90').slots.budget).toBeUndefined();
  });

  it.each(['5,000', '5.000', "5'000", '5 000'])('%s is five thousand', (raw) => expect(parseAmount(raw)).toBe(5000));
  it.each([
    ['99.50', 99.5],
    ['99,50', 99.5],
    ['1.234,56', 1234.56],
    ['1,234.56', 1234.56],
  ])('%s is %d', (raw, value) => expect(parseAmount(raw)).toBe(value));

  it.each([
    ['en', 'my booking number is HTL-48213', 'HTL-48213'],
    ['es', 'localizador: ab12cd', 'AB12CD'],
    ['de', 'Buchungsnummer 774411', '774411'],
    ['sw', 'namba ya booking ni KX99231', 'KX99231'],
    ['ar', 'رقم الحجز 55821', '55821'],
    ['en', 'it is under HTL48213 i think', 'HTL48213'],
    ['en', 'ref #Q7731Z', 'Q7731Z'],
  ])('[%s] reference in %j', (language, text, ref) => {
    expect(slots(language, text).slots.bookingRef).toBe(ref);
  });

  it('reads an e-mail and reports a broken one', () => {
    expect(slots('en', 'send it to Ana.Silva+hotel@Example.co.uk please').slots.email).toBe('ana.silva+hotel@example.co.uk');
    const broken = slots('en', 'my mail is ana@gmail');
    expect(broken.slots.email).toBeUndefined();
    expect(broken.errors).toEqual([expect.objectContaining({ slot: 'email', code: 'invalid_email' })]);
  });

  it('never reads counts, money or references as dates', () => {
    const s = slots('en', 'booking HTL-2025 for 2 adults, $150, 3 nights').slots;
    expect(s.checkIn).toBeUndefined();
    expect(s).toMatchObject({ bookingRef: 'HTL-2025', adults: 2, budget: { amount: 150, currency: 'USD' }, nights: 3 });
  });
});

describe('slot errors: impossible values are errors, not slots', () => {
  const codes = (language: string, text: string) => slots(language, text).errors.map((e) => `${e.slot}:${e.code}`);

  it.each([
    ['en', '1 March 2024', 'checkIn:date_in_past'],
    ['en', 'check in 12 March, check out 10 March', 'checkOut:checkout_before_checkin'],
    ['en', '12 to 15 March for 5 nights', 'nights:nights_mismatch'],
    ['en', '0 adults', 'adults:zero_guests'],
    ['es', 'para cero adultos', 'adults:zero_guests'],
    ['en', '45 adults', 'adults:too_many_guests'],
    ['en', '0 nights', 'nights:nights_out_of_range'],
    ['en', '31 February', 'checkIn:invalid_date'],
    ['de', '30.02.2025', 'checkIn:invalid_date'],
    ['en', '12 March 2031', 'checkIn:date_too_far'],
    ['en', 'budget $0', 'budget:budget_not_positive'],
  ])('[%s] %s → %s', (language, text, code) => {
    expect(codes(language, text)).toContain(code);
  });

  it('keeps the valid part of a stay with an impossible check-out', () => {
    const r = slots('en', 'check in 12 March, check out 10 March');
    expect(r.slots.checkIn).toBe('2025-03-12');
    expect(r.slots.checkOut).toBeUndefined();
  });

  it('keeps only the slots an intent declares, with their errors', () => {
    const r = slots('en', 'cancel HTL-48213, we were 0 adults anyway, mail ana@x.io');
    const picked = pickSlots(r, ['bookingRef', 'email']);
    expect(picked.slots).toEqual({ bookingRef: 'HTL-48213', email: 'ana@x.io' });
    expect(picked.errors).toEqual([]);
  });
});
