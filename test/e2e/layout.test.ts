/**
 * The screens stock moves on (inventory, counting, picking, purchasing, customers and vendors, low
 * stock, valuation) and their dialogs at the usual warehouse PC's 1366×768, with long names
 * everywhere, measured for anything cut off, and a screenshot of each. `layoutPaper.test.ts` does the
 * other screens; the `layoutWide` files do both at 1920×1080.
 */
import { describe, expect, it } from 'vitest';
import { useE2e } from './harness';
import { longNamedWarehouse, visitAll } from './layoutVisits';

const e = useE2e({ practice: true });

describe('Every stock screen fits the window', () => {
  it('at 1366×768 nothing on the stock screens or their dialogs is cut off, and each is photographed', async () => {
    await longNamedWarehouse(e);
    expect(await visitAll(e, 'stock', { width: 1366, height: 768 }, true)).toEqual([]);
  }, 180_000);
});
