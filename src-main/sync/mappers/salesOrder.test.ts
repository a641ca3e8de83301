import { describe, expect, it } from 'vitest';
import { estimateItemLines, isOpenEstimate, processedInQuickBooks, sameOrder, siteForEstimate } from './salesOrder';

const estimate = {
  TxnStatus: 'Pending',
  DepartmentRef: { value: '2', name: 'East Annex' },
  Line: [
    { Id: '1', DetailType: 'SalesItemLineDetail', Amount: 30, SalesItemLineDetail: { ItemRef: { value: '11', name: 'Bolt' }, Qty: 3, UnitPrice: 10 } },
    { Id: '2', DetailType: 'DescriptionOnly', Description: 'Deliver to the dock' },
    { Id: '3', DetailType: 'DiscountLineDetail', Amount: 3, DiscountLineDetail: { PercentBased: true, DiscountPercent: 10 } },
    { Id: '4', DetailType: 'SalesItemLineDetail', Amount: 5, SalesItemLineDetail: { ItemRef: { value: '12' }, Qty: 2 } },
    { Id: '5', DetailType: 'SalesItemLineDetail', Amount: 0, SalesItemLineDetail: { ItemRef: { value: '13' }, Qty: 0 } },
    { DetailType: 'SubTotalLineDetail', Amount: 35, SubTotalLineDetail: {} },
  ],
};

const sites = [
  { id: 'main', name: 'Main', qboLocationRef: null },
  { id: 'east', name: 'East', qboLocationRef: '2' },
];

describe('QuickBooks sales orders → picking orders', () => {
  it('takes only item lines with something to pick, and prices a line without UnitPrice from its amount', () => {
    expect(estimateItemLines(estimate)).toEqual([
      { lineId: '1', qboItemId: '11', itemName: 'Bolt', units: 30_000, unitPriceCents: 1000 },
      { lineId: '4', qboItemId: '12', itemName: '12', units: 20_000, unitPriceCents: 250 },
    ]);
  });

  it('imports Pending and Accepted estimates only', () => {
    expect(['Pending', 'Accepted', 'Closed', 'Rejected'].map((s) => isOpenEstimate({ TxnStatus: s }))).toEqual([true, true, false, false]);
  });

  it('with Multiple Sites needs the estimate’s location to be exactly one site’s', () => {
    expect(siteForEstimate(estimate, sites, false)).toEqual({ ok: true, siteId: undefined });
    expect(siteForEstimate(estimate, sites, true)).toEqual({ ok: true, siteId: 'east' });
    const reason = (choice: ReturnType<typeof siteForEstimate>) => (choice.ok ? '' : choice.reason);
    expect(reason(siteForEstimate({ ...estimate, DepartmentRef: undefined }, sites, true))).toMatch(/no location/);
    expect(reason(siteForEstimate({ ...estimate, DepartmentRef: { value: '9' } }, sites, true))).toMatch(/not mapped to any ShelfSync site/);
    const twice = [...sites, { id: 'east2', name: 'East 2', qboLocationRef: '2' }];
    expect(reason(siteForEstimate(estimate, twice, true))).toMatch(/two sites/);
  });

  it('with Multiple Sites takes each line’s class as its site, and refuses an order whose lines are on two sites', () => {
    const classSites = [...sites, { id: 'yard', name: 'Yard', qboLocationRef: 'class:7' }, { id: 'dock', name: 'Dock', qboLocationRef: 'class:8' }];
    const withClasses = (a: string, b: string) => ({
      ...estimate,
      Line: estimate.Line.map((l) =>
        l.DetailType === 'SalesItemLineDetail' ? { ...l, SalesItemLineDetail: { ...l.SalesItemLineDetail, ClassRef: { value: l.Id === '1' ? a : b } } } : l,
      ),
    });
    expect(siteForEstimate(withClasses('7', '7'), classSites, true)).toEqual({ ok: true, siteId: 'yard' });
    const split = siteForEstimate(withClasses('7', '8'), classSites, true);
    expect(split.ok).toBe(false);
    expect(!split.ok && split.reason).toMatch(/lines are on 2 sites \(Yard, Dock\)/);
  });

  it('tells our own invoice from one made in QuickBooks', () => {
    const closed = { TxnStatus: 'Closed', LinkedTxn: [{ TxnId: '50', TxnType: 'Invoice' }] };
    expect(processedInQuickBooks(closed, () => 'ours')).toBeNull();
    expect(processedInQuickBooks(closed, () => 'undecided')).toBeNull();
    expect(processedInQuickBooks(closed, () => 'foreign')).toMatch(/processed in QuickBooks \(invoice 50\)/);
    expect(processedInQuickBooks({ TxnStatus: 'Rejected' }, () => 'ours')).toMatch(/Rejected/);
    expect(processedInQuickBooks({ status: 'Deleted' }, () => 'ours')).toMatch(/deleted/);
    expect(processedInQuickBooks({ TxnStatus: 'Accepted' }, () => 'foreign')).toBeNull();
  });

  it('compares customer, site and lines', () => {
    const a = { customerId: 'c', serviceLocationId: null, siteId: 's', lines: [{ itemId: 'i', qty: '3', qboLineRef: '1' }] };
    expect(sameOrder(a, { ...a })).toBe(true);
    expect(sameOrder(a, { ...a, lines: [{ itemId: 'i', qty: '4', qboLineRef: '1' }] })).toBe(false);
    expect(sameOrder(a, { ...a, customerId: 'd' })).toBe(false);
  });
});
