/** Write the invoice for a picked (or posted) order: what was picked, at the items' prices. */
import { useEffect, useState } from 'react';
import type { AppErrorData, RequestOutput } from '../../src-shared/ipc';
import { api } from '../api/client';
import { useFocusFirstError } from '../ui/focusError';
import { Dialog, DialogActions } from '../ui/Dialog';
import { errorFor, unplacedError } from '../ui/errors';
import { Alert, Field } from '../ui/Field';
import { useDocuments } from './store';

type OrderRow = RequestOutput<'orders.list'>['rows'][number];

export function FromOrderDialog() {
  const { createFromOrder, setDialog } = useDocuments();
  const [orders, setOrders] = useState<OrderRow[] | null>(null);
  const [orderId, setOrderId] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const formRef = useFocusFirstError(error);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void Promise.all([
      api.call('orders.list', { status: 'picked', limit: 200, sort: 'updatedAt', direction: 'desc' }),
      api.call('orders.list', { status: 'posted', limit: 200, sort: 'updatedAt', direction: 'desc' }),
    ]).then(([picked, posted]) => {
      const rows = [...(picked.ok ? picked.value.rows : []), ...(posted.ok ? posted.value.rows : [])];
      setOrders(rows);
      setOrderId(rows[0]?.id ?? '');
    });
  }, []);
  return (
    <Dialog title="Invoice a picked order" onClose={() => setDialog(null)}>
      <form ref={formRef}
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void createFromOrder(orderId).then((result) => {
            setBusy(false);
            if (!result.ok) setError(result.error);
          });
        }}
      >
        {orders === null ? <p role="status">Loading picked orders…</p> : orders.length === 0 ? <p className="hint">No picked or posted orders to invoice.</p> : (
          <Field label="Order" error={errorFor(error, 'orderId')}>
            <select name="orderId" value={orderId} onChange={(e) => setOrderId(e.target.value)}>
              {orders.map((o) => <option key={o.id} value={o.id}>{o.number} · {o.customerName} ({o.status})</option>)}
            </select>
          </Field>
        )}
        <Alert message={unplacedError(error, ['orderId'])} />
        <DialogActions submit="Write invoice" busy={busy || !orderId} busyText={busy ? 'Writing…' : 'Write invoice'} onCancel={() => setDialog(null)} />
      </form>
    </Dialog>
  );
}
