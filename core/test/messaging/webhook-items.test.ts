import { SkippedItems, echoValue, guestProfileName, timestampFromSeconds, validItems, z } from '@hotello/core';
import { plausibleTimestamp } from '@hotello/core/internal';
import { nestsDeeperThan } from '../../src/http/json-depth';

describe('echoValue: what a response or a log line may repeat', () => {
  it('caps strings at 64 characters with an ellipsis, and never splits an emoji', () => {
    expect(echoValue('short')).toBe('short');
    expect(echoValue('x'.repeat(3_000_000))).toBe(`${'x'.repeat(64)}…`);
    expect(echoValue(`${'x'.repeat(63)}😀tail`)).toBe(`${'x'.repeat(63)}…`);
  });

  it('names what is not a scalar instead of serialising it', () => {
    expect(echoValue({ a: 1 })).toBe('an object');
    expect(echoValue([1])).toBe('an array');
    expect(echoValue(null)).toBe('null');
    expect(echoValue(undefined)).toBe('undefined');
    expect(echoValue(1e308)).toBe('1e+308');
  });
});

describe('SkippedItems: one summary per webhook', () => {
  it('counts by reason and keeps three capped examples', () => {
    const skipped = new SkippedItems();
    for (let i = 0; i < 10_000; i += 1) skipped.add('status not tracked', { id: `${'i'.repeat(100)}${i}` });
    const summary = skipped.summary()!;
    expect(summary.total).toBe(10_000);
    expect(summary.reasons).toEqual({ 'status not tracked': 10_000 });
    expect(summary.examples).toHaveLength(3);
    expect(summary.examples[0]!.id).toHaveLength(65);
  });

  it('bounds the number of distinct reasons', () => {
    const skipped = new SkippedItems();
    for (let i = 0; i < 100; i += 1) skipped.add(`reason ${i}`);
    const reasons = skipped.summary()!.reasons;
    expect(Object.keys(reasons)).toHaveLength(21);
    expect(reasons['other reasons']).toBe(80);
  });

  it('logs nothing when nothing was skipped, one line otherwise, a warning when something was malformed', () => {
    const lines: [string, unknown][] = [];
    const logger = { info: (o: unknown) => lines.push(['info', o]), warn: (o: unknown) => lines.push(['warn', o]) } as never;
    const skipped = new SkippedItems();
    skipped.log(logger);
    expect(lines).toEqual([]);
    skipped.add('echo');
    skipped.log(logger);
    skipped.addMalformed('malformed message: id invalid_type');
    skipped.log(logger);
    expect(lines.map(([level]) => level)).toEqual(['info', 'warn']);
  });
});

describe('validItems: per item, never per character', () => {
  const item = z.object({ id: z.string() });

  it('treats a string where a list belongs as one ignored item', () => {
    const skipped = new SkippedItems();
    expect(validItems('x'.repeat(1_000_000), item, 'message', skipped)).toEqual([]);
    expect(skipped.summary()).toMatchObject({ total: 1, reasons: { 'message list is not an array': 1 } });
  });

  it('keeps the good items and names the fault of the bad ones by schema path', () => {
    const skipped = new SkippedItems();
    const valid = validItems([{ id: 'a' }, { id: 5 }, null, { id: 'b' }], item, 'message', skipped);
    expect(valid.map((v) => v.item.id)).toEqual(['a', 'b']);
    expect(skipped.summary()!.reasons).toEqual({ 'malformed message: id invalid_type': 1, 'malformed message: invalid_type': 1 });
  });

  it('stops checking after a thousand bad items, so a million of them stay cheap', () => {
    const skipped = new SkippedItems();
    // Counted, not timed: the cost is the number of schema checks, whatever the machine's load.
    const checks = jest.spyOn(item, 'safeParse');
    validItems(
      Array.from({ length: 1_000_000 }, () => 0),
      item,
      'message',
      skipped,
    );
    expect(checks).toHaveBeenCalledTimes(1_000);
    checks.mockRestore();
    expect(skipped.count).toBe(1_000_000);
  });
});

describe('provider timestamps', () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('reads unix seconds as numbers or digit strings', () => {
    expect(timestampFromSeconds('1739321024', now)).toEqual(new Date(1739321024 * 1000));
    expect(timestampFromSeconds(1739321024, now)).toEqual(new Date(1739321024 * 1000));
  });

  it.each([['99999999999999'], [1e308], [-5], [0], ['soon'], [''], [undefined], [{}], [String(now.getTime() / 1000 + 2 * 86_400)]])(
    '%p falls back to the receipt time',
    (value) => {
      expect(timestampFromSeconds(value, now)).toBe(now);
    },
  );

  it('keeps a plausible Date and replaces an invalid one', () => {
    const earlier = new Date(now.getTime() - 60_000);
    expect(plausibleTimestamp(earlier, now)).toBe(earlier);
    expect(plausibleTimestamp(new Date('x'), now)).toBe(now);
  });
});

describe('guestProfileName', () => {
  it('trims, drops NUL, and cuts at the store’s 256 characters', () => {
    expect(guestProfileName('  Ann\0a  ')).toBe('Anna');
    expect(guestProfileName('N'.repeat(257))).toBe('N'.repeat(256));
    expect(guestProfileName('   ')).toBeUndefined();
    expect(guestProfileName(42)).toBeUndefined();
  });
});

describe('JSON nesting depth', () => {
  it('finds deep nesting without recursion, ignoring brackets inside strings', () => {
    expect(nestsDeeperThan('['.repeat(1_000_000))).toBe(true);
    expect(nestsDeeperThan(`{"a":"${'['.repeat(1000)}"}`)).toBe(false);
    expect(nestsDeeperThan(`{"a":"\\"${'['.repeat(1000)}"}`)).toBe(false);
    expect(nestsDeeperThan(`${'['.repeat(64)}${']'.repeat(64)}`)).toBe(false);
    expect(nestsDeeperThan(`${'['.repeat(65)}${']'.repeat(65)}`)).toBe(true);
  });
});
