/** On the Count tab: print a count sheet for a site (optionally one bin; blind hides the expected quantity), or the site's bin labels. */
import { useEffect, useState } from 'react';
import { useSites } from '../ui/sites';
import { openPrint } from './route';

export function PrintCountSheet() {
  const { sites, load } = useSites();
  const [siteId, setSiteId] = useState('');
  const [binCode, setBinCode] = useState('');
  const [blind, setBlind] = useState(false);
  useEffect(() => void load(), [load]);
  const active = sites.filter((s) => s.active);
  const chosen = siteId || active.find((s) => s.isDefault)?.id || active[0]?.id || 'main';
  return (
    <section className="print-count" aria-label="Print a count sheet">
      <h2>Print a count sheet</h2>
      <p className="hint">A sheet to count on paper, in bin order. A blind count leaves the expected quantity off, so the counter writes only what is there.</p>
      <form className="actions toolbar" onSubmit={(e) => { e.preventDefault(); openPrint('countSheet', { siteId: chosen, binCode: binCode.trim(), blind }); }}>
        <label className="inline">Site{' '}
          <select name="sheetSite" value={chosen} onChange={(e) => setSiteId(e.target.value)}>
            {active.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label className="inline">Bin (optional){' '}
          <input name="sheetBin" placeholder="all bins" size={10} value={binCode} onChange={(e) => setBinCode(e.target.value)} />
        </label>
        <label className="inline check"><input type="checkbox" name="blind" checked={blind} onChange={(e) => setBlind(e.target.checked)} /> Blind count</label>
        <button type="submit">Print count sheet…</button>
        <button type="button" className="secondary" onClick={() => openPrint('binLabels', { siteId: chosen })}>Print bin labels…</button>
      </form>
    </section>
  );
}
