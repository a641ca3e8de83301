/**
 * Invoices and estimates, the print views, Sync and Settings at 1366×768, with long names
 * everywhere, measured for anything cut off, and a screenshot of each (`layout.test.ts` does the rest).
 */
import { describe, expect, it } from 'vitest';
import { useE2e } from './harness';
import { longNamedWarehouse, visitAll } from './layoutVisits';

const e = useE2e({ practice: true });

describe('Every paperwork screen fits the window', () => {
  it('at 1366×768 nothing on the paperwork, print, sync or settings screens is cut off, and each is photographed', async () => {
    await longNamedWarehouse(e);
    expect(await visitAll(e, 'paper', { width: 1366, height: 768 }, true)).toEqual([]);
  }, 180_000);
});
