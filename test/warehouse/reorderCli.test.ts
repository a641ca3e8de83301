import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { tempDir } from '../support/tmp';

async function call(dataDir: string, name: string, input: unknown) {
  const result = await runCli(['call', name, JSON.stringify(input), '--data', dataDir]);
  if (result.code !== 0) throw new Error(`${name}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe('reordering from the command line', () => {
  it('sets levels, lists low stock and makes the draft purchase order through call', async () => {
    const dataDir = tempDir();
    const item = await call(dataDir, 'items.create', { name: 'Hinge 40mm', reorderPoint: '6' });
    const vendor = await call(dataDir, 'vendors.create', { displayName: 'Hinge House' });
    await call(dataDir, 'reorderLevels.set', { itemId: item.id, siteId: 'main', reorderPoint: '6', reorderUpTo: '24' });
    const low = (await call(dataDir, 'lowStock.list', { siteId: 'main' })) as { rows: { itemName: string; suggested: string }[] };
    expect(low.rows).toMatchObject([{ itemName: 'Hinge 40mm', suggested: '24' }]);
    const refused = await runCli(['call', 'lowStock.createPurchaseOrders', JSON.stringify({ lines: [{ itemId: item.id, siteId: 'main', qty: '24' }] }), '--data', dataDir]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr)).toMatchObject({ code: 'invalid_input', field: 'lines.0.vendorId' });
    const made = (await call(dataDir, 'lowStock.createPurchaseOrders', { lines: [{ itemId: item.id, siteId: 'main', qty: '24', vendorId: vendor.id }] })) as {
      purchaseOrders: { vendorName: string; status: string; lines: { ordered: string }[] }[];
    };
    expect(made.purchaseOrders).toMatchObject([{ vendorName: 'Hinge House', status: 'draft', lines: [{ ordered: '24' }] }]);
  }, 60_000);
});
