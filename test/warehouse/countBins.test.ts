import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations, openDatabase } from '../../src-main/db';
import { runCli } from '../support/cli';
import { tempDir } from '../support/tmp';
import { startWarehouse } from './harness';
import { stockedWarehouse } from './fixtures';

const BOLT = '5012345678900';

describe('counting bin by bin', () => {
  it('counts each scan into the bin scanned first, sums an item over its bins, confirms only the chosen missing items as zero, and posts per site', async () => {
    const w = startWarehouse();
    const { bolt, nut } = await stockedWarehouse(w);
    const washer = await w.call('items.create', { name: 'Washer M8', barcodes: ['5012345678924'] });
    await w.call('bins.assign', { itemId: bolt.id, siteId: 'main', code: 'A-01' });
    await w.call('bins.assign', { itemId: bolt.id, siteId: 'main', code: 'A-02' });
    await w.call('bins.assign', { itemId: nut.id, siteId: 'main', code: 'A-01' });
    await w.call('bins.assign', { itemId: washer.id, siteId: 'main', code: 'A-01' });
    for (const [item, qty] of [[bolt, '10'], [nut, '4'], [washer, '3']] as const) {
      await w.call('stock.adjust', { itemId: item.id, qtyDiff: qty, reason: 'opening stock' });
    }
    const count = await w.call('counts.start', {});

    // The bin label first: what is kept there and not yet counted there.
    const a1 = await w.call('counts.bin', { countId: count.id, binCode: 'a-01' });
    expect(a1).toMatchObject({ binCode: 'A-01', finishedAt: null, counted: [] });
    expect(a1.notScanned.map((r) => [r.itemName, r.expected])).toEqual([['Hex bolt M8', '10'], ['Nut M8', '4'], ['Washer M8', '3']]);

    for (let i = 0; i < 3; i++) await w.call('counts.enter', { countId: count.id, barcode: BOLT, counted: '1', add: true, binCode: 'A-01' });
    const afterA1 = await w.call('counts.enter', { countId: count.id, barcode: BOLT, counted: '2', add: true, binCode: 'A-01' });
    // Counted in A-01 only: A-02 is still to count, so the sum may be short.
    expect(afterA1).toMatchObject({ counted: '5', bins: [{ binCode: 'A-01', counted: '5' }], uncountedBins: ['A-02'] });

    // Finishing A-01: the nut is confirmed as none there, the washer is left uncounted.
    const finished = await w.call('counts.finishBin', { countId: count.id, binCode: 'A-01', zeroItemIds: [nut.id], by: 'Sam' });
    expect(finished.finishedAt).not.toBeNull();
    expect(finished.counted.map((r) => [r.itemName, r.counted])).toEqual([['Hex bolt M8', '5'], ['Nut M8', '0']]);
    expect(finished.notScanned.map((r) => r.itemName)).toEqual(['Washer M8']);

    // four more bolts; a recount of the bin replaces what that bin held.
    for (let i = 0; i < 4; i++) await w.call('counts.enter', { countId: count.id, barcode: BOLT, counted: '1', add: true, binCode: 'A-02' });
    const recount = await w.call('counts.enter', { countId: count.id, itemId: bolt.id, counted: '3', binCode: 'A-02' });
    expect(recount).toMatchObject({ counted: '8', bins: [{ binCode: 'A-01', counted: '5' }, { binCode: 'A-02', counted: '3' }], uncountedBins: [] });
    expect((await w.call('counts.finishBin', { countId: count.id, binCode: 'A-02' })).notScanned).toEqual([]);

    const lines = (await w.call('counts.get', { id: count.id })).lines;
    expect(lines.map((l) => [l.itemName, l.counted, l.bins.map((b) => `${b.binCode}:${b.counted}`).join(' ')])).toEqual([
      ['Hex bolt M8', '8', 'A-01:5 A-02:3'],
      ['Nut M8', '0', 'A-01:0'],
      ['Washer M8', null, ''],
    ]);

    const posted = await w.call('counts.post', { countId: count.id });
    expect(posted.differences.map((d) => [d.itemName, d.expected, d.counted, d.difference])).toEqual([
      ['Hex bolt M8', '10', '8', '-2'],
      ['Nut M8', '4', '0', '-4'],
    ]);
    // Stock stays per item and site; the washer, left uncounted, keeps its 3.
    expect((await w.call('items.get', { id: washer.id })).onHand).toBe('3');
    expect((await w.call('items.get', { id: bolt.id })).onHand).toBe('8');
    // Nothing about bins goes to QuickBooks: the queued adjustments carry the item, the difference and the reason only.
    const payloads = w.rows("SELECT payload FROM outbox WHERE kind = 'stock.adjust' AND payload LIKE '%\"reason\":\"count\"%' ORDER BY id").map((r) => JSON.parse(String(r.payload)) as Record<string, unknown>);
    expect(payloads.map((p) => Object.keys(p).sort())).toEqual([
      ['itemId', 'movementId', 'qtyDiff', 'reason'],
      ['itemId', 'movementId', 'qtyDiff', 'reason'],
    ]);
    expect(JSON.stringify(payloads)).not.toMatch(/A-0/);
  });

  it('a typed total with no bin replaces what was counted in the bins; refusals name the bin and the item', async () => {
    const w = startWarehouse();
    const { bolt, nut } = await stockedWarehouse(w);
    await w.call('bins.assign', { itemId: bolt.id, siteId: 'main', code: 'B-01' });
    const count = await w.call('counts.start', {});
    await w.call('counts.enter', { countId: count.id, barcode: BOLT, counted: '2', add: true, binCode: 'B-01' });
    const typed = await w.call('counts.enter', { countId: count.id, itemId: bolt.id, counted: '7' });
    expect(typed).toMatchObject({ counted: '7', bins: [], uncountedBins: [] });
    // A scan with no bin adds to what was counted outside bins.
    expect(await w.call('counts.enter', { countId: count.id, barcode: BOLT, counted: '1', add: true })).toMatchObject({ counted: '8' });

    expect(await w.refuse('counts.bin', { countId: count.id, binCode: 'Z-9' })).toMatchObject({
      code: 'not_found',
      field: 'binCode',
      message: 'There is no bin "Z-9" at Main warehouse. Add it under the item\'s bins first.',
    });
    expect(await w.refuse('counts.enter', { countId: count.id, itemId: bolt.id, counted: '1', binCode: 'Z-9' })).toMatchObject({ code: 'not_found', field: 'binCode' });
    const notThere = await w.refuse('counts.finishBin', { countId: count.id, binCode: 'B-01', zeroItemIds: [nut.id] });
    expect(notThere).toMatchObject({ code: 'refused', field: 'zeroItemIds.0' });
    expect(notThere.message).toBe('"Nut M8" is not waiting to be counted in bin B-01 (it is not kept there, or was counted there already), so it cannot be confirmed as none there.');
    await w.call('counts.post', { countId: count.id });
    expect(await w.refuse('counts.bin', { countId: count.id, binCode: 'B-01' })).toMatchObject({ code: 'refused', field: 'countId' });
  });

  it('keeps what an open count from before bins were counted had counted, and adds a bin count to it', async () => {
    const dataDir = tempDir();
    const old = openDatabase(path.join(dataDir, 'shelfsync.db'), migrations.slice(0, 15)).db;
    old.prepare("INSERT INTO items (id, name, name_key, type, created_at, updated_at) VALUES ('i1', 'Hinge 40mm', 'hinge 40mm', 'inventory', 'x', 'x')").run();
    old.prepare("INSERT INTO count_sessions (id, site_id, scope, started_at, started_by) VALUES ('c1', 'main', 'all', 'x', 'Sam')").run();
    old.prepare("INSERT INTO count_lines (count_id, item_id, expected, counted) VALUES ('c1', 'i1', 0, 30000)").run();
    old.close();
    const w = startWarehouse(dataDir);
    expect((await w.call('counts.get', { id: 'c1' })).lines[0]).toMatchObject({ counted: '3', bins: [] });
    await w.call('bins.assign', { itemId: 'i1', siteId: 'main', code: 'H-01' });
    const line = await w.call('counts.enter', { countId: 'c1', itemId: 'i1', counted: '2', add: true, binCode: 'H-01' });
    expect(line).toMatchObject({ counted: '5', bins: [{ binCode: 'H-01', counted: '2' }], uncountedBins: [] });
  });

  it('works from the command line', async () => {
    const dataDir = tempDir();
    const call = async (name: string, input: unknown) => {
      const result = await runCli(['call', name, JSON.stringify(input), '--data', dataDir]);
      if (result.code !== 0) throw new Error(`${name}: ${result.stderr}`);
      return JSON.parse(result.stdout) as Record<string, unknown>;
    };
    const item = await call('items.create', { name: 'Hinge 40mm', barcodes: ['4006381333931'] });
    await call('bins.assign', { itemId: item.id, siteId: 'main', code: 'H-01' });
    const count = await call('counts.start', {});
    await call('counts.enter', { countId: count.id, barcode: '4006381333931', counted: '6', add: true, binCode: 'H-01' });
    const bin = await call('counts.finishBin', { countId: count.id, binCode: 'H-01' });
    expect(bin).toMatchObject({ binCode: 'H-01', counted: [{ itemName: 'Hinge 40mm', counted: '6' }], notScanned: [] });
  }, 60_000);
});
