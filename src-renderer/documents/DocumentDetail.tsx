/** The open invoice (ready for sync, QuickBooks number, paid and balance) or estimate (post, invoice it). */
import type { Estimate, Invoice } from '../../src-shared/ipc';
import { day, money } from '../ui/format';
import { useDocuments } from './store';

function Lines(props: { lines: Invoice['lines'] }) {
  return (
    <table aria-label="Lines">
      <thead><tr><th>Item / description</th><th className="num">Qty</th><th className="num">Price</th><th className="num">Amount</th></tr></thead>
      <tbody>
        {props.lines.map((l) => (
          <tr key={l.id}><td>{l.description ?? l.itemId ?? ''}</td><td className="num">{l.qty}</td><td className="num">{money(l.unitPriceCents)}</td><td className="num">{money(l.amountCents)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

export function InvoiceBadges(props: { invoice: Pick<Invoice, 'readyForSync' | 'paid' | 'qboTxnId'> }) {
  const i = props.invoice;
  return (
    <span className="badges">
      {i.readyForSync ? <span className="badge good">{i.qboTxnId ? 'In QuickBooks' : 'Ready for sync'}</span> : <span className="badge">Not ready</span>}
      {i.paid ? <span className="badge good">Paid</span> : <span className="badge warn">Unpaid</span>}
    </span>
  );
}

export function InvoiceDetail(props: { invoice: Invoice }) {
  const s = useDocuments();
  const i = props.invoice;
  return (
    <aside className="detail" aria-label={`Invoice ${i.number}`}>
      <div className="detail-head"><h2>Invoice {i.number}</h2><InvoiceBadges invoice={i} /></div>
      <dl className="facts">
        <dt>Customer</dt><dd>{i.customerName}</dd>
        <dt>Date / due</dt><dd>{day(i.date)} / {day(i.dueDate)}</dd>
        <dt>QuickBooks no.</dt><dd>{i.qboNumber ?? (i.readyForSync ? 'given when QuickBooks has it' : '—')}</dd>
        <dt>Total</dt><dd>{money(i.totalCents)}</dd>
        <dt>Balance</dt><dd>{money(i.balanceCents)}{i.paid ? ' (paid)' : ''}</dd>
        {i.orderId && <><dt>From</dt><dd>a picked order</dd></>}
        {i.estimateId && <><dt>From</dt><dd>an estimate</dd></>}
      </dl>
      <label className="check">
        <input
          type="checkbox"
          name="readyForSync"
          checked={i.readyForSync}
          disabled={i.qboTxnId !== null}
          aria-busy={s.busy || undefined}
          // Not disabled while busy, so the keyboard focus stays on it.
          onChange={() => {
            if (!s.busy) void (i.readyForSync ? s.unmarkReady() : s.markReady());
          }}
        />
        <span>Ready for sync{i.qboTxnId ? '' : i.readyForSync ? ' (untick to take it back before the next sync)' : ' (QuickBooks gets it with the next sync)'}</span>
      </label>
      {!i.readyForSync && i.qboTxnId === null && (
        <div className="actions toolbar">
          <button type="button" className="secondary" onClick={() => s.setDialog('editInvoice')}>Change invoice…</button>
        </div>
      )}
      {s.notice && <p role="status" className="ok notice">{s.notice}</p>}
      {s.error && <p role="alert" className="error">{s.error.message}</p>}
      <Lines lines={i.lines} />
      {i.note && <p className="hint">{i.note}</p>}
    </aside>
  );
}

export const estimateStatusLabels: Record<Estimate['status'], string> = { draft: 'Draft', posted: 'Posted', invoiced: 'Invoiced' };

export function EstimateDetail(props: { estimate: Estimate }) {
  const s = useDocuments();
  const e = props.estimate;
  return (
    <aside className="detail" aria-label={`Estimate ${e.number}`}>
      <div className="detail-head"><h2>Estimate {e.number}</h2><span className="badge">{estimateStatusLabels[e.status]}</span></div>
      <dl className="facts">
        <dt>Customer</dt><dd>{e.customerName}</dd>
        <dt>Date / expires</dt><dd>{day(e.date)} / {day(e.expirationDate)}</dd>
        <dt>Total</dt><dd>{money(e.totalCents)}</dd>
      </dl>
      {s.notice && <p role="status" className="ok notice">{s.notice}</p>}
      {s.error && <p role="alert" className="error">{s.error.message}</p>}
      <div className="actions toolbar">
        {e.status === 'draft' && <button type="button" onClick={() => void s.postEstimate()}>Post to QuickBooks</button>}
        {e.status === 'draft' && <button type="button" className="secondary" onClick={() => s.setDialog('editEstimate')}>Change estimate…</button>}
        {e.status !== 'invoiced' && <button type="button" className="secondary" onClick={() => void s.invoiceEstimate()}>Write invoice from estimate</button>}
      </div>
      <Lines lines={e.lines} />
      {e.note && <p className="hint">{e.note}</p>}
    </aside>
  );
}
