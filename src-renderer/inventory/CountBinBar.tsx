/**
 * Counting bin by bin: which bin the scans go into (a bin label scanned switches it), Finish bin, and
 * the items kept in the finished bin that were not scanned there, to confirm as none or leave uncounted.
 */
import { useState } from 'react';
import { useCount } from './countStore';

export function CountBinBar() {
  const c = useCount();
  if (c.finishing) return <FinishBin />;
  if (c.currentBin === null) {
    return (
      <>
        {c.notice && <p role="status" className="ok notice">{c.notice}</p>}
        {c.bins.length > 0 && (
          <p className="hint">To count bin by bin, scan the bin label first: the items scanned after it count into that bin, and each item’s count is the sum over its bins. With no bin being counted, a typed quantity is the item’s whole count here.</p>
        )}
      </>
    );
  }
  return (
    <div className="actions toolbar count-bin" aria-label="Bin being counted">
      <span>
        Counting bin <strong>{c.currentBin}</strong>: scans and typed quantities count into this bin. Scan another bin label to switch.
      </span>
      <span className="spacer" />
      <button type="button" onClick={() => void c.finishBin()}>Finish bin {c.currentBin}</button>
      <button type="button" className="secondary" onClick={c.leaveBin}>Stop counting by bin</button>
    </div>
  );
}

function FinishBin() {
  const c = useCount();
  const [zero, setZero] = useState<ReadonlySet<string>>(new Set());
  const bin = c.finishing;
  if (!bin) return null;
  const toggle = (itemId: string, on: boolean) => setZero((s) => { const next = new Set(s); if (on) next.add(itemId); else next.delete(itemId); return next; });
  return (
    <div className="review" role="group" aria-label={`Finish bin ${bin.binCode}`}>
      <h3>Finish bin {bin.binCode}</h3>
      <p>
        {bin.notScanned.length === 1 ? 'This item is' : `These ${bin.notScanned.length} items are`} kept in {bin.binCode} but {bin.notScanned.length === 1 ? 'was' : 'were'} not
        scanned there. Check the ones that are not in the bin to count them as none there; the others stay uncounted in it.
      </p>
      <ul className="plain">
        {bin.notScanned.map((item) => (
          <li key={item.itemId}>
            <label>
              <input type="checkbox" checked={zero.has(item.itemId)} onChange={(e) => toggle(item.itemId, e.target.checked)} /> None in {bin.binCode}: {item.itemName}{' '}
              <span className="hint">({item.expected} expected at the site)</span>
            </label>
          </li>
        ))}
      </ul>
      <div className="actions toolbar">
        <button type="button" disabled={zero.size === 0} onClick={() => void c.confirmBin([...zero])}>Count the checked as none in {bin.binCode}</button>
        <button type="button" className="secondary" onClick={() => setZero(new Set(bin.notScanned.map((i) => i.itemId)))}>Check all</button>
        <button type="button" className="secondary" onClick={() => void c.confirmBin([])}>Leave them uncounted</button>
      </div>
    </div>
  );
}
