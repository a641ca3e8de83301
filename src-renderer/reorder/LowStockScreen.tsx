/** Low stock: items at or below their reorder point, by preferred vendor, and draft POs made from them. */
import { useEffect } from 'react';
import type { LowStockLine } from '../../src-shared/ipc';
import { ClipCell } from '../ui/Clip';
import { plural } from '../ui/format';
import { useSites } from '../ui/sites';
import { Lookup } from '../ui/Lookup';
import { searchVendors } from '../ui/lookups';
import './reorder.css';
import '../ui/sort.css';
import { ExportButton } from '../ui/ExportButton';
import { lineKey, useLowStock, type LowStockSort } from './store';

const columns: { sort: LowStockSort; label: string; num?: boolean; opt?: boolean }[] = [
  { sort: 'item', label: 'Item' },
  { sort: 'sku', label: 'SKU', opt: true },
  { sort: 'site', label: 'Site' },
  { sort: 'onHand', label: 'On hand', num: true, opt: true },
  { sort: 'committed', label: 'Committed', num: true },
  { sort: 'available', label: 'Available', num: true },
  { sort: 'onOrder', label: 'On order', num: true },
  { sort: 'reorderPoint', label: 'Reorder at', num: true },
  { sort: 'suggested', label: 'Suggested', num: true },
];

function SortHeader(props: { sort: LowStockSort; label: string; num?: boolean | undefined; opt?: boolean | undefined }) {
  const s = useLowStock();
  const active = s.sort === props.sort;
  return (
    <th className={[props.num ? 'num' : '', props.opt ? 'opt' : ''].filter(Boolean).join(' ') || undefined} aria-sort={active ? (s.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="link sort" onClick={() => void s.sortBy(props.sort)}>
        {props.label}{active ? (s.direction === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
}

function LineRow(props: { line: LowStockLine }) {
  const l = props.line;
  const s = useLowStock();
  const key = lineKey(l);
  const choice = s.choices[key];
  if (!choice) return null;
  return (
    <tr aria-label={`${l.itemName} at ${l.siteName}`}>
      <td><input type="checkbox" aria-label={`Order ${l.itemName} for ${l.siteName}`} checked={choice.ticked} onChange={(e) => s.choose(key, { ticked: e.target.checked })} /></td>
      <ClipCell className="item" text={l.itemName} />
      <td className="opt">{l.sku ?? ''}</td>
      <ClipCell className="site" text={l.siteName} />
      <td className="num opt">{l.onHand}</td>
      <td className="num">{l.committed}</td>
      <td className="num">{l.available}</td>
      <td className="num">{l.onOrder}</td>
      <td className="num">{l.reorderPoint} → {l.reorderUpTo}</td>
      <td className="num">{l.suggested}</td>
      <td><input className="qty" aria-label={`Quantity of ${l.itemName} for ${l.siteName}`} value={choice.qty} onChange={(e) => s.choose(key, { qty: e.target.value, ticked: true })} /></td>
      <td>
        {l.vendorId === null ? (
          <Lookup name={`vendor-${key}`} label={`Vendor for ${l.itemName}`} value={choice.vendor} onChange={(vendor) => s.choose(key, { vendor })} search={searchVendors} placeholder="Choose a vendor" />
        ) : (
          <span>{l.vendorName}{l.vendorFromQuickBooks && <span className="badge"> QuickBooks</span>}</span>
        )}
      </td>
    </tr>
  );
}

/** Lines in their sort order; under the vendor sort, one group per vendor with its name as a heading row. */
function groupsOf(rows: LowStockLine[], byVendor: boolean): { title: string | null; lines: LowStockLine[] }[] {
  if (!byVendor) return [{ title: null, lines: rows }];
  const groups: { title: string | null; lines: LowStockLine[] }[] = [];
  for (const line of rows) {
    const title = line.vendorName ?? 'No preferred vendor: choose one per line';
    const last = groups[groups.length - 1];
    if (last && last.title === title) last.lines.push(line);
    else groups.push({ title, lines: [line] });
  }
  return groups;
}

function LowStockTable() {
  const s = useLowStock();
  const groups = groupsOf(s.rows, s.sort === 'vendor');
  return (
    <table className="rows low-stock" aria-label="Low stock">
      <thead>
        <tr>
          <th><span className="sr-only">Order</span></th>
          {columns.map((c) => <SortHeader key={c.sort} {...c} />)}
          <th>Order qty</th>
          <SortHeader sort="vendor" label="Vendor" />
        </tr>
      </thead>
      {groups.map((g) => (
        <tbody key={g.title ?? 'all'} aria-label={g.title ?? undefined}>
          {g.title && <tr className="group"><th colSpan={columns.length + 3} scope="rowgroup">{g.title}</th></tr>}
          {g.lines.map((l) => <LineRow key={lineKey(l)} line={l} />)}
        </tbody>
      ))}
      {s.rows.length === 0 && !s.loading && <tbody><tr><td colSpan={columns.length + 3} className="hint">Nothing is at or below its reorder point.</td></tr></tbody>}
    </table>
  );
}

export function LowStockScreen() {
  const s = useLowStock();
  const { sites, load: loadSites } = useSites();
  useEffect(() => {
    void loadSites();
    void s.load();
  }, []);
  const ticked = s.rows.filter((l) => s.choices[lineKey(l)]?.ticked).length;
  return (
    <section className="low-stock-screen">
      <div className="screen-head"><h1>Low stock</h1></div>
      <div className="toolbar filters" role="search">
        <select aria-label="Site" value={s.siteId} onChange={(e) => void s.setFilter({ siteId: e.target.value })}>
          <option value="">All sites</option>
          {sites.filter((x) => x.active).map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
        </select>
        <input type="search" aria-label="Search low stock" placeholder="Item name or SKU" value={s.search} onChange={(e) => void s.setFilter({ search: e.target.value })} />
        <span className="count-label" role="status">{plural(s.total, 'line')}</span>
        <button type="button" disabled={s.busy || ticked === 0} onClick={() => void s.createPurchaseOrders()}>
          {s.busy ? 'Creating…' : `Create purchase orders (${ticked})`}
        </button>
        <ExportButton list="lowStock" filter={{ siteId: s.siteId || undefined, search: s.search.trim() || undefined }} sorting={{ sort: s.sort, direction: s.direction }} />
      </div>
      {s.notice && <p role="status" className="ok notice">{s.notice}</p>}
      {s.error && <p role="alert" className="error">{s.error.message}</p>}
      <div className="list-pane scroll"><LowStockTable /></div>
    </section>
  );
}
