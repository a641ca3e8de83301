/** Opens the record a sync error names on its own screen: the record first, then the screen. */
import type { LogRecord } from '../../src-shared/ipc';
import { useItemDetail } from '../inventory/detailStore';
import { usePicking } from '../picking/store';
import { usePurchasing } from '../purchasing/store';
import { useParties } from '../parties/store';
import { useDocuments } from '../documents/store';

const screenOf: Record<LogRecord['kind'], string> = {
  item: 'inventory',
  customer: 'parties',
  vendor: 'parties',
  order: 'picking',
  purchaseOrder: 'purchasing',
  invoice: 'documents',
  estimate: 'documents',
};

export async function openRecord(record: LogRecord): Promise<void> {
  switch (record.kind) {
    case 'item':
      await useItemDetail.getState().open(record.id);
      break;
    case 'customer':
    case 'vendor':
      await useParties.getState().setFilter({ kind: record.kind === 'customer' ? 'customers' : 'vendors' });
      await useParties.getState().select(record.id);
      break;
    case 'order':
      await usePicking.getState().open(record.id);
      break;
    case 'purchaseOrder':
      await usePurchasing.getState().open(record.id);
      break;
    case 'invoice':
      await useDocuments.getState().openInvoice(record.id);
      break;
    case 'estimate':
      await useDocuments.getState().openEstimate(record.id);
      break;
  }
  location.hash = screenOf[record.kind];
}
