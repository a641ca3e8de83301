/** Invoices and estimates: lists, new documents (by hand, from a picked order, from an estimate), the open one. */
import { useEffect, type KeyboardEvent } from 'react';
import { ClipCell } from '../ui/Clip';
import { day, money, plural } from '../ui/format';
import { DocumentForm } from './DocumentForm';
import { EstimateDetail, estimateStatusLabels, InvoiceBadges, InvoiceDetail } from './DocumentDetail';
import { FromOrderDialog } from './FromOrderDialog';
import { documentSortDefault, useDocuments, type DocKind } from './store';
import { ExportButton } from '../ui/ExportButton';
import { SortHeader } from '../ui/SortHeader';
import { KeyButton } from '../ui/KeyButton';
import { shortcuts } from '../ui/keyboard';

export function DocumentsScreen() {
  const s = useDocuments();
  useEffect(() => {
    void s.load();
  }, []);
  const invoices = s.kind === 'invoices';
  const head = (sort: string, label: string, className?: string) => (
    <SortHeader list={s.kind} sort={sort} label={label} fallback={documentSortDefault} onSort={() => void s.load()} {...(className ? { className } : {})} />
  );
  const rowProps = (id: string, selected: boolean, open: (id: string) => Promise<void>) => ({
    tabIndex: 0,
    className: selected ? 'selected' : undefined,
    'aria-selected': selected,
    onClick: () => void open(id),
    onKeyDown: (e: KeyboardEvent) => { if (e.key === 'Enter') void open(id); },
  });
  return (
    <section className="documents">
      <div className="screen-head">
        <h1>Invoices and estimates</h1>
        <div role="tablist" aria-label="Which documents" className="tabs">
          {(['invoices', 'estimates'] as DocKind[]).map((kind) => (
            <button key={kind} type="button" role="tab" aria-selected={s.kind === kind} onClick={() => void s.setFilter({ kind })}>
              {kind === 'invoices' ? 'Invoices' : 'Estimates'}
            </button>
          ))}
        </div>
      </div>
      <div className="toolbar filters" role="search">
        <input type="search" aria-label={`Search ${s.kind}`} placeholder="Number or customer" value={s.search} onChange={(e) => void s.setFilter({ search: e.target.value })} />
        <span className="count-label" role="status">{plural(s.total, invoices ? 'invoice' : 'estimate')}</span>
        {invoices ? (
          <>
            <KeyButton shortcut={shortcuts.new} what="New invoice" onClick={() => s.setDialog('invoice')}>New invoice…</KeyButton>
            <button type="button" className="secondary" onClick={() => s.setDialog('fromOrder')}>Invoice a picked order…</button>
          </>
        ) : (
          <KeyButton shortcut={shortcuts.new} what="New estimate" onClick={() => s.setDialog('estimate')}>New estimate…</KeyButton>
        )}
        <ExportButton list={s.kind} filter={{ search: s.search.trim() || undefined }} fallback={documentSortDefault} />
      </div>
      {!s.invoice && !s.estimate && s.error && <p role="alert" className="error">{s.error.message}</p>}
      <div className="master">
        <div className="list-pane">
        {invoices ? (
          <table className="rows" aria-label="Invoices">
            <thead><tr>{head('number', 'Number')}{head('qboNumber', 'QuickBooks no.', 'opt')}{head('customer', 'Customer')}{head('date', 'Date', 'opt')}{head('total', 'Total', 'num')}{head('balance', 'Balance', 'num')}{head('status', 'Status')}</tr></thead>
            <tbody>
              {s.invoices.map((i) => (
                <tr key={i.id} {...rowProps(i.id, i.id === s.invoice?.id, s.openInvoice)}>
                  <td>{i.number}</td><td className="opt">{i.qboNumber ?? '—'}</td><ClipCell text={i.customerName} /><td className="opt">{day(i.date)}</td>
                  <td className="num">{money(i.totalCents)}</td><td className="num">{money(i.balanceCents)}</td><td><InvoiceBadges invoice={i} /></td>
                </tr>
              ))}
              {s.invoices.length === 0 && <tr><td colSpan={7} className="hint">No invoices yet.</td></tr>}
            </tbody>
          </table>
        ) : (
          <table className="rows" aria-label="Estimates">
            <thead><tr>{head('number', 'Number')}{head('customer', 'Customer')}{head('date', 'Date', 'opt')}{head('expirationDate', 'Expires', 'opt')}{head('total', 'Total', 'num')}{head('status', 'Status')}</tr></thead>
            <tbody>
              {s.estimates.map((e) => (
                <tr key={e.id} {...rowProps(e.id, e.id === s.estimate?.id, s.openEstimate)}>
                  <td>{e.number}</td><ClipCell text={e.customerName} /><td className="opt">{day(e.date)}</td><td className="opt">{day(e.expirationDate)}</td>
                  <td className="num">{money(e.totalCents)}</td><td>{estimateStatusLabels[e.status]}</td>
                </tr>
              ))}
              {s.estimates.length === 0 && <tr><td colSpan={6} className="hint">No estimates yet.</td></tr>}
            </tbody>
          </table>
        )}
        </div>
        {invoices && s.invoice ? <InvoiceDetail invoice={s.invoice} /> : !invoices && s.estimate ? <EstimateDetail estimate={s.estimate} /> : (
          <aside className="detail empty hint">Choose {invoices ? 'an invoice' : 'an estimate'}.</aside>
        )}
      </div>
      {s.dialog === 'invoice' && <DocumentForm kind="invoice" />}
      {s.dialog === 'editInvoice' && s.invoice && <DocumentForm kind="invoice" editing={s.invoice} />}
      {s.dialog === 'estimate' && <DocumentForm kind="estimate" />}
      {s.dialog === 'editEstimate' && s.estimate && <DocumentForm kind="estimate" editing={s.estimate} />}
      {s.dialog === 'fromOrder' && <FromOrderDialog />}
    </section>
  );
}
