/** "Export CSV": the list as shown (its filter and sort, every matching row), saved as a file. */
import { useState } from 'react';
import type { AppErrorData, ExportList } from '../../src-shared/ipc';
import { api } from '../api/client';
import { useSorts, type Sorting } from './listSort';

/** Saves text as a file through the browser's download (the Electron window does the same). */
export function saveFile(fileName: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

export function ExportButton(props: { list: ExportList; filter: Record<string, unknown>; fallback?: Sorting; sorting?: Sorting; label?: string }) {
  const stored = useSorts((s) => s.sorts[props.list]);
  const sorting = props.sorting ?? stored ?? props.fallback;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    // Leave out filters that are not set, as the list's own request does.
    const filter = Object.fromEntries(Object.entries(props.filter).filter(([, v]) => v !== undefined && v !== ''));
    const result = await api.call('exports.csv', { list: props.list, filter, ...(sorting ? { sort: sorting.sort, direction: sorting.direction } : {}) });
    setBusy(false);
    if (result.ok) saveFile(result.value.fileName, result.value.csv);
    else setError(result.error);
  };
  return (
    <>
      <button type="button" className="secondary" disabled={busy} onClick={() => void run()}>
        {busy ? 'Exporting…' : (props.label ?? 'Export CSV')}
      </button>
      {error && <span role="alert" className="error">{error.message}</span>}
    </>
  );
}
