/**
 * Every screen and every dialog at the usual warehouse PC's 1366×768, with long names everywhere,
 * measured for anything cut off, and a screenshot of each (`layoutWide.test.ts` does 1920×1080).
 */
import { describe, expect, it } from 'vitest';
import { useE2e } from './harness';
import { longNamedWarehouse, visitAll } from './layoutVisits';

const e = useE2e({ practice: true });

describe('Every screen fits the window', () => {
  it('at 1366×768 nothing on any screen or dialog is cut off, and each screen is photographed', async () => {
    await longNamedWarehouse(e);
    expect(await visitAll(e, { width: 1366, height: 768 }, true)).toEqual([]);
  }, 180_000);
});
