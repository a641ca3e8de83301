/** Backup and restore of the whole ShelfSync database to a file the user names (or picks, in the ShelfSync window). */
import { useEffect, useState } from 'react';
import { api } from '../api/client';

export function BackupFieldset() {
  const [file, setFile] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // The system's file dialog exists only in the Electron window; in a browser the path is typed.
  const [dialogs, setDialogs] = useState(false);
  useEffect(() => {
    void api.call('app.info', {}).then((r) => setDialogs(r.ok && r.value.fileDialogs));
  }, []);

  const choose = async (purpose: 'backup' | 'restore') => {
    const result = await api.call('app.chooseFile', { purpose });
    if (!result.ok) setMessage({ ok: false, text: result.error.message });
    else if (result.value.file) setFile(result.value.file);
    return result.ok ? result.value.file : null;
  };

  const act = async (what: 'backup.create' | 'backup.restore', path = file) => {
    if (what === 'backup.restore' && !window.confirm(`Replace everything in ShelfSync with the backup in ${path}?`)) return;
    setBusy(true);
    const result = await api.call(what, { file: path });
    setBusy(false);
    setMessage(result.ok ? { ok: true, text: what === 'backup.create' ? `Backup written to ${path}.` : 'Restored from the backup.' } : { ok: false, text: result.error.message });
  };

  const restore = async () => {
    const path = dialogs && !file ? await choose('restore') : file;
    if (path) await act('backup.restore', path);
  };

  return (
    <fieldset>
      <legend>Backup and restore</legend>
      <label className="field">
        <span>Backup file (full path)</span>
        <input name="backupFile" value={file} placeholder="/home/clerk/shelfsync-backup.db" onChange={(e) => setFile(e.target.value)} />
      </label>
      <div className="actions toolbar">
        {dialogs && <button type="button" className="secondary" disabled={busy} onClick={() => void choose('backup')}>Choose where…</button>}
        <button type="button" className="secondary" disabled={busy || !file} onClick={() => void act('backup.create')}>Back up now</button>
        <button type="button" className="secondary" disabled={busy || (!file && !dialogs)} onClick={() => void restore()}>Restore from file…</button>
      </div>
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'}>{message.text}</p>}
    </fieldset>
  );
}
