import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { tempDir } from '../support/tmp';

async function call(dataDir: string, name: string, input: unknown) {
  const result = await runCli(['call', name, JSON.stringify(input), '--data', dataDir]);
  if (result.code !== 0) throw new Error(`${name}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe('bins from the command line', () => {
  it('assigns a primary bin, refuses a clashing code in words, and receives into the bin through call', async () => {
    const dataDir = tempDir();
    const item = await call(dataDir, 'items.create', { name: 'Hinge 40mm' });
    const vendor = await call(dataDir, 'vendors.create', { displayName: 'Hinge House' });
    await call(dataDir, 'bins.assign', { itemId: item.id, siteId: 'main', code: 'H-01-1' });
    const clash = await runCli(['call', 'bins.create', JSON.stringify({ siteId: 'main', code: 'h-01-1' }), '--data', dataDir]);
    expect(clash.code).toBe(1);
    expect(JSON.parse(clash.stderr)).toMatchObject({ code: 'conflict', field: 'code', message: 'Main warehouse already has bin "H-01-1" (codes are compared without regard to case).' });
    const po = await call(dataDir, 'purchaseOrders.create', { vendorId: vendor.id, lines: [{ itemId: item.id, qty: '8' }] });
    const received = await call(dataDir, 'purchaseOrders.receive', { purchaseOrderId: po.id });
    expect(received.putAway).toEqual([{ itemId: item.id, itemName: 'Hinge 40mm', qty: '8', bin: 'H-01-1' }]);
    expect(await call(dataDir, 'bins.list', { siteId: 'main' })).toMatchObject([{ code: 'H-01-1', items: 1 }]);
  }, 60_000);
});
