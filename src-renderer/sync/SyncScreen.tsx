/** Sync: live status and progress, Sync Now, Resend All Data with its preview, history, errors. */
import { useEffect } from 'react';
import type { RunCounts, SyncLogEntry, SyncRun, SyncStatus } from '../../src-shared/ipc';
import { openRecord } from './recordLinks';
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

const triggerWords: Record<SyncRun['trigger'], string> = {
  interval: 'On schedule',
  manual: 'Sync Now',
  startup: 'At start',
  reconnected: 'After reconnecting',
  resendAll: 'Resend All Data',
  orderPosted: 'Order posted',
  countPush: 'Full count push',
};

/** The record an error is about, named as the clerk knows it; a click opens it on its screen. */
function ErrorRecord({ entry }: { entry: SyncLogEntry }) {
  const kind = entry.entity ? recordKindWords(entry.entity) : null;
  if (entry.record) {
    const record = entry.record;
    return (
      <button type="button" className="link" title={`Open ${record.label}`} onClick={() => void openRecord(record)}>
        {record.label}
      </button>
    );
  }
  if (!entry.localId) return <span className="hint">{kind ?? 'The whole run'}</span>;
  return <span className="hint">{kind ? `${kind} no longer in ShelfSync` : 'A record no longer in ShelfSync'}</span>;
}

function directionOf(key: string): string {
  const words = recordKindWords(key);
  if (words.includes('→')) return words;
  return key.endsWith('.push') ? `${words} → QuickBooks` : key.endsWith('.pull') ? `${words} from QuickBooks` : words;
}

/** A long run (first import, Resend All Data) as a live bar, with what each kind of record has come to so far. */
function RunProgress({ progress }: { progress: NonNullable<SyncStatus['progress']> }) {
  const rows = Object.entries(progress.counts ?? {}).filter(([, c]) => c.created + c.updated + c.skipped + c.failed > 0);
  return (
    <div className="run-progress">
      <span>{progress.phase}{progress.total > 0 ? `: ${progress.done} of ${progress.total}` : ''}</span>
      <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label="Sync progress" />
      {rows.length > 0 && (
        <table aria-label="So far in this run">
          <thead><tr><th>Records</th><th className="num">Created</th><th className="num">Updated</th><th className="num">Skipped</th><th className="num">Failed</th></tr></thead>
          <tbody>
            {rows.map(([key, c]) => (
              <tr key={key}>
                <td>{directionOf(key)}</td>
                <td className="num">{c.created}</td><td className="num">{c.updated}</td><td className="num">{c.skipped}</td><td className="num">{c.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

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
        {running && progress && <RunProgress progress={progress} />}
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
      <table aria-label="Last synced">
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
                <td>{when(run.startedAt)}</td><td>{triggerWords[run.trigger]}</td><td>{statusWords[run.status]}</td>
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
              <td>{when(e.at)}</td>
              <td><ErrorRecord entry={e} /></td>
              <td title={e.qboCode ? 'QuickBooks’ error code' : 'Found by ShelfSync before anything was sent'}>{e.qboCode ?? '—'}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
