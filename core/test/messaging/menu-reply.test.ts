import { resolveMenuReply } from '../../src/messaging/menu-reply';

// One resolver for core's numbered menus and the intent plugin's menu layer: these cases are
// the union of what each resolved before they were merged.

describe('resolveMenuReply: numbered menus core degraded buttons to', () => {
  const options = [
    { id: 'std', title: 'Habitación estándar' },
    { id: 'sea', title: 'Sea view' },
    { id: 'suite', title: 'Suite' },
  ];

  it.each(['2', '2.', ' 2 ', '2)', '#2', 'option 2', 'Option 2', 'opción 2', 'no. 2', 'nr 2', '2️⃣', '٢'])(
    'maps %p to the second option, with certainty',
    (reply) => {
      expect(resolveMenuReply(reply, options)).toEqual({ option: options[1], confidence: 1 });
    },
  );

  it.each([
    ['habitacion estandar', 'std'],
    ['HABITACIÓN ESTÁNDAR!', 'std'],
    ['sea VIEW', 'sea'],
    ['suite', 'suite'],
    ['1. Habitación estándar', 'std'],
    ['2. Sea view – with balcony', 'sea'],
  ])('maps the title or copied line %p back to its option', (reply, id) => {
    expect(resolveMenuReply(reply, options)).toMatchObject({ option: { id }, confidence: 1 });
  });

  it.each(['4', '0', 'I want the sea view room please', '', '   ', '2 nights', '1. Sea view'])('does not guess for %p', (reply) => {
    expect(resolveMenuReply(reply, options)).toBeUndefined();
  });

  it('keeps the caller’s option type', () => {
    const rows = [{ id: 'a', title: 'A', extra: 1 }];
    expect(resolveMenuReply('1', rows)?.option.extra).toBe(1);
  });
});

describe('resolveMenuReply: menu answers the intent plugin understands', () => {
  const MENU = [
    { id: 'book_room', title: 'Book a room' },
    { id: 'my_bookings', title: 'My bookings' },
    { id: 'talk_to_person', title: 'Talk to our team' },
  ];

  it.each([
    ['2', 'my_bookings', 1],
    [' 3. ', 'talk_to_person', 1],
    ['option 1', 'book_room', 1],
    ['#2', 'my_bookings', 1],
    ['two', 'my_bookings', 0.9],
    ['the second one please', 'my_bookings', 0.9],
    ['la primera', 'book_room', 0.9],
    ['dos', 'my_bookings', 0.9],
    ['zweite', 'my_bookings', 0.9],
    ['ya tatu', 'talk_to_person', 0.9],
    ['الثاني', 'my_bookings', 0.9],
    ['الثانية', 'my_bookings', 0.9],
    ['رقم 3', 'talk_to_person', 1],
    ['MY BOOKINGS', 'my_bookings', 1],
    ['book_room', 'book_room', 1],
    ['talk to', 'talk_to_person', 0.9],
  ])('%j → %s', (text, id, confidence) => {
    const match = resolveMenuReply(text, MENU);
    expect(match?.option.id).toBe(id);
    expect(match?.confidence).toBe(confidence);
  });

  it.each(['7', 'fifth', 'I want to book a room for Friday', '', 'bo'])('%j is not a menu answer', (text) => {
    expect(resolveMenuReply(text, MENU)).toBeUndefined();
  });

  it('needs a unique prefix', () => {
    const menu = [
      { id: 'a', title: 'Room service' },
      { id: 'b', title: 'Room upgrade' },
    ];
    expect(resolveMenuReply('room', menu)).toBeUndefined();
    expect(resolveMenuReply('room up', menu)?.option.id).toBe('b');
  });

  it('resolves nothing against an empty menu', () => {
    expect(resolveMenuReply('1', [])).toBeUndefined();
  });
});
