import { createLogger, type PlannedChannel } from '@hotello/core';
import { SimulatorHub, simulatorChannelOptions, type ChatEntryView } from '@hotello/adapter-simulator';

// Anyone who reaches the page can make up numbers: what the simulator remembers per guest is
// freed once they are idle, and bounded by a cap, but never while a page is open.

const MINUTE = 60_000;

function channelWith(options: Record<string, unknown>): PlannedChannel {
  return {
    hotelId: 'seaside',
    id: 'simulator',
    type: 'simulator',
    plugin: 'simulator',
    options: simulatorChannelOptions.parse({ statusDelayMs: 0, ...options }),
  };
}

/** A browser tab: records the bubbles it was sent. */
function page() {
  const messages: ChatEntryView[] = [];
  return {
    messages,
    closed: false,
    send(event: string, data: unknown) {
      if (event === 'message') messages.push(data as ChatEntryView);
    },
    close() {},
  };
}

let now = 0;
let hub: SimulatorHub;
beforeEach(() => {
  now = 1_000_000;
  hub = new SimulatorHub(
    async () => undefined,
    createLogger({ level: 'silent' }),
    () => now,
  );
});
afterEach(() => hub.close());

const says = (channel: PlannedChannel, guest: string, text = 'hello') =>
  hub.recordGuestMessage(channel, guest, `in-${guest}-${now}`, { kind: 'text', text });

/** What a page opened now for `guest` shows. */
function reopen(channel: PlannedChannel, guest: string): ChatEntryView[] {
  const tab = page();
  hub.subscribe(channel, guest, tab)();
  return tab.messages;
}

describe('simulator guest memory', () => {
  it('forgets a guest with no open page after guestIdleMinutes without activity', () => {
    const channel = channelWith({ guestIdleMinutes: 10 });
    says(channel, '+254700000001');
    now += 5 * MINUTE;
    says(channel, '+254700000002');
    hub.deliverReply(channel, '+254700000002', { kind: 'text', text: 'Welcome' });
    expect(hub.guestCount).toBe(2);

    now += 6 * MINUTE; // the first is idle for 11 minutes, the second for 6
    expect(hub.forgetIdleGuests()).toBe(1);
    expect(hub.guestCount).toBe(1);
    expect(reopen(channel, '+254700000002').map((m) => m.direction)).toEqual(['in', 'out']);
    expect(reopen(channel, '+254700000001')).toEqual([]);
  });

  it('keeps a guest while a page is open, and counts idle time from when it closed', () => {
    const channel = channelWith({ guestIdleMinutes: 10 });
    const tab = page();
    const close = hub.subscribe(channel, '+254700000001', tab);
    says(channel, '+254700000001');
    now += 60 * MINUTE;
    expect(hub.forgetIdleGuests()).toBe(0);

    close();
    now += 9 * MINUTE;
    expect(hub.forgetIdleGuests()).toBe(0);
    now += 2 * MINUTE;
    expect(hub.forgetIdleGuests()).toBe(1);
    expect(hub.guestCount).toBe(0);
  });

  it('past maxGuests, forgets the least recently active guest without an open page', () => {
    const channel = channelWith({ maxGuests: 3 });
    const watching = page();
    hub.subscribe(channel, '+254700000001', watching); // the oldest, but its page is open
    for (const guest of ['+254700000002', '+254700000003']) {
      now += 1_000;
      says(channel, guest);
    }
    now += 1_000;
    says(channel, '+254700000002'); // active again: now the most recent
    now += 1_000;
    says(channel, '+254700000004');

    expect(hub.guestCount).toBe(3);
    expect(reopen(channel, '+254700000002')).toHaveLength(2);
    // The open page is still attached: a reply reaches it.
    hub.deliverReply(channel, '+254700000001', { kind: 'text', text: 'Still here' });
    expect(watching.messages.map((m) => m.content)).toEqual([{ kind: 'text', text: 'Still here' }]);
    // Reopening a forgotten guest starts afresh (and, past the cap again, forgets the next oldest).
    expect(reopen(channel, '+254700000003')).toEqual([]);
    expect(hub.guestCount).toBe(3);
  });

  it('forgets idle guests by itself, without any new activity', () => {
    jest.useFakeTimers();
    try {
      const timed = new SimulatorHub(
        async () => undefined,
        createLogger({ level: 'silent' }),
        () => now,
      );
      const channel = channelWith({ guestIdleMinutes: 1 });
      timed.recordGuestMessage(channel, '+254700000001', 'in-1', { kind: 'text', text: 'hi' });
      now += 2 * MINUTE;
      jest.advanceTimersByTime(2 * MINUTE);
      expect(timed.guestCount).toBe(0);
      timed.close();
    } finally {
      jest.useRealTimers();
    }
  });
});
