/** Every screen and every dialog at 1920×1080, with long names everywhere, measured for anything cut off. */
import { describe, expect, it } from 'vitest';
import { useE2e } from './harness';
import { longNamedWarehouse, visitAll } from './layoutVisits';

const e = useE2e({ practice: true });

describe('Every screen fits a wide window', () => {
  it('at 1920×1080 nothing on any screen or dialog is cut off', async () => {
    await longNamedWarehouse(e);
    expect(await visitAll(e, { width: 1920, height: 1080 }, false)).toEqual([]);
  }, 180_000);
});
