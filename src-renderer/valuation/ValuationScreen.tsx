/** Stock valuation: per-site totals and the overall total beside QuickBooks' inventory asset balance, the difference and the items behind it. */
import { useEffect } from 'react';
import type { Valuation, ValuationExplain } from '../../src-shared/ipc';
import { ClipCell } from '../ui/Clip';
import { money, plural, when } from '../ui/format';
import './valuation.css';
import { useValuation, valuationSortDefault } from './store';
import { ExportButton } from '../ui/ExportButton';
import { SortHeader } from '../ui/SortHeader';

const reasons: Record<ValuationExplain['kind'], string> = {
  quantity: 'Quantity differs',
  cost: 'Cost changed in QuickBooks',
  notInQuickBooks: 'Not in QuickBooks',
};

function Totals(props: { v: Valuation }) {
  const { v } = props;
  const q = v.quickBooks;
  return (
    <table className="rows valuation-totals" aria-label="Totals">
      <thead><tr><th>Site</th><th className="num">Items</th><th className="num">Value</th></tr></thead>
      <tbody>
        {v.sites.map((s) => (
          <tr key={s.siteId} aria-label={`Site ${s.siteName}`}><ClipCell text={s.siteName} /><td className="num">{s.items}</td><td className="num">{money(s.valueCents)}</td></tr>
        ))}
        <tr className="total" aria-label="ShelfSync total"><th scope="row">ShelfSync total</th><td /><td className="num">{money(v.totalCents)}</td></tr>
        {q.read && q.accounts.map((a) => (
          <tr key={a.id} aria-label={`QuickBooks account ${a.name}`}><ClipCell text={`QuickBooks: ${a.name}`} /><td /><td className="num">{money(a.balanceCents)}</td></tr>
        ))}
        {q.read && <tr className="total" aria-label="QuickBooks balance"><th scope="row">QuickBooks inventory asset balance</th><td /><td className="num">{money(q.balanceCents)}</td></tr>}
        {q.read && <tr className="total" aria-label="Difference"><th scope="row">Difference (ShelfSync − QuickBooks)</th><td /><td className="num">{money(q.differenceCents)}</td></tr>}
      </tbody>
    </table>
  );
}

function Explaining(props: { rows: ValuationExplain[] }) {
  if (props.rows.length === 0) return <p className="hint">No item differs from QuickBooks in quantity or cost.</p>;
  return (
    <table className="rows valuation-explain" aria-label="Items that explain the difference">
      <thead>
        <tr><th>Item</th><th>Why</th><th className="num">On hand here</th><th className="num">On hand in QuickBooks</th><th className="num">Cost here</th><th className="num">QuickBooks cost</th><th className="num">Explains</th></tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={`${r.itemId}-${r.kind}`} aria-label={`${r.itemName}: ${reasons[r.kind]}`}>
            <ClipCell text={r.itemName} />
            <td>{reasons[r.kind]}</td>
            <td className="num">{r.localOnHand}</td>
            <td className="num">{r.quickBooksOnHand ?? '—'}</td>
            <td className="num">{money(r.localCostCents)}</td>
            <td className="num">{r.quickBooksCostCents === null ? '—' : money(r.quickBooksCostCents)}</td>
            <td className="num">{money(r.amountCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const lineHeads = [
  { sort: 'item', label: 'Item' },
  { sort: 'sku', label: 'SKU', className: 'opt' },
  { sort: 'site', label: 'Site' },
  { sort: 'onHand', label: 'On hand', className: 'num' },
  { sort: 'cost', label: 'Cost', className: 'num' },
  { sort: 'value', label: 'Value', className: 'num' },
] as const;

/** Every line (item × site with stock), sorted by any column; the Export button saves them in the same order. */
function Lines() {
  const s = useValuation();
  return (
    <>
      <table className="rows valuation-lines" aria-label="Stock value by item and site">
        <caption>Stock value by item and site ({s.lines.length} of {plural(s.lineTotal, 'line')})</caption>
        <thead>
          <tr>
            {lineHeads.map((h) => (
              <SortHeader key={h.sort} list="valuation" sort={h.sort} label={h.label} fallback={valuationSortDefault} onSort={() => void s.loadLines()} {...('className' in h ? { className: h.className } : {})} />
            ))}
          </tr>
        </thead>
        <tbody>
          {s.lines.map((l) => (
            <tr key={`${l.itemId}-${l.siteId}`}><ClipCell text={l.itemName} /><td className="opt">{l.sku ?? ''}</td><ClipCell text={l.siteName} /><td className="num">{l.onHand}</td><td className="num">{money(l.costCents)}</td><td className="num">{money(l.valueCents)}</td></tr>
          ))}
          {s.lines.length === 0 && <tr><td colSpan={lineHeads.length} className="hint">No inventory item has stock.</td></tr>}
        </tbody>
      </table>
      {s.lines.length < s.lineTotal && (
        <button type="button" className="secondary" onClick={() => void s.loadLines(true)}>Show more ({s.lineTotal - s.lines.length} more)</button>
      )}
    </>
  );
}

export function ValuationScreen() {
  const s = useValuation();
  useEffect(() => {
    void s.load();
  }, []);
  const v = s.valuation;
  return (
    <section className="valuation-screen">
      <div className="screen-head">
        <h1>Stock valuation</h1>
        <button type="button" disabled={s.loading} onClick={() => void s.load()}>{s.loading ? 'Reading…' : 'Refresh'}</button>
        <ExportButton list="valuation" filter={{}} fallback={valuationSortDefault} />
        {v && <span className="hint">Read {when(v.checkedAt)}</span>}
      </div>
      {s.error && <p role="alert" className="error">{s.error.message}</p>}
      {v && !v.quickBooks.read && <p role="status" className="notice">{v.quickBooks.reason}</p>}
      {v && (
        <div className="valuation-body">
          <Totals v={v} />
          {v.quickBooks.read && <h2>What explains the difference</h2>}
          {v.quickBooks.read && <Explaining rows={v.quickBooks.explaining} />}
          <Lines />
        </div>
      )}
    </section>
  );
}
