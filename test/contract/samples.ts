/**
 * For every request of the contract: inputs that must be accepted, and bad inputs with the field the
 * error must name. The type makes a new request without samples fail to compile.
 */
import type { RequestName } from '../../src-shared/ipc';

export interface Samples {
  valid: unknown[];
  invalid: { input: unknown; field: string }[];
}

export const samples: Record<RequestName, Samples> = {
  'app.info': { valid: [{}], invalid: [] },
  'app.print': {
    valid: [{}, { pdf: true }, { pdf: false }, { pdf: true, name: 'pick-list-SO-1001.pdf' }],
    invalid: [
      { input: { pdf: 'yes' }, field: 'pdf' },
      { input: { pdf: true, name: '' }, field: 'name' },
      { input: { pdf: true, name: '../etc/passwd' }, field: 'name' },
      { input: { printer: 'office' }, field: 'printer' },
    ],
  },
  'app.chooseFile': { valid: [{ purpose: 'backup' }, { purpose: 'restore' }], invalid: [{ input: {}, field: 'purpose' }, { input: { purpose: 'print' }, field: 'purpose' }] },
  'settings.get': { valid: [{}], invalid: [] },
  'settings.update': {
    valid: [
      {},
      { syncIntervalMinutes: 1 },
      { syncIntervalMinutes: 1440, autoSync: false },
      { directions: { customers: 'twoWay' } },
      { defaultAccounts: { inventory: { income: { id: '79', name: 'Sales of Product Income' } } } },
      { manualPosting: true, partialInvoices: true, multipleSites: true, postOrdersAs: 'salesReceipt' },
    ],
    invalid: [
      { input: { syncIntervalMinutes: 0 }, field: 'syncIntervalMinutes' },
      { input: { syncIntervalMinutes: 1441 }, field: 'syncIntervalMinutes' },
      { input: { syncIntervalMinutes: 1.5 }, field: 'syncIntervalMinutes' },
      { input: { syncIntervalMinutes: '15' }, field: 'syncIntervalMinutes' },
      { input: { syncIntervalMinutes: null }, field: 'syncIntervalMinutes' },
      { input: { manualPosting: 'yes' }, field: 'manualPosting' },
      { input: { postOrdersAs: 'creditMemo' }, field: 'postOrdersAs' },
      { input: { directions: { invoices: 'qboToLocal' } }, field: 'directions.invoices' },
      { input: { directions: { items: 'twoWay' } }, field: 'directions.items' },
      { input: { defaultAccounts: { inventory: { income: { id: '', name: 'x' } } } }, field: 'defaultAccounts.inventory.income.id' },
      { input: { colour: 'blue' }, field: 'colour' },
    ],
  },
  'connection.status': { valid: [{}], invalid: [] },
  'connection.connect': {
    valid: [{}, { sandboxUrl: 'http://127.0.0.1:4010' }, { sandboxUrl: 'https://sandbox.example.com/qbo' }],
    invalid: [
      { input: { sandboxUrl: 'not a url' }, field: 'sandboxUrl' },
      { input: { sandboxUrl: 'ftp://127.0.0.1/' }, field: 'sandboxUrl' },
      { input: { sandboxUrl: 42 }, field: 'sandboxUrl' },
    ],
  },
  'connection.cancel': { valid: [{}], invalid: [] },
  'connection.disconnect': { valid: [{}], invalid: [] },
  'practice.reset': { valid: [{}], invalid: [] },
  'accounts.list': {
    valid: [{}, { types: ['Income'] }, { types: ['Income', 'Cost of Goods Sold', 'Other Current Asset'] }],
    invalid: [
      { input: { types: 'Income' }, field: 'types' },
      { input: { types: [''] }, field: 'types.0' },
    ],
  },
  'sync.now': { valid: [{}], invalid: [] },
  'sync.resendAll': { valid: [{}], invalid: [] },
  'sync.status': { valid: [{}], invalid: [] },
  'sync.preview': {
    valid: [{}, { mode: 'next' }, { mode: 'resendAll' }],
    invalid: [{ input: { mode: 'everything' }, field: 'mode' }],
  },
  'sync.history': {
    valid: [{}, { limit: 500, offset: 10 }],
    invalid: [
      { input: { limit: 0 }, field: 'limit' },
      { input: { limit: 501 }, field: 'limit' },
      { input: { offset: -1 }, field: 'offset' },
    ],
  },
  'sync.errors': {
    valid: [{}, { runId: 3, level: 'error' }, { level: 'warning', limit: 10 }],
    invalid: [
      { input: { runId: 0 }, field: 'runId' },
      { input: { level: 'fatal' }, field: 'level' },
    ],
  },
  'sync.exportErrors': { valid: [{}, { runId: 1 }], invalid: [{ input: { runId: 'last' }, field: 'runId' }] },
  'sync.pause': {
    valid: [{ paused: true }, { paused: false }],
    invalid: [
      { input: {}, field: 'paused' },
      { input: { paused: 'yes' }, field: 'paused' },
    ],
  },
  'sync.pushCounts': { valid: [{}], invalid: [] },
  'locations.list': { valid: [{}], invalid: [] },
  'sites.update': {
    valid: [{ id: 'main', name: 'Front warehouse' }, { id: 'main', qboLocationRef: '2' }, { id: 'main', qboLocationRef: null }, { id: 'main', active: true }],
    invalid: [
      { input: { id: 'main', active: 'no' }, field: 'active' },
      { input: { name: 'x' }, field: 'id' },
      { input: { id: 'main', name: '' }, field: 'name' },
      { input: { id: 'main', qboLocationRef: 'x'.repeat(21) }, field: 'qboLocationRef' },
    ],
  },
  'sync.drift': { valid: [{}], invalid: [] },
  'valuation.lines': {
    valid: [{}, { siteId: 'main', search: 'bolt', sort: 'onHand', direction: 'asc', limit: 50, offset: 50 }, { sort: 'sku' }],
    invalid: [
      { input: { sort: 'colour' }, field: 'sort' },
      { input: { direction: 'up' }, field: 'direction' },
      { input: { siteId: '' }, field: 'siteId' },
      { input: { limit: 501 }, field: 'limit' },
    ],
  },
  'valuation.get': {
    valid: [{}, { lines: 0 }, { lines: 500 }],
    invalid: [
      { input: { lines: 501 }, field: 'lines' },
      { input: { lines: 2.5 }, field: 'lines' },
    ],
  },
  'sync.fixDrift': {
    valid: [{}, { itemIds: ['a', 'b'] }],
    invalid: [
      { input: { itemIds: 'a' }, field: 'itemIds' },
      { input: { itemIds: [''] }, field: 'itemIds.0' },
    ],
  },
  'conflicts.list': {
    valid: [{}, { open: false, limit: 10 }],
    invalid: [{ input: { open: 'yes' }, field: 'open' }],
  },
  'conflicts.resolve': {
    valid: [{ id: 1, keep: 'winner' }, { id: 2, keep: 'other' }],
    invalid: [
      { input: { keep: 'other' }, field: 'id' },
      { input: { id: 1, keep: 'both' }, field: 'keep' },
    ],
  },
  'sites.list': { valid: [{}, { active: true }, { active: false }], invalid: [{ input: { active: 'yes' }, field: 'active' }] },
  'sites.create': {
    valid: [{ name: 'North yard' }, { name: 'Van 2', qboLocationRef: '3' }],
    invalid: [
      { input: {}, field: 'name' },
      { input: { name: '  ' }, field: 'name' },
      { input: { name: 'x'.repeat(101) }, field: 'name' },
    ],
  },
  'items.list': {
    valid: [
      {},
      { search: 'bolt', siteId: 'main', type: 'inventory', active: true, sort: 'onHand', direction: 'desc', limit: 500, offset: 100 },
      { belowReorderPoint: true },
    ],
    invalid: [
      { input: { limit: 501 }, field: 'limit' },
      { input: { limit: 0 }, field: 'limit' },
      { input: { offset: -1 }, field: 'offset' },
      { input: { type: 'gadget' }, field: 'type' },
      { input: { sort: 'colour' }, field: 'sort' },
      { input: { search: 'x'.repeat(101) }, field: 'search' },
    ],
  },
  'items.get': { valid: [{ id: 'a1' }], invalid: [{ input: {}, field: 'id' }, { input: { id: 7 }, field: 'id' }] },
  'items.create': {
    valid: [
      { name: 'Hex bolt M8' },
      {
        name: 'Pallet wrap',
        sku: 'PW-500',
        barcodes: ['5012345678900', 'PW500'],
        description: '500 mm, 23 µm',
        type: 'inventory',
        unit: 'roll',
        costCents: 1250,
        priceCents: 1999,
        reorderPoint: '12.5',
        active: true,
        incomeAccountRef: { id: '79', name: 'Sales of Product Income' },
        expenseAccountRef: null,
      },
      { name: 'Delivery', type: 'service', priceCents: 2500 },
    ],
    invalid: [
      { input: {}, field: 'name' },
      { input: { name: 'x'.repeat(101) }, field: 'name' },
      { input: { name: 'Parts:Bolts' }, field: 'name' },
      { input: { name: 'Bolt', sku: 'x'.repeat(101) }, field: 'sku' },
      { input: { name: 'Bolt', type: 'gadget' }, field: 'type' },
      { input: { name: 'Bolt', costCents: 12.5 }, field: 'costCents' },
      { input: { name: 'Bolt', priceCents: -1 }, field: 'priceCents' },
      { input: { name: 'Bolt', reorderPoint: 5 }, field: 'reorderPoint' },
      { input: { name: 'Bolt', reorderPoint: '1.23456' }, field: 'reorderPoint' },
      { input: { name: 'Bolt', reorderPoint: '-1' }, field: 'reorderPoint' },
      { input: { name: 'Bolt', barcodes: ['1', '1'] }, field: 'barcodes' },
      { input: { name: 'Bolt', barcodes: [''] }, field: 'barcodes.0' },
      { input: { name: 'Bolt', barcodes: ['12\t3'] }, field: 'barcodes.0' },
    ],
  },
  'items.import': {
    valid: [
      { rows: [{ name: 'Hex bolt M8' }] },
      { rows: [{ name: 'Hex nut M8', sku: 'HN-8', barcodes: ['5012345678924'] }, { name: 'Delivery', type: 'service' }], firstRow: 2 },
      // Rows are checked by the service, row by row, so a bad row passes the contract and is refused by name.
      { rows: [{ name: '' }] },
    ],
    invalid: [
      { input: {}, field: 'rows' },
      { input: { rows: [] }, field: 'rows' },
      { input: { rows: Array.from({ length: 1001 }, (_, i) => ({ name: `Part ${i}` })) }, field: 'rows' },
      { input: { rows: [{ name: 'Bolt' }], firstRow: 0 }, field: 'firstRow' },
      { input: { rows: [{ name: 'Bolt' }], firstRow: 1.5 }, field: 'firstRow' },
      { input: { rows: [{ name: 'Bolt' }], sheet: 'a.csv' }, field: 'sheet' },
    ],
  },
  'items.update': {
    valid: [{ id: 'a1' }, { id: 'a1', name: 'Hex bolt M10', barcodes: [] }, { id: 'a1', active: false, sku: null }],
    invalid: [
      { input: { name: 'x' }, field: 'id' },
      { input: { id: 'a1', name: '' }, field: 'name' },
      { input: { id: 'a1', name: 'a:b' }, field: 'name' },
      { input: { id: 'a1', unit: 'x'.repeat(21) }, field: 'unit' },
    ],
  },
  'items.deactivate': { valid: [{ id: 'a1' }], invalid: [{ input: {}, field: 'id' }] },
  'items.findByBarcode': {
    valid: [{ barcode: '5012345678900' }],
    invalid: [
      { input: {}, field: 'barcode' },
      { input: { barcode: '' }, field: 'barcode' },
      { input: { barcode: 'x'.repeat(65) }, field: 'barcode' },
    ],
  },
  'stock.adjust': {
    valid: [
      { itemId: 'a1', qtyDiff: '-2', reason: 'damaged' },
      { itemId: 'a1', siteId: 'main', qtyDiff: '0.0001', reason: 'found', note: 'behind rack', by: 'Sam' },
    ],
    invalid: [
      { input: { qtyDiff: '1', reason: 'found' }, field: 'itemId' },
      { input: { itemId: 'a1', qtyDiff: '0', reason: 'found' }, field: 'qtyDiff' },
      { input: { itemId: 'a1', qtyDiff: 3, reason: 'found' }, field: 'qtyDiff' },
      { input: { itemId: 'a1', qtyDiff: '1.23456', reason: 'found' }, field: 'qtyDiff' },
      { input: { itemId: 'a1', qtyDiff: '1e3', reason: 'found' }, field: 'qtyDiff' },
      { input: { itemId: 'a1', qtyDiff: '1' }, field: 'reason' },
      { input: { itemId: 'a1', qtyDiff: '1', reason: ' ' }, field: 'reason' },
    ],
  },
  'stock.transfer': {
    valid: [{ itemId: 'a1', fromSiteId: 'main', toSiteId: 's2', qty: '5' }],
    invalid: [
      { input: { itemId: 'a1', fromSiteId: 'main', toSiteId: 'main', qty: '5' }, field: 'toSiteId' },
      { input: { itemId: 'a1', fromSiteId: 'main', toSiteId: 's2', qty: '-5' }, field: 'qty' },
      { input: { itemId: 'a1', fromSiteId: 'main', toSiteId: 's2', qty: '0' }, field: 'qty' },
      { input: { itemId: 'a1', toSiteId: 's2', qty: '5' }, field: 'fromSiteId' },
    ],
  },
  'stock.movements': {
    valid: [{}, { itemId: 'a1', siteId: 'main', kind: 'pick', documentType: 'order', documentId: 'o1', limit: 10 }, { sort: 'balanceAfter' }, { sort: 'why', direction: 'asc' }, { sort: 'bin' }],
    invalid: [
      { input: { kind: 'theft' }, field: 'kind' },
      { input: { sort: 'then' }, field: 'sort' },
      { input: { limit: 1000 }, field: 'limit' },
    ],
  },
  'stock.history': {
    valid: [{ itemId: 'a1' }, { itemId: 'a1', siteId: 'main', from: '2026-01-01', to: '2026-03-31' }, { itemId: 'a1', from: '2026-02-01', to: '2026-02-01' }],
    invalid: [
      { input: {}, field: 'itemId' },
      { input: { itemId: 'a1', from: '2026-13-01' }, field: 'from' },
      { input: { itemId: 'a1', to: 'yesterday' }, field: 'to' },
      { input: { itemId: 'a1', from: '2026-03-01', to: '2026-02-01' }, field: 'to' },
      { input: { itemId: 'a1', siteId: '' }, field: 'siteId' },
    ],
  },
  'counts.start': {
    valid: [{}, { siteId: 'main', itemIds: ['a1', 'a2'], note: 'Aisle 3', by: 'Sam' }],
    invalid: [
      { input: { itemIds: [] }, field: 'itemIds' },
      { input: { itemIds: 'a1' }, field: 'itemIds' },
      { input: { itemIds: [''] }, field: 'itemIds.0' },
    ],
  },
  'counts.enter': {
    valid: [
      { countId: 'c1', itemId: 'a1', counted: '12' },
      { countId: 'c1', barcode: '5012345678900', counted: '1', add: true },
      { countId: 'c1', barcode: '5012345678900', counted: '1', add: true, binCode: 'A-03-2' },
      { countId: 'c1', itemId: 'a1', counted: '0', binCode: 'A-03-2' },
    ],
    invalid: [
      { input: { countId: 'c1', counted: '1' }, field: 'itemId' },
      { input: { countId: 'c1', itemId: 'a1', barcode: '1', counted: '1' }, field: 'itemId' },
      { input: { countId: 'c1', itemId: 'a1', counted: '-1' }, field: 'counted' },
      { input: { countId: 'c1', itemId: 'a1', counted: '1', binCode: '' }, field: 'binCode' },
      { input: { countId: 'c1', itemId: 'a1' }, field: 'counted' },
      { input: { itemId: 'a1', counted: '1' }, field: 'countId' },
    ],
  },
  'counts.bin': {
    valid: [{ countId: 'c1', binCode: 'A-03-2' }],
    invalid: [{ input: { countId: 'c1' }, field: 'binCode' }, { input: { countId: 'c1', binCode: '#1' }, field: 'binCode' }, { input: { binCode: 'A-1' }, field: 'countId' }],
  },
  'counts.finishBin': {
    valid: [{ countId: 'c1', binCode: 'A-03-2' }, { countId: 'c1', binCode: 'A-03-2', zeroItemIds: ['a1', 'a2'], by: 'Sam' }],
    invalid: [
      { input: { countId: 'c1', binCode: 'A-1', zeroItemIds: 'a1' }, field: 'zeroItemIds' },
      { input: { countId: 'c1', binCode: 'A-1', zeroItemIds: [''] }, field: 'zeroItemIds.0' },
      { input: { countId: 'c1', binCode: '' }, field: 'binCode' },
    ],
  },
  'counts.post': { valid: [{ countId: 'c1' }, { countId: 'c1', by: 'Sam' }], invalid: [{ input: {}, field: 'countId' }] },
  'counts.get': {
    valid: [{ id: 'c1' }, { id: 'c1', limit: 500, offset: 500 }],
    invalid: [{ input: {}, field: 'id' }, { input: { id: 'c1', limit: 501 }, field: 'limit' }],
  },
  'counts.list': {
    valid: [{}, { status: 'open' }, { status: 'posted', siteId: 's1', limit: 20, offset: 20 }],
    invalid: [{ input: { status: 'closed' }, field: 'status' }, { input: { limit: 0 }, field: 'limit' }, { input: { siteId: '' }, field: 'siteId' }],
  },
  ...partySamples('customers'),
  'serviceLocations.create': {
    valid: [{ customerId: 'k1', name: 'Depot' }, { customerId: 'k1', name: 'Depot', address: { line1: '1 Quay St', city: 'Leeds' } }],
    invalid: [
      { input: { name: 'Depot' }, field: 'customerId' },
      { input: { customerId: 'k1', name: 'x'.repeat(101) }, field: 'name' },
      { input: { customerId: 'k1', name: 'Depot', address: { street: 'x' } }, field: 'address.street' },
    ],
  },
  'serviceLocations.update': {
    valid: [{ id: 'l1' }, { id: 'l1', name: 'Depot 2', active: false, address: null }],
    invalid: [
      { input: { name: 'x' }, field: 'id' },
      { input: { id: 'l1', name: '' }, field: 'name' },
      { input: { id: 'l1', address: { postalCode: 'x'.repeat(31) } }, field: 'address.postalCode' },
    ],
  },
  ...partySamples('vendors'),
  'orders.list': {
    valid: [{}, { search: '1001', status: 'picking', customerId: 'k1', siteId: 'main', source: 'qbo', outOfSync: true, sort: 'number' }, { sort: 'flags', direction: 'desc' }],
    invalid: [
      { input: { status: 'shipped' }, field: 'status' },
      { input: { source: 'email' }, field: 'source' },
    ],
  },
  'orders.get': { valid: [{ id: 'o1' }], invalid: [{ input: {}, field: 'id' }] },
  'orders.create': {
    valid: [
      { customerId: 'k1', lines: [{ itemId: 'a1', qty: '2' }] },
      {
        number: '1001',
        customerId: 'k1',
        siteId: 'main',
        serviceLocationId: 'l1',
        shipTo: { line1: '1 Quay St', city: 'Leeds', postalCode: 'LS1 4AP' },
        note: 'Leave at gate',
        lines: [{ itemId: 'a1', qty: '2.5', qboLineRef: '1' }],
      },
    ],
    invalid: [
      { input: { customerId: 'k1', lines: [] }, field: 'lines' },
      { input: { lines: [{ itemId: 'a1', qty: '1' }] }, field: 'customerId' },
      { input: { customerId: 'k1', lines: [{ itemId: 'a1', qty: '0' }] }, field: 'lines.0.qty' },
      { input: { customerId: 'k1', lines: [{ itemId: 'a1' }] }, field: 'lines.0.qty' },
      { input: { number: 'x'.repeat(22), customerId: 'k1', lines: [{ itemId: 'a1', qty: '1' }] }, field: 'number' },
    ],
  },
  'orders.pick': {
    valid: [
      { orderId: 'o1', itemId: 'a1', qty: '1' },
      { orderId: 'o1', barcode: '5012345678900', qty: '1', by: 'Sam' },
      { orderId: 'o1', lineId: 'l1', qty: '0.5' },
    ],
    invalid: [
      { input: { orderId: 'o1', qty: '1' }, field: 'itemId' },
      { input: { orderId: 'o1', itemId: 'a1', lineId: 'l1', qty: '1' }, field: 'itemId' },
      { input: { orderId: 'o1', itemId: 'a1', qty: '-1' }, field: 'qty' },
      { input: { itemId: 'a1', qty: '1' }, field: 'orderId' },
    ],
  },
  'orders.update': {
    valid: [{ id: 'o1', customerId: 'k1', lines: [{ itemId: 'a1', qty: '2' }] }, { id: 'o1', customerId: 'k1', siteId: 's2', note: null, lines: [{ itemId: 'a1', qty: '1.5' }] }],
    invalid: [
      { input: { customerId: 'k1', lines: [{ itemId: 'a1', qty: '2' }] }, field: 'id' },
      { input: { id: 'o1', customerId: 'k1', lines: [] }, field: 'lines' },
      { input: { id: 'o1', number: 'SO-9', customerId: 'k1', lines: [{ itemId: 'a1', qty: '2' }] }, field: 'number' },
    ],
  },
  'orders.close': {
    valid: [{ orderId: 'o1' }, { orderId: 'o1', reason: 'Customer took the rest elsewhere', by: 'Sam' }],
    invalid: [{ input: {}, field: 'orderId' }, { input: { orderId: 'o1', reason: 'x'.repeat(4001) }, field: 'reason' }],
  },
  'orders.settleInQuickBooks': {
    valid: [{ orderId: 'o1' }, { orderId: 'o1', reason: 'Invoiced in QuickBooks by the office', by: 'Sam' }],
    invalid: [{ input: {}, field: 'orderId' }, { input: { orderId: 'o1', reason: 'x'.repeat(4001) }, field: 'reason' }],
  },
  'orders.post': {
    valid: [{}, { orderId: 'o1' }],
    invalid: [{ input: { orderId: '' }, field: 'orderId' }],
  },
  'purchaseOrders.list': {
    valid: [{}, { status: 'partiallyReceived', vendorId: 'v1', siteId: 'main', needsResync: true, sort: 'expectedDate' }, { sort: 'sync' }],
    invalid: [{ input: { status: 'lost' }, field: 'status' }],
  },
  'purchaseOrders.get': { valid: [{ id: 'p1' }], invalid: [{ input: {}, field: 'id' }] },
  'purchaseOrders.create': {
    valid: [
      { vendorId: 'v1', lines: [{ itemId: 'a1', qty: '10' }] },
      { number: 'PO-7', vendorId: 'v1', siteId: 'main', expectedDate: '2026-04-01', lines: [{ itemId: 'a1', qty: '10', unitCostCents: 125 }] },
    ],
    invalid: [
      { input: { vendorId: 'v1', lines: [] }, field: 'lines' },
      { input: { lines: [{ itemId: 'a1', qty: '1' }] }, field: 'vendorId' },
      { input: { vendorId: 'v1', lines: [{ itemId: 'a1', qty: '1', unitCostCents: 1.5 }] }, field: 'lines.0.unitCostCents' },
      { input: { vendorId: 'v1', expectedDate: '01/04/2026', lines: [{ itemId: 'a1', qty: '1' }] }, field: 'expectedDate' },
    ],
  },
  'purchaseOrders.update': {
    valid: [{ id: 'p1' }, { id: 'p1', note: 'Call before delivery', lines: [{ id: 'pl1', itemId: 'a1', qty: '12' }] }],
    invalid: [
      { input: { note: 'x' }, field: 'id' },
      { input: { id: 'p1', lines: [{ itemId: 'a1', qty: 'ten' }] }, field: 'lines.0.qty' },
    ],
  },
  'purchaseOrders.post': { valid: [{ id: 'p1' }], invalid: [{ input: {}, field: 'id' }] },
  'purchaseOrders.receive': {
    valid: [
      { purchaseOrderId: 'p1' },
      { purchaseOrderId: 'p1', lines: [{ itemId: 'a1', qty: '4' }, { barcode: '5012345678900', qty: '1' }, { lineId: 'pl1', qty: '1' }] },
      { purchaseOrderId: 'p1', binCode: 'A-03-2' },
    ],
    invalid: [
      { input: {}, field: 'purchaseOrderId' },
      { input: { purchaseOrderId: 'p1', binCode: '' }, field: 'binCode' },
      { input: { purchaseOrderId: 'p1', lines: [] }, field: 'lines' },
      { input: { purchaseOrderId: 'p1', lines: [{ qty: '1' }] }, field: 'lines.0.itemId' },
      { input: { purchaseOrderId: 'p1', lines: [{ itemId: 'a1', qty: '0' }] }, field: 'lines.0.qty' },
    ],
  },
  'purchaseOrders.close': { valid: [{ id: 'p1' }], invalid: [{ input: {}, field: 'id' }] },
  'exports.csv': {
    valid: [{ list: 'items' }, { list: 'lowStock', filter: { siteId: 'main' }, sort: 'suggested', direction: 'desc' }, { list: 'valuation', sort: 'value' }],
    invalid: [
      { input: {}, field: 'list' },
      { input: { list: 'bins' }, field: 'list' },
      { input: { list: 'items', filter: 'bolt' }, field: 'filter' },
      { input: { list: 'items', direction: 'up' }, field: 'direction' },
    ],
  },
  'bins.list': { valid: [{ siteId: 'main' }], invalid: [{ input: {}, field: 'siteId' }] },
  'bins.create': {
    valid: [{ siteId: 'main', code: 'A-03-2' }, { siteId: 'main', code: 'Cold room 1/B' }],
    invalid: [
      { input: { siteId: 'main', code: '' }, field: 'code' },
      { input: { siteId: 'main', code: '-A' }, field: 'code' },
      { input: { siteId: 'main', code: 'A'.repeat(33) }, field: 'code' },
      { input: { code: 'A-1' }, field: 'siteId' },
    ],
  },
  'bins.assign': {
    valid: [{ itemId: 'a1', siteId: 'main', code: 'A-03-2' }, { itemId: 'a1', siteId: 'main', code: 'b-1', primary: false }],
    invalid: [
      { input: { itemId: 'a1', siteId: 'main' }, field: 'code' },
      { input: { itemId: 'a1', siteId: 'main', code: 'A-1', primary: 'yes' }, field: 'primary' },
    ],
  },
  'bins.forItem': { valid: [{ itemId: 'a1' }], invalid: [{ input: {}, field: 'itemId' }] },
  'bins.pickList': { valid: [{ orderId: 'o1' }], invalid: [{ input: {}, field: 'orderId' }] },
  'print.pickList': { valid: [{ orderId: 'o1' }], invalid: [{ input: {}, field: 'orderId' }, { input: { orderId: 7 }, field: 'orderId' }] },
  'print.packingSlip': { valid: [{ orderId: 'o1' }], invalid: [{ input: {}, field: 'orderId' }] },
  'print.purchaseOrder': { valid: [{ purchaseOrderId: 'p1' }], invalid: [{ input: {}, field: 'purchaseOrderId' }, { input: { id: 'p1' }, field: 'purchaseOrderId' }] },
  'print.countSheet': {
    valid: [{ siteId: 'main' }, { siteId: 'main', blind: true }, { siteId: 'main', binCode: 'A-03-2', blind: false }],
    invalid: [
      { input: {}, field: 'siteId' },
      { input: { siteId: 'main', blind: 'yes' }, field: 'blind' },
      { input: { siteId: 'main', binCode: '' }, field: 'binCode' },
      { input: { siteId: 'main', binCode: '#1' }, field: 'binCode' },
    ],
  },
  'print.itemLabels': {
    valid: [{ itemIds: ['a1'] }, { itemIds: ['a1', 'a2'], siteId: 'main', copies: 3 }],
    invalid: [
      { input: {}, field: 'itemIds' },
      { input: { itemIds: [] }, field: 'itemIds' },
      { input: { itemIds: [''] }, field: 'itemIds.0' },
      { input: { itemIds: ['a1'], copies: 0 }, field: 'copies' },
      { input: { itemIds: ['a1'], copies: 51 }, field: 'copies' },
      { input: { itemIds: ['a1'], copies: 1.5 }, field: 'copies' },
    ],
  },
  'print.binLabels': {
    valid: [{ siteId: 'main' }, { siteId: 'main', codes: ['A-01-1', 'DOCK-1'] }],
    invalid: [
      { input: {}, field: 'siteId' },
      { input: { siteId: 'main', codes: [] }, field: 'codes' },
      { input: { siteId: 'main', codes: [''] }, field: 'codes.0' },
    ],
  },
  'reorderLevels.get': { valid: [{ itemId: 'a1' }], invalid: [{ input: {}, field: 'itemId' }] },
  'reorderLevels.set': {
    valid: [{ itemId: 'a1', siteId: 'main', reorderPoint: '10', reorderUpTo: '40' }, { itemId: 'a1', siteId: 'main', reorderPoint: null }],
    invalid: [
      { input: { itemId: 'a1', siteId: 'main', reorderPoint: '-1' }, field: 'reorderPoint' },
      { input: { itemId: 'a1', siteId: 'main', reorderPoint: '5', reorderUpTo: 'lots' }, field: 'reorderUpTo' },
      { input: { itemId: 'a1', reorderPoint: '5' }, field: 'siteId' },
    ],
  },
  'reorderLevels.setVendor': {
    valid: [{ itemId: 'a1', vendorId: 'v1' }, { itemId: 'a1', vendorId: null }],
    invalid: [{ input: { itemId: 'a1' }, field: 'vendorId' }],
  },
  'lowStock.list': {
    valid: [{}, { siteId: 'main', vendorId: 'v1', search: 'bolt', sort: 'suggested', direction: 'desc', limit: 500 }],
    invalid: [
      { input: { sort: 'colour' }, field: 'sort' },
      { input: { limit: 501 }, field: 'limit' },
    ],
  },
  'lowStock.createPurchaseOrders': {
    valid: [{ lines: [{ itemId: 'a1', siteId: 'main', qty: '30' }] }, { lines: [{ itemId: 'a1', siteId: 'main', qty: '2.5', vendorId: 'v1' }], expectedDate: '2026-12-24' }],
    invalid: [
      { input: { lines: [] }, field: 'lines' },
      { input: { lines: [{ itemId: 'a1', siteId: 'main', qty: '0' }] }, field: 'lines.0.qty' },
      { input: { lines: [{ itemId: 'a1', qty: '1' }] }, field: 'lines.0.siteId' },
    ],
  },
  'invoices.list': {
    valid: [{}, { customerId: 'k1', readyForSync: false, paid: true, sort: 'number', direction: 'desc' }, { sort: 'qboNumber' }, { sort: 'balance' }, { sort: 'status' }],
    invalid: [{ input: { paid: 'yes' }, field: 'paid' }, { input: { sort: 'expirationDate' }, field: 'sort' }],
  },
  'invoices.get': { valid: [{ id: 'i1' }], invalid: [{ input: {}, field: 'id' }] },
  'invoices.create': {
    valid: [
      { customerId: 'k1', lines: [{ itemId: 'a1', qty: '2' }] },
      { number: 'INV-9', customerId: 'k1', date: '2026-03-31', dueDate: '2026-04-30', lines: [{ description: 'Call-out', qty: '1', unitPriceCents: 5000 }] },
    ],
    invalid: [
      { input: { customerId: 'k1', lines: [{ qty: '1' }] }, field: 'lines.0.itemId' },
      { input: { customerId: 'k1', date: '31/03/2026', lines: [{ itemId: 'a1', qty: '1' }] }, field: 'date' },
      { input: { customerId: 'k1', lines: [{ itemId: 'a1', qty: '1', unitPriceCents: -5 }] }, field: 'lines.0.unitPriceCents' },
    ],
  },
  'invoices.update': {
    valid: [{ id: 'i1' }, { id: 'i1', number: 'INV-11', dueDate: null, note: 'Back door', lines: [{ itemId: 'a1', qty: '3' }] }],
    invalid: [
      { input: { number: 'INV-11' }, field: 'id' },
      { input: { id: 'i1', lines: [] }, field: 'lines' },
      { input: { id: 'i1', date: 'tomorrow' }, field: 'date' },
    ],
  },
  'invoices.createFromOrder': {
    valid: [{ orderId: 'o1' }, { orderId: 'o1', number: 'INV-10', date: '2026-03-31' }],
    invalid: [{ input: {}, field: 'orderId' }],
  },
  'invoices.markReady': { valid: [{ id: 'i1' }], invalid: [{ input: {}, field: 'id' }] },
  'invoices.unmarkReady': { valid: [{ id: 'i1' }, { id: 'i1', by: 'Sam' }], invalid: [{ input: {}, field: 'id' }, { input: { id: 'i1', extra: 1 }, field: 'extra' }] },
  'estimates.list': {
    valid: [{}, { status: 'posted' }, { sort: 'expirationDate' }, { sort: 'status', direction: 'desc' }],
    invalid: [{ input: { status: 'won' }, field: 'status' }, { input: { sort: 'balance' }, field: 'sort' }],
  },
  'estimates.get': { valid: [{ id: 'e1' }], invalid: [{ input: {}, field: 'id' }] },
  'estimates.create': {
    valid: [{ customerId: 'k1', expirationDate: '2026-05-01', lines: [{ itemId: 'a1', qty: '3' }] }],
    invalid: [
      { input: { customerId: 'k1', lines: [] }, field: 'lines' },
      { input: { customerId: 'k1', expirationDate: 'soon', lines: [{ itemId: 'a1', qty: '3' }] }, field: 'expirationDate' },
    ],
  },
  'estimates.update': {
    valid: [{ id: 'e1' }, { id: 'e1', expirationDate: '2026-12-31', lines: [{ description: 'Survey', qty: '1', unitPriceCents: 9000 }] }],
    invalid: [{ input: {}, field: 'id' }, { input: { id: 'e1', dueDate: '2026-12-31' }, field: 'dueDate' }],
  },
  'estimates.post': { valid: [{ id: 'e1' }], invalid: [{ input: {}, field: 'id' }] },
  'estimates.createInvoice': { valid: [{ id: 'e1' }, { id: 'e1', number: 'INV-11' }], invalid: [{ input: {}, field: 'id' }] },
  'audit.list': {
    valid: [{}, { recordType: 'order', recordId: 'o1', by: 'Sam', limit: 50 }],
    invalid: [{ input: { recordType: 'spaceship' }, field: 'recordType' }],
  },
  'backup.create': {
    valid: [{ file: '/tmp/shelfsync-2026-03-31.db' }],
    invalid: [{ input: {}, field: 'file' }, { input: { file: '' }, field: 'file' }],
  },
  'backup.restore': {
    valid: [{ file: '/tmp/shelfsync-2026-03-31.db' }],
    invalid: [{ input: {}, field: 'file' }, { input: { file: 42 }, field: 'file' }],
  },
};

/** Customers and vendors take the same fields. */
function partySamples<A extends 'customers' | 'vendors'>(area: A) {
  const name = (verb: string) => `${area}.${verb}` as `${A}.${'list' | 'get' | 'create' | 'update' | 'deactivate'}`;
  const full = {
    displayName: 'Acme Fasteners',
    companyName: 'Acme Fasteners Ltd',
    givenName: 'Ada',
    familyName: 'Lovelace',
    email: 'ada@acme.example',
    phone: '+44 113 496 0000',
    billingAddress: { line1: '1 Quay St', line2: null, line3: '', city: 'Leeds', state: 'WYK', postalCode: 'LS1 4AP', country: 'UK' },
    shippingAddress: null,
    active: true,
  };
  return {
    [name('list')]: {
      valid: [{}, { search: 'acme', active: true, sort: 'updatedAt', direction: 'desc', limit: 20, offset: 40 }],
      invalid: [{ input: { sort: 'colour' }, field: 'sort' }],
    },
    [name('get')]: { valid: [{ id: 'k1' }], invalid: [{ input: {}, field: 'id' }] },
    [name('create')]: {
      valid: [{ displayName: 'Acme' }, full],
      invalid: [
        { input: {}, field: 'displayName' },
        { input: { displayName: 'x'.repeat(101) }, field: 'displayName' },
        { input: { displayName: 'Acme', email: 'not-an-email' }, field: 'email' },
        { input: { displayName: 'Acme', phone: 'x'.repeat(31) }, field: 'phone' },
        { input: { displayName: 'Acme', billingAddress: { line4: 'x' } }, field: 'billingAddress.line4' },
      ],
    },
    [name('update')]: {
      valid: [{ id: 'k1' }, { id: 'k1', ...full }],
      invalid: [
        { input: { displayName: 'Acme' }, field: 'id' },
        { input: { id: 'k1', email: 'a@' }, field: 'email' },
      ],
    },
    [name('deactivate')]: { valid: [{ id: 'k1' }], invalid: [{ input: {}, field: 'id' }] },
  } as Record<`${A}.${'list' | 'get' | 'create' | 'update' | 'deactivate'}`, Samples>;
}
