/** Drift: items whose QuickBooks on-hand differs from ShelfSync's, with a one-click fix through the outbox. */
import { useState } from 'react';
import type { AppErrorData, DriftRow } from '../../src-shared/ipc';
import { api } from '../api/client';

export function DriftPanel() {
  const [rows, setRows] = useState<DriftRow[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const check = async () => {
    setBusy(true);
    setNote(null);
    const result = await api.call('sync.drift', {});
    setBusy(false);
    if (result.ok) {
      setRows(result.value.rows);
      setError(null);
    } else setError(result.error);
  };
  const fix = async (itemIds?: string[]) => {
    setBusy(true);
    const result = await api.call('sync.fixDrift', itemIds ? { itemIds } : {});
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setNote(`${result.value.queued} adjustment(s) queued; they go to QuickBooks on the next sync.`);
    setRows(null);
  };

  return (
    <div className="panel" aria-label="Drift report">
      <h2>Drift between ShelfSync and QuickBooks</h2>
      <div className="actions toolbar">
        <button type="button" className="secondary" disabled={busy} onClick={() => void check()}>Check drift</button>
        {rows && rows.length > 0 && (
          <button type="button" disabled={busy} onClick={() => void fix()}>Fix all ({rows.length})</button>
        )}
      </div>
      {error && <p role="alert" className="error">{error.message}</p>}
      {note && <p role="status" className="ok">{note}</p>}
      {rows && rows.length === 0 && <p role="status">QuickBooks matches ShelfSync for every linked inventory item.</p>}
      {rows && rows.length > 0 && (
        <table>
          <thead><tr><th>Item</th><th>ShelfSync</th><th>QuickBooks</th><th>Difference</th><th /></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.itemId}>
                <td>{r.name}</td><td>{r.local}</td><td>{r.quickBooks}</td><td>{r.difference}{r.queued !== '0' && <span className="hint"> ({r.queued} still queued)</span>}</td>
                <td><button type="button" className="secondary" disabled={busy} onClick={() => void fix([r.itemId])}>Fix</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
