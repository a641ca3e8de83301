/** The open purchase order: lines with what arrived, receive by scan (part or all), post, close, edit. */
import type { PurchaseOrder } from '../../src-shared/ipc';
import { day, isZero, money } from '../ui/format';
import { ScanField } from '../ui/ScanField';
import { DangerButton } from '../ui/DangerButton';
import { CloseButton } from '../ui/CloseButton';
import { KeyButton } from '../ui/KeyButton';
import { shortcuts } from '../ui/keyboard';
import { PoBadges, poStatusLabels } from './PurchaseOrderList';
import { PutAwayField } from './PutAwayField';
import { ReceiveQtyField } from './ReceiveQtyField';
import { usePurchasing } from './store';
import { openPrint } from '../print/route';

export function PurchaseOrderDetail() {
  const s = usePurchasing();
  const po = s.po;
  if (!po) return <aside className="detail empty hint">Choose a purchase order.</aside>;
  const receivable = po.status !== 'closed' && po.status !== 'received';
  const scanned = Object.values(s.receiving).some((q) => q.trim() !== '' && q.trim() !== '0');
  return (
    <aside className="detail" aria-label={`Purchase order ${po.number}`}>
      <div className="detail-head">
        <h2>PO {po.number}</h2>
        <span>
          <span className="badge">{poStatusLabels[po.status]}</span> <PoBadges po={po} />{' '}
          <CloseButton what={`purchase order ${po.number}`} onClose={s.closeView} />
        </span>
      </div>
      <p>{po.vendorName} · expected {day(po.expectedDate)} · total {money(po.totalCents)}</p>
      {po.needsResync && <p className="hint">Changed since it was posted: QuickBooks gets the new version with the next sync.</p>}
      {po.outOfSync && <p role="alert" className="error">{po.outOfSyncReason} Sort it out in QuickBooks, then close it here (what was received stays).</p>}
      {po.note && <p className="hint">{po.note}</p>}
      {receivable && (
        <ScanField label="Scan to receive" onScan={s.scan} onQuantity={s.setScanQty} routing={s.dialog === null}>
          <ReceiveQtyField />
        </ScanField>
      )}
      {receivable && <PutAwayField />}
      <table aria-label="Purchase order lines">
        <thead>
          <tr><th>Item</th><th className="num">Ordered</th><th className="num">Received</th><th className="num">Still due</th><th className="num">Cost</th>{receivable && <th>Receiving now</th>}</tr>
        </thead>
        <tbody>
          {po.lines.map((line) => <Line key={line.id} line={line} receivable={receivable} />)}
        </tbody>
      </table>
      {s.notice && <p role="status" className="ok notice">{s.notice}</p>}
      {s.error && <p role="alert" className="error">{s.error.message}</p>}
      <div className="actions toolbar">
        {receivable && <KeyButton shortcut={shortcuts.receive} disabled={s.busy || !scanned} onClick={() => void s.receive(false)}>Receive scanned</KeyButton>}
        {receivable && (
          <DangerButton label="Receive everything outstanding…" confirmTitle={`Receive everything on ${po.number}?`} confirmLabel="Receive everything" disabled={s.busy} onConfirm={() => s.receive(true)}>
            <p>Every line’s outstanding quantity goes into stock now, as if each was counted in:</p>
            <ul>{po.lines.filter((l) => !isZero(l.remaining)).map((l) => <li key={l.id}>{l.remaining} × {l.itemName}</li>)}</ul>
          </DangerButton>
        )}
        {!po.posted && <KeyButton shortcut={shortcuts.post} className="secondary" onClick={() => void s.post()}>Post to QuickBooks</KeyButton>}
        {po.status !== 'closed' && po.source === 'local' && <button type="button" className="secondary" onClick={() => s.setDialog('edit')}>Edit…</button>}
        <button type="button" className="secondary" onClick={() => openPrint('purchaseOrder', { purchaseOrderId: po.id })}>Print purchase order…</button>
        {po.status !== 'closed' && po.status !== 'draft' && (
          <DangerButton label="Close PO…" confirmTitle={`Close ${po.number}?`} confirmLabel="Close PO" onConfirm={s.closePo}>
            <p>Nothing more is expected on this purchase order; what is still due will not be received on it.</p>
          </DangerButton>
        )}
      </div>
    </aside>
  );
}

function Line(props: { line: PurchaseOrder['lines'][number]; receivable: boolean }) {
  const { receiving, setReceiving } = usePurchasing();
  const { line } = props;
  return (
    <tr className={isZero(line.remaining) ? 'done' : undefined}>
      <td>{line.itemName}</td>
      <td className="num">{line.ordered}</td>
      <td className="num">{line.received}</td>
      <td className="num">{line.remaining}</td>
      <td className="num">{money(line.unitCostCents)}</td>
      {props.receivable && (
        <td>
          {!isZero(line.remaining) && (
            <input className="num" aria-label={`Receiving ${line.itemName}`} inputMode="decimal" placeholder="0" value={receiving[line.id] ?? ''} onChange={(e) => setReceiving(line.id, e.target.value)} />
          )}
        </td>
      )}
    </tr>
  );
}
