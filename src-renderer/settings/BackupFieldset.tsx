/** Backup and restore of the whole ShelfSync database to a file the user names. */
import { useState } from 'react';
import { api } from '../api/client';

export function BackupFieldset() {
  const [file, setFile] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (what: 'backup.create' | 'backup.restore') => {
    if (what === 'backup.restore' && !window.confirm(`Replace everything in ShelfSync with the backup in ${file}?`)) return;
    setBusy(true);
    const result = await api.call(what, { file });
    setBusy(false);
    setMessage(result.ok ? { ok: true, text: what === 'backup.create' ? `Backup written to ${file}.` : 'Restored from the backup.' } : { ok: false, text: result.error.message });
  };

  return (
    <fieldset>
      <legend>Backup and restore</legend>
      <label className="field">
        <span>Backup file (full path)</span>
        <input name="backupFile" value={file} placeholder="/home/clerk/shelfsync-backup.db" onChange={(e) => setFile(e.target.value)} />
      </label>
      <div className="actions toolbar">
        <button type="button" className="secondary" disabled={busy || !file} onClick={() => void act('backup.create')}>Back up now</button>
        <button type="button" className="secondary" disabled={busy || !file} onClick={() => void act('backup.restore')}>Restore from file…</button>
      </div>
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'}>{message.text}</p>}
    </fieldset>
  );
}
