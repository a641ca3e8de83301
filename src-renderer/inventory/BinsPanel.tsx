/** On the open item: its primary bin at each active site, and a field to set it (the bin is made if the site has none by that code). */
import { useEffect, useState } from 'react';
import type { AppErrorData, ItemBin, Site } from '../../src-shared/ipc';
import { api } from '../api/client';
import { openPrint } from '../print/route';

function SiteBinRow(props: { itemId: string; site: Site; bins: ItemBin[]; onSaved: (bins: ItemBin[]) => void; onError: (e: AppErrorData | null) => void }) {
  const primary = props.bins.find((b) => b.primary);
  const others = props.bins.filter((b) => !b.primary).map((b) => b.code);
  const [code, setCode] = useState('');
  const save = async () => {
    const result = await api.call('bins.assign', { itemId: props.itemId, siteId: props.site.id, code, primary: true });
    if (!result.ok) return props.onError(result.error);
    props.onError(null);
    setCode('');
    props.onSaved(result.value.bins);
  };
  return (
    <tr>
      <td>{props.site.name}</td>
      <td>{primary ? <strong>{primary.code}</strong> : <span className="hint">none</span>}{others.length > 0 && <span className="hint"> also {others.join(', ')}</span>}</td>
      <td>
        <form className="inline" onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <input aria-label={`Primary bin at ${props.site.name}`} placeholder="A-03-2" value={code} onChange={(e) => setCode(e.target.value)} />
          <button type="submit" className="secondary small" disabled={code.trim() === ''}>Set</button>
        </form>
      </td>
      <td>
        {props.bins.length > 0 && (
          <button type="button" className="secondary small" aria-label={`Print labels at ${props.site.name}`} onClick={() => openPrint('itemLabels', { itemIds: [props.itemId], siteId: props.site.id })}>Item label</button>
        )}{' '}
        {props.bins.length > 0 && (
          <button type="button" className="secondary small" aria-label={`Print bin labels at ${props.site.name}`} onClick={() => openPrint('binLabels', { siteId: props.site.id, codes: props.bins.map((b) => b.code) })}>Bin labels</button>
        )}
      </td>
    </tr>
  );
}

export function BinsPanel(props: { itemId: string }) {
  const [sites, setSites] = useState<Site[]>([]);
  const [bins, setBins] = useState<ItemBin[]>([]);
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([api.call('sites.list', {}), api.call('bins.forItem', { itemId: props.itemId })]).then(([s, b]) => {
      if (!live) return;
      if (s.ok) setSites(s.value.filter((site) => site.active));
      if (b.ok) setBins(b.value.bins);
      else setError(b.error);
    });
    return () => {
      live = false;
    };
  }, [props.itemId]);
  return (
    <section className="bins-panel" aria-label="Bins">
      <h3>Bins</h3>
      <table aria-label="Bins by site">
        <thead><tr><th>Site</th><th>Primary bin</th><th>Set primary bin</th><th>Print</th></tr></thead>
        <tbody>
          {sites.map((site) => (
            <SiteBinRow key={site.id} itemId={props.itemId} site={site} bins={bins.filter((b) => b.siteId === site.id)} onSaved={setBins} onError={setError} />
          ))}
        </tbody>
      </table>
      {error && <p role="alert" className="error">{error.message}</p>}
    </section>
  );
}
