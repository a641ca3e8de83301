/** Settings → Connection: which QuickBooks company, its state, and connect/disconnect/reset. */
import { useEffect } from 'react';
import type { ConnectionStatus } from '../../src-shared/ipc';
import { useConnection } from './connectionStore';

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
          <button type="button" onClick={() => void resetPractice()} disabled={busy || status.state === 'connecting'}>Reset practice company</button>
        )}
        {connectedish && (
          <button type="button" onClick={() => void disconnect()} disabled={busy || status.state === 'connecting'}>Disconnect</button>
        )}
      </div>
    </fieldset>
  );
}
