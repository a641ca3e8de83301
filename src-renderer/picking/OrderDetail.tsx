/** The open order: scan to pick, pick a line by hand, see back orders, close a partial order, post. */
import { useState } from 'react';
import type { PickingOrder } from '../../src-shared/ipc';
import { isZero, qtyText } from '../ui/format';
import { ScanField } from '../ui/ScanField';
import { CloseButton } from '../ui/CloseButton';
import { KeyButton } from '../ui/KeyButton';
import { shortcuts } from '../ui/keyboard';
import { OrderBadges, statusLabels } from './OrderList';
import { usePickBins } from './pickBins';
import { usePicking } from './store';
import { openPrint } from '../print/route';

type Line = PickingOrder['lines'][number];

const documentWords = { invoice: 'invoice', salesReceipt: 'sales receipt' } as const;

/** "Sent to QuickBooks as invoice 1043" (and each back order's document after it), once the sync has sent it. */
function SentAs({ order }: { order: PickingOrder }) {
  if (order.qboDocuments.length === 0) return null;
  const names = order.qboDocuments.map((d) => `${documentWords[d.type]}${d.qboNumber ? ` ${d.qboNumber}` : ''}`);
  return <p className="ok" aria-label="QuickBooks documents">Sent to QuickBooks as {names.join(', then ')}.</p>;
}

export function OrderDetail() {
  const p = usePicking();
  const [scanQty, setScanQty] = useState('1');
  const order = p.order;
  const walk = usePickBins(order);
  if (!order) return <aside className="detail empty hint">Choose an order to pick.</aside>;
  const pickable = order.status === 'open' || order.status === 'picking';
  const somethingToPost = order.lines.some((l) => Number(l.picked) > Number(l.invoiced));
  // Back-order and cancelled columns only take room on an order that has some.
  const extra = { backOrder: order.lines.some((l) => !isZero(l.backOrdered)), cancelled: order.lines.some((l) => !isZero(l.cancelled)) };
  const address = [order.shipTo.line1, order.shipTo.line2, order.shipTo.city, order.shipTo.postalCode].filter(Boolean).join(', ');

  const scan = async (barcode: string) => {
    const qty = qtyText(scanQty) || '1';
    const before = usePicking.getState().order?.lines ?? [];
    const result = await p.pick({ barcode, qty });
    if (!result.ok) return { ok: false, message: result.error.message };
    const line = result.value.lines.find((l) => before.find((b) => b.id === l.id)?.picked !== l.picked);
    return { ok: true, message: line ? `Picked ${qty} × ${line.itemName}; ${line.remaining} still to pick.` : `Picked ${qty}.` };
  };

  return (
    <aside className="detail" aria-label={`Order ${order.number}`}>
      <div className="detail-head">
        <h2>Order {order.number}</h2>
        <span>
          <span className="badge">{statusLabels[order.status]}</span> <OrderBadges order={order} />{' '}
          <CloseButton what={`order ${order.number}`} onClose={p.closeView} />
        </span>
      </div>
      <p>{order.customerName}{address && <span className="hint"> · ship to {address}</span>}</p>
      {order.outOfSync && <p className="error">Out of sync: {order.outOfSyncReason ?? 'the QuickBooks estimate changed.'}</p>}
      {order.syncError && <p className="error">Last sync failed: {order.syncError}</p>}
      {order.note && <p className="hint">{order.note}</p>}
      <SentAs order={order} />
      {pickable && (
        <ScanField label="Scan to pick" onScan={scan} routing={p.dialog === null}>
          <label className="inline">Qty <input className="num" name="scanQty" aria-label="Quantity per scan" value={scanQty} onChange={(e) => setScanQty(e.target.value)} /></label>
        </ScanField>
      )}
      <table aria-label="Order lines">
        <thead>
          <tr><th>Bin</th><th>Item</th><th className="num">Ordered</th><th className="num">Picked</th><th className="num">To pick</th>{extra.backOrder && <th className="num">Back order</th>}{extra.cancelled && <th className="num">Cancelled</th>}{pickable && <th>Pick</th>}</tr>
        </thead>
        <tbody>
          {walk.lines.map((line) => <LineRow key={line.id} line={line} bin={walk.binOf(line.id)} pickable={pickable} extra={extra} />)}
        </tbody>
      </table>
      {p.notice && <p role="status" className="ok notice">{p.notice}</p>}
      {p.error && <p role="alert" className="error">{p.error.message}</p>}
      <div className="actions toolbar">
        {/* An order QuickBooks changed meanwhile is settled there, not posted from here. */}
        {order.outOfSync && order.status !== 'closed' && (
          <button type="button" onClick={() => p.setDialog('settle')}>Settled in QuickBooks…</button>
        )}
        {!order.outOfSync && (order.status === 'picked' || (order.status === 'picking' && somethingToPost)) && (
          <KeyButton shortcut={shortcuts.post} onClick={() => void p.post(order.id)}>Post order</KeyButton>
        )}
        {order.source === 'local' && order.status === 'open' && !order.backOrder && order.lines.every((l) => isZero(l.picked)) && (
          <button type="button" className="secondary" onClick={() => p.setDialog('edit')}>Change order…</button>
        )}
        {pickable && <button type="button" className="secondary" onClick={() => openPrint('pickList', { orderId: order.id })}>Print pick list…</button>}
        <button type="button" className="secondary" onClick={() => openPrint('packingSlip', { orderId: order.id })}>Print packing slip…</button>
        {pickable && <button type="button" className="danger" onClick={() => p.setDialog('close')}>Close order…</button>}
      </div>
    </aside>
  );
}

function LineRow(props: { line: Line; bin: string | null; pickable: boolean; extra: { backOrder: boolean; cancelled: boolean } }) {
  const pick = usePicking((s) => s.pick);
  const { line } = props;
  const [qty, setQty] = useState('');
  const [error, setError] = useState<string | null>(null);
  const canPick = props.pickable && !isZero(line.remaining);
  const submit = async () => {
    const result = await pick({ lineId: line.id, qty: qtyText(qty) || line.remaining });
    setError(result.ok ? null : result.error.message);
    if (result.ok) setQty('');
  };
  return (
    <tr className={isZero(line.remaining) ? 'done' : undefined}>
      <td>{props.bin ?? ''}</td>
      <td>{line.itemName}</td>
      <td className="num">{line.ordered}</td>
      <td className="num">{line.picked}</td>
      <td className="num">{line.remaining}</td>
      {props.extra.backOrder && <td className="num">{isZero(line.backOrdered) ? '' : line.backOrdered}</td>}
      {props.extra.cancelled && <td className="num">{isZero(line.cancelled) ? '' : line.cancelled}</td>}
      {props.pickable && (
        <td>
          {canPick && (
            <form className="inline" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
              <input className="num" aria-label={`Pick ${line.itemName}`} placeholder={line.remaining} inputMode="decimal" value={qty} onChange={(e) => setQty(e.target.value)} />
              <button type="submit" className="secondary small">Pick</button>
            </form>
          )}
          {error && <span role="alert" className="error">{error}</span>}
        </td>
      )}
    </tr>
  );
}
