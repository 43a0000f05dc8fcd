import { resolveMenu } from '../src/layers/menu-layer';

const MENU = [
  { id: 'book_room', title: 'Book a room' },
  { id: 'my_bookings', title: 'My bookings' },
  { id: 'talk_to_person', title: 'Talk to our team' },
];

describe('menu layer', () => {
  it.each([
    ['2', 'my_bookings', 1],
    [' 3. ', 'talk_to_person', 1],
    ['option 1', 'book_room', 1],
    ['#2', 'my_bookings', 1],
    ['the second one please', 'my_bookings', 0.9],
    ['la primera', 'book_room', 0.9],
    ['dos', 'my_bookings', 0.9],
    ['zweite', 'my_bookings', 0.9],
    ['ya tatu', 'talk_to_person', 0.9],
    ['الثاني', 'my_bookings', 0.9],
    ['رقم 3', 'talk_to_person', 1],
    ['MY BOOKINGS', 'my_bookings', 1],
    ['book_room', 'book_room', 1],
    ['talk to', 'talk_to_person', 0.9],
  ])('%j → %s', (text, id, confidence) => {
    const match = resolveMenu(text, MENU);
    expect(match?.option.id).toBe(id);
    expect(match?.confidence).toBe(confidence);
  });

  it.each(['7', 'fifth', 'I want to book a room for Friday', '', 'bo'])('%j is not a menu answer', (text) => {
    expect(resolveMenu(text, MENU)).toBeUndefined();
  });

  it('needs a unique prefix', () => {
    const menu = [
      { id: 'a', title: 'Room service' },
      { id: 'b', title: 'Room upgrade' },
    ];
    expect(resolveMenu('room', menu)).toBeUndefined();
    expect(resolveMenu('room up', menu)?.option.id).toBe('b');
  });

  it('resolves nothing against an empty menu', () => {
    expect(resolveMenu('1', [])).toBeUndefined();
  });
});
