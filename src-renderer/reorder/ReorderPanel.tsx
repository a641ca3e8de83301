/** On the open item: its position per site (available, on order) and the levels and vendor it is reordered by. */
import { useEffect, useState } from 'react';
import type { AppErrorData, ReorderInfo, StockPosition } from '../../src-shared/ipc';
import { api } from '../api/client';
import { qtyText } from '../ui/format';
import { Lookup } from '../ui/Lookup';
import { searchVendors } from '../ui/lookups';
import './reorder.css';

function LevelsRow(props: { itemId: string; site: StockPosition; onSaved: (info: ReorderInfo) => void; onError: (e: AppErrorData) => void }) {
  const p = props.site;
  const [point, setPoint] = useState(p.reorderPoint);
  const [upTo, setUpTo] = useState(p.reorderUpTo);
  useEffect(() => {
    setPoint(p.reorderPoint);
    setUpTo(p.reorderUpTo);
  }, [p.reorderPoint, p.reorderUpTo]);
  const changed = point !== p.reorderPoint || upTo !== p.reorderUpTo;
  const save = async () => {
    const result = await api.call('reorderLevels.set', { itemId: props.itemId, siteId: p.siteId, reorderPoint: qtyText(point), reorderUpTo: qtyText(upTo) });
    if (result.ok) props.onSaved(result.value);
    else props.onError(result.error);
  };
  return (
    <tr className={p.low ? 'low' : undefined}>
      <td>{p.siteName}{p.low && <span className="badge bad"> low</span>}</td>
      <td className="num">{p.available}</td>
      <td className="num">{p.onOrder}</td>
      <td><input aria-label={`Reorder point at ${p.siteName}`} value={point} onChange={(e) => setPoint(e.target.value)} /></td>
      <td><input aria-label={`Reorder up to at ${p.siteName}`} value={upTo} onChange={(e) => setUpTo(e.target.value)} /></td>
      <td>{changed && <button type="button" className="small" onClick={() => void save()}>Save</button>}</td>
    </tr>
  );
}

export function ReorderPanel(props: { itemId: string; version: string }) {
  const [info, setInfo] = useState<ReorderInfo | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('reorderLevels.get', { itemId: props.itemId }).then((r) => {
      if (!live) return;
      if (r.ok) setInfo(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [props.itemId, props.version]);
  if (!info || info.itemId !== props.itemId) return null;
  const saved = (next: ReorderInfo) => {
    setInfo(next);
    setError(null);
  };
  const setVendor = async (vendorId: string | null) => {
    const result = await api.call('reorderLevels.setVendor', { itemId: props.itemId, vendorId });
    if (result.ok) saved(result.value);
    else setError(result.error);
  };
  const vendor = info.preferredVendor;
  return (
    <section className="reorder-panel" aria-label="Reordering">
      <h3>Reordering</h3>
      <div className="field">
        <Lookup
          name="preferredVendor"
          label="Preferred vendor"
          value={vendor ? { id: vendor.id, label: vendor.name } : null}
          onChange={(option) => void setVendor(option?.id ?? null)}
          search={searchVendors}
          placeholder="Preferred vendor"
        />
        {vendor?.fromQuickBooks && <span className="hint">from QuickBooks</span>}
      </div>
      <table aria-label="Reorder levels by site">
        <thead><tr><th>Site</th><th className="num">Available</th><th className="num">On order</th><th>Reorder at</th><th>Up to</th><th /></tr></thead>
        <tbody>
          {info.sites.map((site) => <LevelsRow key={site.siteId} itemId={info.itemId} site={site} onSaved={saved} onError={setError} />)}
        </tbody>
      </table>
      {error && <p role="alert" className="error">{error.message}</p>}
    </section>
  );
}
