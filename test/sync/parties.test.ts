import { afterEach, describe, expect, it } from 'vitest';
import { admin, syncHarness, type SyncHarness } from './harness';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type QboRecord = Record<string, unknown> & { Id: string; SyncToken: string; DisplayName: string; Active?: boolean; ParentRef?: { value: string } };
interface Party { id: string; displayName: string; email: string | null; active: boolean; billingAddress: Record<string, string | null>; serviceLocations?: { name: string }[] }

const qbo = async (h: SyncHarness, entity: string) => ((await h.dump())[entity] ?? []) as QboRecord[];
const list = async (h: SyncHarness, area: 'customers' | 'vendors', active?: boolean) =>
  (await h.call<{ rows: Party[]; total: number }>(`${area}.list`, { limit: 500, ...(active === undefined ? {} : { active }) })).rows;

async function patchInQbo(h: SyncHarness, entity: string, id: string, fields: Record<string, unknown>) {
  await admin(h.sb, 'PATCH', `/entities/${entity}/${id}`, fields);
}

describe('customers and vendors QuickBooks → ShelfSync', () => {
  it('imports active and inactive customers and vendors into their own lists, sub-customers as service locations', async () => {
    h = await syncHarness();
    await h.sync();
    const customers = await qbo(h, 'Customer');
    const top = customers.filter((c) => !c.ParentRef);
    const subs = customers.filter((c) => c.ParentRef);
    expect(subs.length).toBeGreaterThan(0);
    expect(await list(h, 'customers', true)).toHaveLength(top.filter((c) => c.Active !== false).length);
    expect(await list(h, 'customers', false)).toHaveLength(top.filter((c) => c.Active === false).length);
    const vendors = await qbo(h, 'Vendor');
    expect(await list(h, 'vendors')).toHaveLength(vendors.length);
    const sub = subs[0] as QboRecord;
    const parent = top.find((c) => c.Id === sub.ParentRef?.value) as QboRecord;
    const localParent = (await list(h, 'customers')).find((c) => c.displayName === parent.DisplayName.replace(/ \(deleted\)$/, '')) as Party;
    const detail = await h.call<Party>('customers.get', { id: localParent.id });
    expect(detail.serviceLocations?.map((l) => l.name)).toContain(sub.DisplayName.replace(/ \(deleted\)$/, ''));
  });
});

describe('customers both ways', () => {
  it('sends a customer created in ShelfSync and brings back an edit made in QuickBooks', async () => {
    h = await syncHarness();
    await h.settings({ directions: { customers: 'twoWay' } });
    await h.sync();
    const made = await h.call<Party>('customers.create', {
      displayName: 'Dockside Diner',
      email: 'orders@dockside.example',
      billingAddress: { line1: '1 Pier Rd', city: 'Duluth', state: 'MN', postalCode: '55802' },
    });
    const run = await h.sync();
    expect(run.counts['customers.push']?.created).toBe(1);
    const remote = (await qbo(h, 'Customer')).find((c) => c.DisplayName === 'Dockside Diner') as QboRecord;
    expect(remote.BillAddr).toMatchObject({ Line1: '1 Pier Rd', City: 'Duluth', CountrySubDivisionCode: 'MN', PostalCode: '55802' });
    await patchInQbo(h, 'Customer', remote.Id, { PrimaryEmailAddr: { Address: 'new@dockside.example' } });
    await h.sync();
    expect((await h.call<Party>('customers.get', { id: made.id })).email).toBe('new@dockside.example');
  });

  it('when both sides changed, the latest edit wins and the other version waits in the conflict inbox', async () => {
    h = await syncHarness();
    await h.settings({ directions: { customers: 'twoWay' } });
    await h.sync();
    const local = (await list(h, 'customers', true))[0] as Party;
    const remote = (await qbo(h, 'Customer')).find((c) => c.DisplayName === local.displayName) as QboRecord;
    await h.call('customers.update', { id: local.id, phone: '555-0101' });
    // The QuickBooks edit comes later (its clock is ahead), so it wins.
    await admin(h.sb, 'POST', '/clock', { advanceSeconds: 120 });
    await patchInQbo(h, 'Customer', remote.Id, { PrimaryPhone: { FreeFormNumber: '555-0202' } });
    const run = await h.sync();
    expect(run.counts['customers.pull']?.updated).toBeGreaterThanOrEqual(1);
    expect((await h.call<{ phone: string }>('customers.get', { id: local.id })).phone).toBe('555-0202');
    const inbox = await h.call<{ rows: { id: number; winner: string; localVersion: { phone: string }; qboVersion: { phone: string } }[] }>('conflicts.list');
    expect(inbox.rows).toHaveLength(1);
    expect(inbox.rows[0]).toMatchObject({ winner: 'qbo', localVersion: { phone: '555-0101' }, qboVersion: { phone: '555-0202' } });
    // The user picks the other version: it becomes ShelfSync's and goes to QuickBooks.
    await h.call('conflicts.resolve', { id: inbox.rows[0]?.id, keep: 'other' });
    await h.sync();
    expect((await h.call<{ phone: string }>('customers.get', { id: local.id })).phone).toBe('555-0101');
    const after = (await qbo(h, 'Customer')).find((c) => c.Id === remote.Id) as QboRecord;
    expect(after.PrimaryPhone).toEqual({ FreeFormNumber: '555-0101' });
    expect((await h.call<{ rows: unknown[] }>('conflicts.list')).rows).toHaveLength(0);
  });

  it('sends a service location as a sub-customer of its customer', async () => {
    h = await syncHarness();
    await h.settings({ directions: { customers: 'localToQbo' } });
    const customer = await h.call<Party>('customers.create', { displayName: 'Harbor Foods' });
    await h.call('serviceLocations.create', { customerId: customer.id, name: 'Harbor Foods North', address: { line1: '9 North St', city: 'Duluth' } });
    await h.sync();
    const remote = await qbo(h, 'Customer');
    const parent = remote.find((c) => c.DisplayName === 'Harbor Foods') as QboRecord;
    const sub = remote.find((c) => c.DisplayName === 'Harbor Foods North');
    expect(sub).toMatchObject({ Job: true, ParentRef: { value: parent.Id } });
  });

  it('a name QuickBooks already uses for a vendor is refused with the fix named, and nothing half-written', async () => {
    h = await syncHarness();
    await h.settings({ directions: { customers: 'localToQbo' } });
    const vendorName = (await qbo(h, 'Vendor'))[0]?.DisplayName as string;
    const before = (await qbo(h, 'Customer')).length;
    await h.call('customers.create', { displayName: vendorName });
    const run = await h.sync();
    expect(run.counts['customers.push']?.failed).toBe(1);
    const errors = await h.call<{ rows: { qboCode: string; message: string }[] }>('sync.errors', { runId: run.id });
    expect(errors.rows[0]?.qboCode).toBe('6240');
    expect(errors.rows[0]?.message).toMatch(/already exists/);
    expect(errors.rows[0]?.message).toMatch(/[Rr]ename/);
    expect((await qbo(h, 'Customer')).length).toBe(before);
  });
});

describe('addresses are never rewritten unless the clerk edited them', () => {
  // Layout 3 with a blank first line and a typed city line, as seed 003 tells QuickBooks users to keep it.
  const layout3 = { Line1: '', Line2: '12 Dock Road', Line3: 'Springfield, IL, 62701' };
  const layout5 = { Line1: '40 Quay St', Line2: '', Line3: '', Line4: 'Duluth, MN 55802', Country: 'US' };

  async function importedCustomer(h: SyncHarness) {
    await h.settings({ directions: { customers: 'twoWay' } });
    const remote = (await qbo(h, 'Customer')).find((c) => !c.ParentRef && c.Active !== false) as QboRecord;
    await patchInQbo(h, 'Customer', remote.Id, { BillAddr: layout3, ShipAddr: layout5 });
    await h.sync();
    const local = (await list(h, 'customers')).find((c) => c.displayName === remote.DisplayName) as Party;
    return { remote, local };
  }

  it('a phone edit leaves the layout-3 billing address and the shipping address in QuickBooks byte for byte', async () => {
    h = await syncHarness();
    const { remote, local } = await importedCustomer(h);
    expect((await h.call<Party>('customers.get', { id: local.id })).billingAddress).toMatchObject({ line1: null, line2: '12 Dock Road', city: 'Springfield', state: 'IL', postalCode: '62701' });
    await h.call('customers.update', { id: local.id, phone: '555-0199' });
    const run = await h.sync();
    expect(run.counts['customers.push']?.updated).toBe(1);
    const after = (await qbo(h, 'Customer')).find((c) => c.Id === remote.Id) as QboRecord;
    expect(after.PrimaryPhone).toEqual({ FreeFormNumber: '555-0199' });
    expect(after.BillAddr).toEqual(layout3);
    expect(after.ShipAddr).toEqual(layout5);
    expect(after.DisplayName).toBe(remote.DisplayName);
  });

  it('an address edit goes back in the layout it came in; the untouched address and country stay as QuickBooks had them', async () => {
    h = await syncHarness();
    const { remote, local } = await importedCustomer(h);
    const detail = await h.call<{ shippingAddress: Record<string, string | null> }>('customers.get', { id: local.id });
    expect(detail.shippingAddress.country).toBe('USA');
    await h.call('customers.update', { id: local.id, billingAddress: { line2: '14 Dock Road', city: 'Springfield', state: 'IL', postalCode: '62702' } });
    await h.call('customers.update', { id: local.id, shippingAddress: { ...detail.shippingAddress, line1: '42 Quay St' } });
    await h.sync();
    const after = (await qbo(h, 'Customer')).find((c) => c.Id === remote.Id) as QboRecord;
    expect(after.BillAddr).toEqual({ Line1: '', Line2: '14 Dock Road', Line3: 'Springfield, IL, 62702' });
    expect(after.ShipAddr).toEqual({ ...layout5, Line1: '42 Quay St' });
  });

  it('a vendor edit and a service location edit send only what changed, addresses in their layout', async () => {
    h = await syncHarness();
    const vendor = (await qbo(h, 'Vendor'))[0] as QboRecord;
    await patchInQbo(h, 'Vendor', vendor.Id, { BillAddr: layout5 });
    const sub = (await qbo(h, 'Customer')).find((c) => c.ParentRef && c.Active !== false) as QboRecord;
    await patchInQbo(h, 'Customer', sub.Id, { ShipAddr: layout3 });
    await h.sync();
    await h.settings({ directions: { vendors: 'localToQbo', customers: 'twoWay' } });
    const localVendor = (await list(h, 'vendors')).find((v) => v.displayName === vendor.DisplayName) as Party;
    await h.call('vendors.update', { id: localVendor.id, email: 'ap@vendor.example' });
    const parent = (await list(h, 'customers')).find((c) => c.displayName === (sub.FullyQualifiedName as string).split(':')[0]) as Party;
    const location = (await h.call<{ serviceLocations: { id: string; name: string; address: Record<string, string | null> }[] }>('customers.get', { id: parent.id })).serviceLocations.find((l) => l.name === sub.DisplayName);
    if (!location) throw new Error('the sub-customer was not imported as a service location');
    await h.call('serviceLocations.update', { id: location.id, name: `${sub.DisplayName} Yard` });
    await h.sync();
    const vendorAfter = (await qbo(h, 'Vendor')).find((v) => v.Id === vendor.Id) as QboRecord;
    expect(vendorAfter.PrimaryEmailAddr).toEqual({ Address: 'ap@vendor.example' });
    expect(vendorAfter.BillAddr).toEqual(layout5);
    let subAfter = (await qbo(h, 'Customer')).find((c) => c.Id === sub.Id) as QboRecord;
    expect(subAfter.DisplayName).toBe(`${sub.DisplayName} Yard`);
    expect(subAfter.ShipAddr).toEqual(layout3);
    await h.call('serviceLocations.update', { id: location.id, address: { ...location.address, line2: '16 Dock Road' } });
    await h.sync();
    subAfter = (await qbo(h, 'Customer')).find((c) => c.Id === sub.Id) as QboRecord;
    expect(subAfter.ShipAddr).toEqual({ ...layout3, Line2: '16 Dock Road' });
  });
});
