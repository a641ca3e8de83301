import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { startWarehouse } from './harness';

async function call(dataDir: string, name: string, input: unknown) {
  const result = await runCli(['call', name, JSON.stringify(input), '--data', dataDir]);
  if (result.code !== 0) throw new Error(`${name}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe('print data from the command line', () => {
  it('prints a blind count sheet with no expected quantity, a pick list in bin order, and refuses app.print in words', async () => {
    // The data is set up through a host in this process, closed before the command line opens the folder.
    const w = startWarehouse();
    const hinge = await w.call('items.create', { name: 'Hinge 40mm', barcodes: ['HNG-40'] });
    const latch = await w.call('items.create', { name: 'Latch', sku: 'LT-1' });
    await w.call('stock.adjust', { itemId: hinge.id, qtyDiff: '44', reason: 'opening stock' });
    await w.call('bins.assign', { itemId: hinge.id, siteId: 'main', code: 'H-10' });
    await w.call('bins.assign', { itemId: latch.id, siteId: 'main', code: 'H-9' });
    const customer = await w.call('customers.create', { displayName: 'Door Co' });
    const order = await w.call('orders.create', { customerId: customer.id, lines: [{ itemId: hinge.id, qty: '2' }, { itemId: latch.id, qty: '1' }] });
    await w.host.close();

    const blind = await call(w.dataDir, 'print.countSheet', { siteId: 'main', blind: true });
    expect(blind).toMatchObject({ blind: true, lines: [{ itemName: 'Latch', bin: 'H-9' }, { itemName: 'Hinge 40mm', bin: 'H-10' }] });
    expect(JSON.stringify(blind)).not.toMatch(/expected|"44"/);

    const pick = await call(w.dataDir, 'print.pickList', { orderId: order.id });
    expect(pick.lines).toMatchObject([
      { bin: 'H-9', barcode: { text: 'LT-1', source: 'sku' } },
      { bin: 'H-10', barcode: { text: 'HNG-40', source: 'barcode' } },
    ]);

    const refused = await runCli(['call', 'app.print', '{}', '--data', w.dataDir]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr)).toMatchObject({ code: 'refused', message: expect.stringContaining('browser’s Print') as unknown });
  }, 120_000);
});
