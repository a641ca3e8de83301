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
};
