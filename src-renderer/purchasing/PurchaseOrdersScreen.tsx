/** Purchase orders: list by status with sync badges, the open PO (receive, post, edit), new POs. */
import { useEffect } from 'react';
import type { PurchaseOrderStatus } from '../../src-shared/ipc';
import { plural } from '../ui/format';
import { useSites } from '../ui/sites';
import { PurchaseOrderDetail } from './PurchaseOrderDetail';
import { PurchaseOrderForm } from './PurchaseOrderForm';
import { poStatusLabels, PurchaseOrderList } from './PurchaseOrderList';
import { poSortDefault, usePurchasing } from './store';
import { ExportButton } from '../ui/ExportButton';
import { KeyButton } from '../ui/KeyButton';
import { shortcuts } from '../ui/keyboard';

export function PurchaseOrdersScreen() {
  const s = usePurchasing();
  const loadSites = useSites((x) => x.load);
  useEffect(() => {
    void loadSites();
    void s.load();
  }, []);
  return (
    <section className="purchasing">
      <div className="screen-head">
        <h1>Purchase orders</h1>
        <div role="tablist" aria-label="Purchase order status" className="tabs">
          {(['', ...Object.keys(poStatusLabels)] as ('' | PurchaseOrderStatus)[]).map((status) => (
            <button key={status || 'all'} type="button" role="tab" aria-selected={s.status === status} onClick={() => void s.setFilter({ status })}>
              {status ? poStatusLabels[status] : 'All'}
            </button>
          ))}
        </div>
      </div>
      <div className="toolbar filters" role="search">
        <input type="search" aria-label="Search purchase orders" placeholder="PO number or vendor" value={s.search} onChange={(e) => void s.setFilter({ search: e.target.value })} />
        <span className="count-label" role="status">{plural(s.total, 'purchase order')}</span>
        <KeyButton shortcut={shortcuts.new} what="New purchase order" onClick={() => s.setDialog('create')}>New purchase order…</KeyButton>
        <ExportButton list="purchaseOrders" filter={{ status: s.status || undefined, search: s.search.trim() || undefined }} fallback={poSortDefault} />
      </div>
      {!s.po && s.error && <p role="alert" className="error">{s.error.message}</p>}
      <div className="master">
        <div className="list-pane">
          <PurchaseOrderList rows={s.rows} selectedId={s.po?.id ?? null} onOpen={(id) => void s.open(id)} onSort={() => void s.load()} />
        </div>
        <PurchaseOrderDetail />
      </div>
      {s.dialog === 'create' && <PurchaseOrderForm po={null} />}
      {s.dialog === 'edit' && s.po && <PurchaseOrderForm po={s.po} />}
    </section>
  );
}
