/** Picking: orders by status with their sync badges, the open order, post picked orders, new orders. */
import { useEffect } from 'react';
import type { OrderStatus } from '../../src-shared/ipc';
import { plural } from '../ui/format';
import { useSites } from '../ui/sites';
import { OrderDetail } from './OrderDetail';
import { CloseOrderDialog, CreateOrderDialog, SettleOrderDialog } from './OrderDialogs';
import { OrderList, statusLabels } from './OrderList';
import { orderSortDefault, ordersPageSize, usePicking } from './store';
import { ExportButton } from '../ui/ExportButton';
import { KeyButton } from '../ui/KeyButton';
import { shortcuts } from '../ui/keyboard';

export function PickingScreen() {
  const p = usePicking();
  const loadSites = useSites((s) => s.load);
  useEffect(() => {
    void loadSites();
    void p.load();
  }, []);

  return (
    <section className="picking">
      <div className="screen-head">
        <h1>Picking</h1>
        <div role="tablist" aria-label="Order status" className="tabs">
          {(['', ...Object.keys(statusLabels)] as ('' | OrderStatus)[]).map((status) => (
            <button key={status || 'all'} type="button" role="tab" aria-selected={p.status === status} onClick={() => void p.setFilter({ status: status })}>
              {status ? statusLabels[status] : 'All'}
            </button>
          ))}
        </div>
      </div>
      <div className="toolbar filters" role="search">
        <input type="search" aria-label="Search orders" placeholder="Order number or customer" value={p.search} onChange={(e) => void p.setFilter({ search: e.target.value })} />
        <span className="count-label" role="status">{p.loading ? 'Loading…' : plural(p.total, 'order')}</span>
        <button type="button" className="secondary" onClick={() => void p.post()}>Post all picked</button>
        <KeyButton shortcut={shortcuts.new} what="New order" onClick={() => p.setDialog('create')}>New order…</KeyButton>
        <ExportButton list="orders" filter={{ status: p.status || undefined, search: p.search.trim() || undefined }} fallback={orderSortDefault} />
      </div>
      {!p.order && p.error && <p role="alert" className="error">{p.error.message}</p>}
      <div className="master">
        <div className="list-pane">
          <OrderList orders={p.orders} selectedId={p.order?.id ?? null} onOpen={(id) => void p.open(id)} onSort={() => void p.setFilter({ offset: 0 })} />
          {p.total > ordersPageSize && (
            <div className="actions toolbar pager">
              <button type="button" className="secondary" disabled={p.offset === 0} onClick={() => void p.setFilter({ offset: Math.max(0, p.offset - ordersPageSize) })}>Previous</button>
              <span>{p.offset + 1}–{Math.min(p.offset + ordersPageSize, p.total)} of {p.total}</span>
              <button type="button" className="secondary" disabled={p.offset + ordersPageSize >= p.total} onClick={() => void p.setFilter({ offset: p.offset + ordersPageSize })}>Next</button>
            </div>
          )}
        </div>
        <OrderDetail />
      </div>
      {p.dialog === 'create' && <CreateOrderDialog />}
      {p.dialog === 'edit' && p.order && <CreateOrderDialog editing={p.order} />}
      {p.dialog === 'close' && <CloseOrderDialog />}
      {p.dialog === 'settle' && <SettleOrderDialog />}
    </section>
  );
}
