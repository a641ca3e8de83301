import { afterEach, describe, expect, it } from 'vitest';
import { syncHarness, type SyncHarness } from './harness';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type QboRecord = Record<string, unknown> & { Id: string; SyncToken: string };

async function accountsByType(h: SyncHarness): Promise<Record<string, { id: string; name: string }>> {
  const accounts = ((await h.dump()).Account ?? []) as (QboRecord & { AccountType: string; Name: string })[];
  const first = (type: string) => {
    const a = accounts.find((x) => x.AccountType === type);
    if (!a) throw new Error(`no ${type} account in the practice company`);
    return { id: a.Id, name: a.Name };
  };
  return { income: first('Income'), expense: first('Cost of Goods Sold'), asset: first('Other Current Asset') };
}

async function sendItemsOut(h: SyncHarness) {
  const a = await accountsByType(h);
  const set = { income: a.income, expense: a.expense, asset: a.asset };
  await h.settings({
    directions: { items: 'localToQbo' },
    defaultAccounts: { inventory: set, nonInventory: set, service: set, equipment: set },
  });
}

const qboItemsNamed = async (h: SyncHarness, prefix: string) =>
  (((await h.dump()).Item ?? []) as (QboRecord & { Name: string; Type: string })[]).filter((i) => i.Name.startsWith(prefix));

describe('items ShelfSync → QuickBooks', () => {
  it('creates service and non-inventory items with their own QuickBooks type and accounts, equipment as Inventory', async () => {
    h = await syncHarness();
    const accounts = ((await h.dump()).Account ?? []) as (QboRecord & { Name: string })[];
    const named = (name: string) => {
      const a = accounts.find((x) => x.Name === name);
      if (!a) throw new Error(`no account ${name}`);
      return { id: a.Id, name: a.Name };
    };
    const goods = { income: named('Sales of Product Income'), expense: named('Cost of Goods Sold'), asset: named('Inventory Asset') };
    await h.settings({
      directions: { items: 'localToQbo' },
      defaultAccounts: {
        inventory: goods,
        equipment: goods,
        service: { income: named('Services'), expense: named('Purchases') },
        nonInventory: { income: named('Sales of Product Income'), expense: named('Purchases') },
      },
    });
    for (const type of ['service', 'nonInventory', 'equipment', 'inventory']) await h.call('items.create', { name: `Out ${type}`, type });
    const run = await h.sync();
    expect(run.counts['items.push']?.created).toBe(4);
    const made = new Map((await qboItemsNamed(h, 'Out ')).map((i) => [i.Name, i]));
    expect(made.get('Out service')).toMatchObject({ Type: 'Service', TrackQtyOnHand: false, IncomeAccountRef: { value: named('Services').id }, ExpenseAccountRef: { value: named('Purchases').id } });
    expect(made.get('Out service')).not.toHaveProperty('AssetAccountRef');
    expect(made.get('Out service')).not.toHaveProperty('QtyOnHand');
    expect(made.get('Out nonInventory')).toMatchObject({ Type: 'NonInventory', TrackQtyOnHand: false, IncomeAccountRef: { value: goods.income.id }, ExpenseAccountRef: { value: named('Purchases').id } });
    expect(made.get('Out nonInventory')).not.toHaveProperty('AssetAccountRef');
    for (const name of ['Out equipment', 'Out inventory']) {
      expect(made.get(name)).toMatchObject({
        Type: 'Inventory', TrackQtyOnHand: true,
        IncomeAccountRef: { value: goods.income.id }, ExpenseAccountRef: { value: goods.expense.id }, AssetAccountRef: { value: goods.asset.id },
      });
    }
  });

  it('refuses to change the type of an item already in QuickBooks, saying why', async () => {
    h = await syncHarness();
    await sendItemsOut(h);
    const part = await h.call<{ id: string }>('items.create', { name: 'Typed part', type: 'inventory' });
    const labour = await h.call<{ id: string }>('items.create', { name: 'Typed labour', type: 'service' });
    const unsent = await h.call<{ id: string }>('items.create', { name: 'Typed later', type: 'inventory' });
    await h.call('items.update', { id: unsent.id, type: 'service' });
    await h.sync();
    const refused = await h.host.invoke('items.update', { id: part.id, type: 'service' });
    expect(refused).toMatchObject({ ok: false, error: { field: 'type' } });
    expect(!refused.ok && refused.error.message).toMatch(/"Typed part" is already in QuickBooks.*cannot turn quantity tracking off/);
    const refusedToo = await h.host.invoke('items.update', { id: labour.id, type: 'inventory' });
    expect(!refusedToo.ok && refusedToo.error.message).toMatch(/"Typed labour" is already in QuickBooks as a service item/);
    // Both are Inventory items in QuickBooks, so this one is allowed.
    expect((await h.host.invoke('items.update', { id: part.id, type: 'equipment' })).ok).toBe(true);
    expect((await qboItemsNamed(h, 'Typed later'))[0]).toMatchObject({ Type: 'Service' });
  });

  it('names the missing default account and sends nothing until it is chosen', async () => {
    h = await syncHarness();
    await h.settings({ directions: { items: 'localToQbo' } });
    await h.call('items.create', { name: 'Needs accounts', type: 'service' });
    const run = await h.sync();
    expect(run.status).toBe('errors');
    const errors = await h.call<{ rows: { message: string }[] }>('sync.errors', {});
    expect(errors.rows[0]?.message).toMatch(/Choose the default income.*service items in Settings/);
    await sendItemsOut(h);
    const fixed = await h.sync();
    expect(fixed.counts['items.push']?.created).toBe(1);
  });

  it('posts a batch of 30 with one bad item: 29 arrive, one error is logged', async () => {
    h = await syncHarness();
    await sendItemsOut(h);
    const taken = (((await h.dump()).Customer ?? []) as (QboRecord & { DisplayName: string })[])[0]?.DisplayName;
    // Names are unique across the name lists only for customers/vendors; an item clashes with an item.
    const existing = (((await h.dump()).Item ?? []) as (QboRecord & { Name: string })[])[0]?.Name as string;
    expect(taken).toBeDefined();
    for (let i = 0; i < 29; i++) await h.call('items.create', { name: `Batch ${String(i).padStart(2, '0')}` });
    await h.call('items.create', { name: existing });
    const run = await h.sync();
    expect(run.counts['items.push']).toMatchObject({ created: 29, failed: 1 });
    expect(await qboItemsNamed(h, 'Batch ')).toHaveLength(29);
    const errors = await h.call<{ rows: { qboCode: string | null; message: string }[] }>('sync.errors', { runId: run.id });
    expect(errors.rows).toHaveLength(1);
    expect(errors.rows[0]?.message).toMatch(/already/i);
  });

  it('sends each item of an import to QuickBooks once, and nothing again on the next sync', async () => {
    h = await syncHarness();
    await sendItemsOut(h);
    const rows = Array.from({ length: 45 }, (_, i) => ({ name: `Imported ${String(i).padStart(2, '0')}`, sku: `IMP-${i}`, type: i % 5 === 4 ? 'service' : 'inventory' }));
    const imported = await h.call<{ created: number }>('items.import', { rows });
    expect(imported.created).toBe(45);
    const run = await h.sync();
    expect(run.counts['items.push']).toMatchObject({ created: 45, failed: 0 });
    const made = await qboItemsNamed(h, 'Imported ');
    expect(made.map((i) => i.Name).sort()).toEqual(rows.map((r) => r.name));
    const again = await h.sync();
    expect(again.counts['items.push']?.created ?? 0).toBe(0);
    expect(await qboItemsNamed(h, 'Imported ')).toHaveLength(45);
  });

  it('re-reads and re-sends when someone changed the item in QuickBooks meanwhile (stale SyncToken)', async () => {
    h = await syncHarness();
    await sendItemsOut(h);
    const item = await h.call<{ id: string }>('items.create', { name: 'Stale test', priceCents: 100 });
    await h.sync();
    const [remote] = await qboItemsNamed(h, 'Stale test');
    await fetch(`${h.sb.adminUrl}/entities/Item/${remote?.Id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Description: 'edited in QuickBooks' }),
    });
    await h.call('items.update', { id: item.id, priceCents: 250 });
    const run = await h.sync();
    expect(run.counts['items.push']).toMatchObject({ updated: 1, failed: 0 });
    const [after] = await qboItemsNamed(h, 'Stale test');
    expect(after?.UnitPrice).toBe(2.5);
  });

  it('Resend All Data twice creates nothing new in QuickBooks', async () => {
    h = await syncHarness();
    await sendItemsOut(h);
    for (let i = 0; i < 5; i++) await h.call('items.create', { name: `Resend ${i}` });
    await h.sync();
    const count = ((await h.dump()).Item ?? []).length;
    const first = await h.call<{ counts: Record<string, { created: number; updated: number }> }>('sync.resendAll');
    const second = await h.call<{ counts: Record<string, { created: number; updated: number }> }>('sync.resendAll');
    expect(first.counts['items.push']?.created ?? 0).toBe(0);
    expect(second.counts['items.push']?.created ?? 0).toBe(0);
    expect(second.counts['items.push']?.updated).toBeGreaterThanOrEqual(5);
    expect(((await h.dump()).Item ?? []).length).toBe(count);
  });

  it('previews Resend All Data without writing to QuickBooks', async () => {
    h = await syncHarness();
    await sendItemsOut(h);
    await h.call('items.create', { name: 'Preview me' });
    const before = ((await h.dump()).Item ?? []).length;
    const preview = await h.call<{ lines: { label: string; action: string }[] }>('sync.preview', { mode: 'resendAll' });
    expect(preview.lines).toContainEqual(expect.objectContaining({ label: 'Preview me', action: 'create' }));
    expect(((await h.dump()).Item ?? []).length).toBe(before);
  });
});
