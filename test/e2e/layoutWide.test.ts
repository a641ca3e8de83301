/** The stock screens and their dialogs at 1920×1080, with long names everywhere, measured for anything cut off. */
import { describe, expect, it } from 'vitest';
import { useE2e } from './harness';
import { longNamedWarehouse, visitAll } from './layoutVisits';

const e = useE2e({ practice: true });

describe('Every stock screen fits a wide window', () => {
  it('at 1920×1080 nothing on the stock screens or their dialogs is cut off', async () => {
    await longNamedWarehouse(e);
    expect(await visitAll(e, 'stock', { width: 1920, height: 1080 }, false)).toEqual([]);
  }, 180_000);
});
