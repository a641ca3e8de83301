/** Settings → Connection: which QuickBooks company, its state, and connect/disconnect/reset. */
import { useEffect } from 'react';
import type { ConnectionStatus } from '../../src-shared/ipc';
import { useConnection } from './connectionStore';
import { DangerButton } from '../ui/DangerButton';

const stateLabels: Record<ConnectionStatus['state'], string> = {
  disconnected: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  practice: 'Practice company',
  reconnectNeeded: 'Reconnect needed',
  offline: 'Offline',
};

const storeLabels: Record<ConnectionStatus['tokenStore'], string> = {
  keychain: 'the system keychain',
  safeStorage: 'encrypted app storage',
  file: 'a private file (practice company only)',
  memory: 'memory only (sign in again after a restart)',
};

export function ConnectionPanel() {
  const { status, error, busy, load, connect, cancel, disconnect, resetPractice } = useConnection();
  useEffect(() => {
    void load();
  }, [load]);

  if (!status) return <fieldset className="connection"><legend>QuickBooks connection</legend><p role="status">{error ? error.message : 'Loading…'}</p></fieldset>;
  const connectedish = status.state === 'connected' || status.state === 'offline' || (status.state === 'reconnectNeeded' && status.realmId !== null) || status.state === 'practice';
  return (
    <fieldset className="connection" aria-label="QuickBooks connection">
      <legend>QuickBooks connection</legend>
      <p>
        <strong className={`connection-state connection-${status.state}`} data-testid="connection-state">
          {stateLabels[status.state]}
        </strong>
        {status.practice && (
          <span className="badge badge-practice" data-testid="practice-badge" title="Not your real books">
            Practice company
          </span>
        )}
      </p>
      {status.companyName && (
        <dl className="connection-company">
          <dt>Company</dt>
          <dd data-testid="company-name">{status.companyName}</dd>
          <dt>Realm ID</dt>
          <dd data-testid="realm-id">{status.realmId}</dd>
        </dl>
      )}
      <p role="status" data-testid="connection-message">{status.message}</p>
      {status.state === 'connecting' && status.authorizeUrl && (
        <p>
          If no browser opened, <a href={status.authorizeUrl} target="_blank" rel="noreferrer">open the QuickBooks sign-in page</a>.
        </p>
      )}
      {error && <p role="alert" className="error">{error.message}</p>}
      {!status.practice && connectedish && status.state !== 'reconnectNeeded' && <p className="hint">Sign-in kept in {storeLabels[status.tokenStore]}.</p>}
      <div className="actions">
        {status.state === 'connecting' ? (
          <button type="button" onClick={() => void cancel()} disabled={busy}>Cancel</button>
        ) : (
          <button type="button" onClick={() => void connect()} disabled={busy}>
            {status.state === 'reconnectNeeded' ? 'Reconnect to QuickBooks' : status.practice || status.state === 'disconnected' ? 'Connect to QuickBooks' : 'Connect another company'}
          </button>
        )}
        {status.practice && (
          <DangerButton
            label="Reset practice company…"
            confirmTitle="Reset the practice company?"
            confirmLabel="Reset practice company"
            disabled={busy || status.state === 'connecting'}
            onConfirm={resetPractice}
          >
            <p>The practice company goes back to its starting records: everything ShelfSync sent to it is gone from it.</p>
            <p className="hint">Your real QuickBooks company is not touched, and ShelfSync’s own records stay as they are.</p>
          </DangerButton>
        )}
        {connectedish && (
          <DangerButton
            label="Disconnect…"
            confirmTitle={`Disconnect ${status.companyName ?? 'QuickBooks'}?`}
            confirmLabel="Disconnect"
            disabled={busy || status.state === 'connecting'}
            onConfirm={disconnect}
          >
            <p>ShelfSync signs out of this company at Intuit and stops syncing with it.</p>
            <p className="hint">All records in ShelfSync are kept; changes wait until you connect again.</p>
          </DangerButton>
        )}
      </div>
    </fieldset>
  );
}
