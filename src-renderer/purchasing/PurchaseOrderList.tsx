/** Purchase orders as rows with status and sync badges. */
import type { PurchaseOrderStatus, RequestOutput } from '../../src-shared/ipc';
import { ClipCell } from '../ui/Clip';
import { day, money } from '../ui/format';
import { SortHeader } from '../ui/SortHeader';
import { poSortDefault } from './store';

type Summary = RequestOutput<'purchaseOrders.list'>['rows'][number];

export const poStatusLabels: Record<PurchaseOrderStatus, string> = {
  draft: 'Draft',
  open: 'Open',
  partiallyReceived: 'Partly received',
  received: 'Received',
  closed: 'Closed',
};

export function PoBadges(props: { po: Pick<Summary, 'posted' | 'needsResync' | 'source' | 'outOfSync'> }) {
  return (
    <span className="badges">
      {props.po.posted ? <span className="badge good">Posted</span> : <span className="badge">Not posted</span>}
      {props.po.needsResync && <span className="badge warn">Needs resync</span>}
      {props.po.source === 'qbo' && <span className="badge">From QuickBooks</span>}
      {props.po.outOfSync && <span className="badge bad">Out of sync</span>}
    </span>
  );
}

export function PurchaseOrderList(props: { rows: Summary[]; selectedId: string | null; onOpen: (id: string) => void; onSort: () => void }) {
  const head = (sort: string, label: string, className?: string) => (
    <SortHeader list="purchaseOrders" sort={sort} label={label} fallback={poSortDefault} onSort={props.onSort} {...(className ? { className } : {})} />
  );
  return (
    <table className="rows" aria-label="Purchase orders">
      <thead><tr>{head('number', 'PO')}{head('vendor', 'Vendor')}{head('status', 'Status')}{head('sync', 'Sync', 'opt')}{head('expectedDate', 'Expected', 'opt')}{head('total', 'Total', 'num')}</tr></thead>
      <tbody>
        {props.rows.map((po) => (
          <tr
            key={po.id}
            tabIndex={0}
            className={po.id === props.selectedId ? 'selected' : undefined}
            aria-selected={po.id === props.selectedId}
            onClick={() => props.onOpen(po.id)}
            onKeyDown={(e) => { if (e.key === 'Enter') props.onOpen(po.id); }}
          >
            <td>{po.number}</td>
            <ClipCell text={po.vendorName} />
            <td>{poStatusLabels[po.status]}</td>
            <td className="opt"><PoBadges po={po} /></td>
            <td className="opt">{day(po.expectedDate)}</td>
            <td className="num">{money(po.totalCents)}</td>
          </tr>
        ))}
        {props.rows.length === 0 && <tr><td colSpan={6} className="hint">No purchase orders here.</td></tr>}
      </tbody>
    </table>
  );
}
