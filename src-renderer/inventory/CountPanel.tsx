/** Counting a site: start, scan or type what is on the shelf, review the differences, post, read the report. */
import { useEffect, useState } from 'react';
import type { CountSession } from '../../src-shared/ipc';
import { offeredSites, useSites } from '../ui/sites';
import { ScanField } from '../ui/ScanField';
import { when } from '../ui/format';
import { countedIn, countPageSize, quantityDifference, useCount } from './countStore';
import { CountBinBar } from './CountBinBar';
import { CountReview, CountReport } from './CountReview';
import { PrintCountSheet } from '../print/PrintCountSheet';

export function CountPanel() {
  const c = useCount();
  const sites = useSites((s) => s.sites);
  const [siteId, setSiteId] = useState('');
  const { loadOpenCounts } = c;
  const counting = c.session !== null;
  useEffect(() => {
    if (!counting) void loadOpenCounts();
  }, [counting, loadOpenCounts]);
  if (c.report) return <CountReport />;
  if (!c.session) {
    return (
      <section className="panel count" aria-label="Count">
        {c.openCounts.length > 0 && (
          <>
            <h2>Open counts</h2>
            <ul className="open-counts" aria-label="Open counts">
              {c.openCounts.map((o) => (
                <li key={o.id}>
                  <span>{o.siteName} · started {when(o.startedAt)} by {o.startedBy} · {o.countedCount} of {o.lineCount} counted{o.note ? ` · ${o.note}` : ''}</span>{' '}
                  <button type="button" className="secondary" disabled={c.busy !== null} onClick={() => void c.resume(o.id)}>Resume</button>
                </li>
              ))}
            </ul>
          </>
        )}
        <h2>Count a site</h2>
        <p className="hint">Counting lists every active inventory item at the site with what ShelfSync expects there. Items you do not count are left as they are. To count bin by bin, scan each bin label before the items in it.</p>
        <form className="actions toolbar" onSubmit={(e) => { e.preventDefault(); void c.start(siteId); }}>
          <label className="inline">Site{' '}
            <select name="countSite" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
              {offeredSites(sites, siteId).map((s) => <option key={s.id} value={s.isDefault ? '' : s.id}>{s.name}</option>)}
            </select>
          </label>
          <button type="submit" disabled={c.busy !== null}>{c.busy ?? 'Start count'}</button>
        </form>
        {c.error && <p role="alert" className="error">{c.error.message}</p>}
        <PrintCountSheet />
      </section>
    );
  }
  const s = c.session;
  return (
    <section className="panel count" aria-label="Count">
      <h2>Counting {s.siteName}</h2>
      <p className="hint">Started {when(s.startedAt)} by {s.startedBy} · {s.countedCount} of {s.lineCount} items counted</p>
      <ScanField label={c.currentBin === null ? 'Scan to count one' : `Scan to count one in ${c.currentBin}`} onScan={c.scan} routing={!c.review && !c.finishing} />
      {c.error && <p role="alert" className="error">{c.error.message}</p>}
      {!c.review && <CountBinBar />}
      {c.review ? (
        <CountReview />
      ) : (
        <>
          <table aria-label="Count lines" className="count-lines">
            <thead><tr><th>Item</th><th>Bins counted</th><th className="num">Expected</th><th className="num">{c.currentBin === null ? 'Counted' : `Counted in ${c.currentBin}`}</th><th className="num">Difference</th></tr></thead>
            <tbody>
              {s.lines.map((line) => <CountLine key={line.itemId} line={line} />)}
            </tbody>
          </table>
          <div className="actions toolbar pager">
            <button type="button" className="secondary" disabled={c.offset === 0} onClick={() => void c.page(Math.max(0, c.offset - countPageSize))}>Previous</button>
            <span>{s.lineCount === 0 ? 'No items' : `${c.offset + 1}–${Math.min(c.offset + countPageSize, s.lineCount)} of ${s.lineCount}`}</span>
            <button type="button" className="secondary" disabled={c.offset + countPageSize >= s.lineCount} onClick={() => void c.page(c.offset + countPageSize)}>Next</button>
            <span className="spacer" />
            <button type="button" disabled={c.reviewProgress !== null} onClick={() => void c.startReview()}>
              {c.reviewProgress !== null ? `Gathering lines… ${Math.round(c.reviewProgress * 100)}%` : 'Review differences…'}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function CountLine(props: { line: CountSession['lines'][number] }) {
  const enter = useCount((s) => s.enter);
  const bin = useCount((s) => s.currentBin);
  const { line } = props;
  const shown = countedIn(line, bin);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (text === null || text.trim() === (shown ?? '')) return setText(null);
    if (text.trim() === '') return setText(null);
    const failed = await enter(line.itemId, text.trim().replace(',', '.'));
    setError(failed ? failed.message.replace(/^counted: /, '') : null);
    if (!failed) setText(null);
  };
  const difference = line.counted === null ? '' : quantityDifference(line.counted, line.expected);
  return (
    <tr className={line.counted !== null && difference !== '0' ? 'differs' : undefined}>
      <td>{line.itemName}</td>
      <td className="bins-counted">
        {line.bins.map((b) => `${b.binCode}: ${b.counted}`).join(' · ')}
        {line.uncountedBins.length > 0 && <span className="hint"> (not counted in {line.uncountedBins.join(', ')})</span>}
      </td>
      <td className="num">{line.expected}</td>
      <td className="num">
        <input
          className="num"
          aria-label={bin === null ? `Counted ${line.itemName}` : `Counted ${line.itemName} in ${bin}`}
          inputMode="decimal"
          value={text ?? shown ?? ''}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => void save()}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void save(); } }}
        />
        {error && <span role="alert" className="error">{error}</span>}
      </td>
      <td className="num">{difference && (difference.startsWith('-') || difference === '0' ? difference : `+${difference}`)}</td>
    </tr>
  );
}
