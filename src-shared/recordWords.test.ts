import { describe, expect, it } from 'vitest';
import { recordKindWords } from './recordWords';

describe('record kinds in words', () => {
  it('calls QuickBooks sales orders estimates, since QuickBooks Online has only estimates', () => {
    expect(recordKindWords('salesOrders')).toBe('QuickBooks estimates → picking orders');
    expect(recordKindWords('salesOrders.pull')).toBe('QuickBooks estimates → picking orders');
    expect(recordKindWords('countPush')).toBe('Full count push');
    expect(recordKindWords('items:Item')).toBe('Items');
  });

  it('never shows a camel-case engine name for a kind it knows', () => {
    for (const key of ['purchaseOrders', 'serviceLocation', 'purchaseOrderLine', 'salesOrder']) expect(recordKindWords(key).replace('QuickBooks', '')).not.toMatch(/[a-z][A-Z]/);
  });
});
