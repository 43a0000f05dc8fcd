import type { NightInventory } from '../src/backend/builtin';
import { uniqueHotelId } from './builtin-fixtures';

export interface InventoryHarness {
  /** A fresh inventory view on the shared storage (several may share one database). */
  inventory(): NightInventory;
  dispose(): Promise<void>;
}

const N1 = '2030-05-01';
const N2 = '2030-05-02';
const N3 = '2030-05-03';

/** Nights someone holds: a storage may or may not keep a document for a night nobody holds. */
function held<T extends { taken: number }>(nights: T[]): T[] {
  return nights.filter((n) => n.taken > 0);
}

/** What every NightInventory must do; runs against memory and MongoDB. */
export function describeNightInventoryContract(name: string, open: () => Promise<InventoryHarness>): void {
  describe(`NightInventory contract: ${name}`, () => {
    let harness: InventoryHarness;
    let inventory: NightInventory;
    let hotel: string;

    beforeAll(async () => {
      harness = await open();
    });
    afterAll(async () => {
      await harness?.dispose();
    });
    beforeEach(() => {
      inventory = harness.inventory();
      hotel = uniqueHotelId();
    });

    it('takes one room per night for the holder, and counts it', async () => {
      expect(await inventory.take(hotel, 'double', [N2, N1], 'AAA1111', 2)).toEqual({ ok: true });
      expect(await inventory.take(hotel, 'double', [N2, N3], 'BBB2222', 2)).toEqual({ ok: true });
      expect(await inventory.usage(hotel, N1, N3)).toEqual([
        { roomType: 'double', date: N1, taken: 1, holders: ['AAA1111'] },
        { roomType: 'double', date: N2, taken: 2, holders: ['AAA1111', 'BBB2222'] },
        { roomType: 'double', date: N3, taken: 1, holders: ['BBB2222'] },
      ]);
      expect(await inventory.taken(hotel, N2, N2)).toEqual([{ roomType: 'double', date: N2, taken: 2 }]);
    });

    it('is idempotent per holder: a retried take counts the holder once', async () => {
      await inventory.take(hotel, 'double', [N1, N2], 'AAA1111', 2);
      expect(await inventory.take(hotel, 'double', [N1, N2, N3], 'AAA1111', 2)).toEqual({ ok: true });
      expect((await inventory.usage(hotel, N1, N3)).map((n) => [n.date, n.taken, n.holders])).toEqual([
        [N1, 1, ['AAA1111']],
        [N2, 1, ['AAA1111']],
        [N3, 1, ['AAA1111']],
      ]);
    });

    it('stops at the first full night and leaves the earlier ones held for the caller to release', async () => {
      await inventory.take(hotel, 'single', [N2], 'AAA1111', 1);
      expect(await inventory.take(hotel, 'single', [N1, N2, N3], 'BBB2222', 1)).toEqual({ ok: false, fullNight: N2 });
      expect(held(await inventory.usage(hotel, N1, N3)).map((n) => [n.date, n.holders])).toEqual([
        [N1, ['BBB2222']],
        [N2, ['AAA1111']],
      ]);
      await inventory.release(hotel, 'single', [N1, N2, N3], 'BBB2222');
      expect(held(await inventory.usage(hotel, N1, N3)).map((n) => [n.date, n.taken, n.holders])).toEqual([[N2, 1, ['AAA1111']]]);
    });

    it('measures against the capacity it is given: zero, or less than already taken, is full', async () => {
      expect(await inventory.take(hotel, 'suite', [N1], 'AAA1111', 0)).toEqual({ ok: false, fullNight: N1 });
      await inventory.take(hotel, 'double', [N1], 'AAA1111', 2);
      await inventory.take(hotel, 'double', [N1], 'BBB2222', 2);
      expect(await inventory.take(hotel, 'double', [N1], 'CCC3333', 1)).toEqual({ ok: false, fullNight: N1 });
      expect(await inventory.take(hotel, 'double', [N1], 'CCC3333', 3)).toEqual({ ok: true });
    });

    it('releases idempotently and only the given holder', async () => {
      await inventory.take(hotel, 'double', [N1, N2], 'AAA1111', 2);
      await inventory.take(hotel, 'double', [N1], 'BBB2222', 2);
      await inventory.release(hotel, 'double', [N1, N2], 'AAA1111');
      await inventory.release(hotel, 'double', [N1, N2], 'AAA1111');
      await inventory.release(hotel, 'double', [N1], 'ZZZ9999');
      expect((await inventory.usage(hotel, N1, N2)).map((n) => [n.date, n.taken, n.holders])).toEqual([
        [N1, 1, ['BBB2222']],
        [N2, 0, []],
      ]);
      // Releasing a night nobody ever took creates nothing.
      await inventory.release(hotel, 'double', [N3], 'AAA1111');
      expect(await inventory.usage(hotel, N3, N3)).toEqual([]);
    });

    it('filters counts by date range and room type, and keeps hotels apart', async () => {
      const other = uniqueHotelId();
      await inventory.take(hotel, 'double', [N1, N2, N3], 'AAA1111', 2);
      await inventory.take(hotel, 'single', [N2], 'BBB2222', 1);
      await inventory.take(other, 'double', [N2], 'CCC3333', 2);
      expect(await inventory.taken(hotel, N2, N2)).toEqual([
        { roomType: 'double', date: N2, taken: 1 },
        { roomType: 'single', date: N2, taken: 1 },
      ]);
      expect(await inventory.taken(hotel, N2, N3, 'double')).toEqual([
        { roomType: 'double', date: N2, taken: 1 },
        { roomType: 'double', date: N3, taken: 1 },
      ]);
      expect(await inventory.usage(other, N1, N3)).toEqual([{ roomType: 'double', date: N2, taken: 1, holders: ['CCC3333'] }]);
      // Another hotel's holder cannot release this hotel's nights.
      await inventory.release(other, 'double', [N1, N2, N3], 'AAA1111');
      expect((await inventory.taken(hotel, N1, N3, 'double')).map((n) => n.taken)).toEqual([1, 1, 1]);
    });

    it('lists the held nights from a date on, every room type, without nights whose holders all left', async () => {
      const other = uniqueHotelId();
      await inventory.take(hotel, 'double', [N1, N2, N3], 'AAA1111', 2);
      await inventory.take(hotel, 'single', [N3], 'BBB2222', 1);
      await inventory.take(hotel, 'suite', [N2], 'CCC3333', 1);
      await inventory.release(hotel, 'suite', [N2], 'CCC3333');
      await inventory.take(other, 'double', [N3], 'DDD4444', 2);
      expect(await inventory.held(hotel, N2)).toEqual([
        { roomType: 'double', date: N2, taken: 1, holders: ['AAA1111'] },
        { roomType: 'double', date: N3, taken: 1, holders: ['AAA1111'] },
        { roomType: 'single', date: N3, taken: 1, holders: ['BBB2222'] },
      ]);
      expect(await inventory.held(uniqueHotelId(), N1)).toEqual([]);
    });

    it('never sells more than the capacity to concurrent takers (one night, 40 takers, 3 rooms)', async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 40 }, (_, i) => harness.inventory().take(hotel, 'double', [N1], `H${String(i).padStart(6, '0')}`, 3)),
      );
      expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
      const [night] = await inventory.usage(hotel, N1, N1);
      expect(night!.taken).toBe(3);
      expect(night!.holders).toHaveLength(3);
    });
  });
}
