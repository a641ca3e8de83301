/** Sync: live status and progress, Sync Now, Resend All Data with its preview, history, errors. */
import { useEffect } from 'react';
import type { RunCounts, SyncRun } from '../../src-shared/ipc';
import { useSync } from './store';
import { RunChart } from './RunChart';
import { DriftPanel } from './DriftPanel';
import { ConflictInbox } from './ConflictInbox';
import { ReadBudget } from './ReadBudget';
import { recordKindWords } from '../../src-shared/recordWords';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

function totals(counts: RunCounts) {
  const sum = { created: 0, updated: 0, skipped: 0, failed: 0 };
  for (const c of Object.values(counts)) {
    sum.created += c.created;
    sum.updated += c.updated;
    sum.skipped += c.skipped;
    sum.failed += c.failed;
  }
  return sum;
}

const statusWords: Record<SyncRun['status'], string> = {
  running: 'Running',
  ok: 'Completed',
  errors: 'Completed with errors',
  failed: 'Failed',
  interrupted: 'Interrupted',
};

export function SyncScreen() {
  const s = useSync();
  useEffect(() => {
    void s.load();
  }, []);
  const status = s.status;
  const running = status?.state === 'running' || s.busy === 'now' || s.busy === 'resend';
  const progress = status?.progress;

  return (
    <section className="sync">
      <h1>Sync</h1>
      <div className="panel" role="status" aria-live="polite">
        <strong>{running ? 'Sync running' : status?.state === 'paused' ? 'Sync paused' : 'Sync idle'}</strong>
        {status?.pausedReason && <p className="hint">{status.pausedReason}</p>}
        {running && progress && (
          <div>
            <span>{progress.phase}</span>
            <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label="Sync progress" />
          </div>
        )}
        <p>
          Last run: {status?.lastRun ? `${when(status.lastRun.finishedAt ?? status.lastRun.startedAt)} — ${statusWords[status.lastRun.status]}` : 'never'}
          {' · '}Next run: {when(status?.nextRunAt ?? null)}
          {' · '}Waiting to send: {status?.pendingChanges ?? 0}
          {' · '}Needing attention: {status?.failedChanges ?? 0}
        </p>
        <ReadBudget calls={status?.apiCalls} />
      </div>
      <div className="actions toolbar">
        <button type="button" disabled={running} onClick={() => void s.syncNow()}>Sync Now</button>
        <button type="button" className="secondary" disabled={running} onClick={() => void s.showPreview('next')}>Preview next sync</button>
        <button type="button" className="secondary" disabled={running} onClick={() => void s.showPreview('resendAll')}>Resend All Data…</button>
        <button type="button" className="secondary" disabled={running} onClick={() => void s.pushCounts()}>Push full count</button>
        <button type="button" className="secondary" onClick={() => void s.setPaused(!status?.userPaused)}>
          {status?.userPaused ? 'Resume sync' : 'Pause sync'}
        </button>
        <button type="button" className="secondary" onClick={() => void s.downloadErrors()}>Download Errors</button>
      </div>
      {s.error && <p role="alert" className="error">{s.error.message}</p>}
      {s.preview && (
        <div className="panel" aria-label="Preview">
          <h2>Preview: {s.preview.length === 0 ? 'nothing to send' : `${s.preview.length} record(s)`}</h2>
          <table>
            <thead><tr><th>Record</th><th>Type</th><th>Would</th><th>Why</th></tr></thead>
            <tbody>
              {s.preview.slice(0, 200).map((line) => (
                <tr key={`${line.entity}:${line.localId}`}><td>{line.label}</td><td>{recordKindWords(line.entity)}</td><td>{line.action}</td><td>{line.reason ?? ''}</td></tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" onClick={() => void s.resendAll()}>Resend All Data now</button>
            <button type="button" className="secondary" onClick={s.closePreview}>Close</button>
          </div>
        </div>
      )}
      <ConflictInbox />
      <DriftPanel />
      <h2>Last synced</h2>
      <table>
        <tbody>
          {Object.entries(status?.lastSynced ?? {}).map(([entity, at]) => (
            <tr key={entity}><td>{recordKindWords(entity)}</td><td>{when(at)}</td></tr>
          ))}
        </tbody>
      </table>
      <h2>History</h2>
      <RunChart runs={s.history} />
      <table aria-label="Sync history">
        <thead><tr><th>Started</th><th>Trigger</th><th>Result</th><th>Created</th><th>Updated</th><th>Skipped</th><th>Failed</th></tr></thead>
        <tbody>
          {s.history.map((run) => {
            const t = totals(run.counts);
            return (
              <tr key={run.id}>
                <td>{when(run.startedAt)}</td><td>{run.trigger}</td><td>{statusWords[run.status]}</td>
                <td>{t.created}</td><td>{t.updated}</td><td>{t.skipped}</td><td>{t.failed}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>Errors</h2>
      <table aria-label="Sync errors">
        <thead><tr><th>When</th><th>Record</th><th>Code</th><th>What to do</th></tr></thead>
        <tbody>
          {s.errors.map((e) => (
            <tr key={e.id} className={e.level}>
              <td>{when(e.at)}</td><td>{[e.entity && recordKindWords(e.entity), e.localId].filter(Boolean).join(' ')}</td><td>{e.qboCode ?? ''}</td><td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
