/** The paperwork, print, list, sync and settings screens at 1920×1080, with long names everywhere, measured for anything cut off. */
import { describe, expect, it } from 'vitest';
import { useE2e } from './harness';
import { longNamedWarehouse, visitAll } from './layoutVisits';

const e = useE2e({ practice: true });

describe('Every paperwork screen fits a wide window', () => {
  it('at 1920×1080 nothing on the paperwork, print, sync or settings screens is cut off', async () => {
    await longNamedWarehouse(e);
    expect(await visitAll(e, 'paper', { width: 1920, height: 1080 }, false)).toEqual([]);
  }, 180_000);
});
