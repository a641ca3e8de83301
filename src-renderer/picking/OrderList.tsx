/** Orders as rows with their status and badges; Enter or a click opens one. */
import type { RequestOutput } from '../../src-shared/ipc';
import { ClipCell } from '../ui/Clip';
import { shortWhen } from '../ui/format';
import { SortHeader } from '../ui/SortHeader';
import { orderSortDefault } from './store';

type OrderSummary = RequestOutput<'orders.list'>['rows'][number];

export const statusLabels: Record<OrderSummary['status'], string> = {
  open: 'Open',
  picking: 'Picking',
  picked: 'Picked',
  posted: 'Posted',
  closed: 'Closed',
};

export function OrderBadges(props: { order: Pick<OrderSummary, 'backOrder' | 'outOfSync' | 'outOfSyncReason' | 'syncError' | 'source'> }) {
  const o = props.order;
  return (
    <span className="badges">
      {o.backOrder && <span className="badge warn">Back order</span>}
      {o.outOfSync && <span className="badge warn" title={o.outOfSyncReason ?? undefined}>Out of sync</span>}
      {o.syncError && <span className="badge bad" title={o.syncError}>Sync error</span>}
      {o.source === 'qbo' && <span className="badge">QuickBooks</span>}
    </span>
  );
}

export function OrderList(props: { orders: OrderSummary[]; selectedId: string | null; onOpen: (id: string) => void; onSort: () => void }) {
  const head = (sort: string, label: string, className?: string) => (
    <SortHeader list="orders" sort={sort} label={label} fallback={orderSortDefault} onSort={props.onSort} {...(className ? { className } : {})} />
  );
  return (
    <table className="rows" aria-label="Orders">
      <thead><tr>{head('number', 'Order')}{head('customer', 'Customer')}{head('status', 'Status')}{head('flags', 'Flags')}{head('updatedAt', 'Updated', 'opt')}</tr></thead>
      <tbody>
        {props.orders.map((o) => (
          <tr
            key={o.id}
            tabIndex={0}
            className={o.id === props.selectedId ? 'selected' : undefined}
            aria-selected={o.id === props.selectedId}
            onClick={() => props.onOpen(o.id)}
            onKeyDown={(e) => { if (e.key === 'Enter') props.onOpen(o.id); }}
          >
            <td>{o.number}</td>
            <ClipCell text={o.customerName} />
            <td>{statusLabels[o.status]}</td>
            <td><OrderBadges order={o} /></td>
            <td className="opt">{shortWhen(o.updatedAt)}</td>
          </tr>
        ))}
        {props.orders.length === 0 && <tr><td colSpan={5} className="hint">No orders here.</td></tr>}
      </tbody>
    </table>
  );
}
