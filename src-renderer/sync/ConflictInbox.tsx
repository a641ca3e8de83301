/** The conflict inbox: both versions of a record changed on both sides; keep the winner or switch. */
import { useEffect, useState } from 'react';
import type { AppErrorData, Conflict } from '../../src-shared/ipc';
import { api } from '../api/client';
import { recordKindWords } from '../../src-shared/recordWords';

const fieldLabels: Record<string, string> = {
  displayName: 'Name',
  companyName: 'Company',
  givenName: 'First name',
  familyName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  billingAddress: 'Billing address',
  shippingAddress: 'Shipping address',
  active: 'Active',
};

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).filter((v) => v !== null && v !== '').join(', ') || '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '—';
}

export function ConflictInbox() {
  const [rows, setRows] = useState<Conflict[]>([]);
  const [error, setError] = useState<AppErrorData | null>(null);
  const load = async () => {
    const result = await api.call('conflicts.list', { open: true });
    if (result.ok) setRows(result.value.rows);
    else setError(result.error);
  };
  useEffect(() => {
    void load();
  }, []);
  const resolve = async (id: number, keep: 'winner' | 'other') => {
    const result = await api.call('conflicts.resolve', { id, keep });
    if (!result.ok) setError(result.error);
    await load();
  };

  return (
    <div className="panel" aria-label="Conflict inbox">
      <h2>Conflict inbox {rows.length > 0 && <span className="badge warn">{rows.length}</span>}</h2>
      {error && <p role="alert" className="error">{error.message}</p>}
      {rows.length === 0 && <p className="hint">No conflicts: nothing was changed on both sides at once.</p>}
      {rows.map((c) => {
        const fields = Object.keys(fieldLabels).filter((f) => show(c.localVersion[f]) !== show(c.qboVersion[f]));
        return (
          <article key={c.id} className="conflict">
            <h3>{c.label} <span className="hint">({recordKindWords(c.entity)}; the {c.winner === 'qbo' ? 'QuickBooks' : 'ShelfSync'} edit was newer and is in use)</span></h3>
            <table>
              <thead><tr><th>Field</th><th>ShelfSync version</th><th>QuickBooks version</th></tr></thead>
              <tbody>
                {fields.map((f) => (
                  <tr key={f}><td>{fieldLabels[f]}</td><td>{show(c.localVersion[f])}</td><td>{show(c.qboVersion[f])}</td></tr>
                ))}
              </tbody>
            </table>
            <div className="actions toolbar">
              <button type="button" className="secondary" onClick={() => void resolve(c.id, 'winner')}>Keep the version in use</button>
              <button type="button" onClick={() => void resolve(c.id, 'other')}>
                Use the {c.winner === 'qbo' ? 'ShelfSync' : 'QuickBooks'} version instead
              </button>
            </div>
          </article>
        );
      })}
    </div>
  );
}
