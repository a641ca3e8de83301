/** Shown on every screen while the practice company (not a real QuickBooks company) is connected. */
import { useEffect, useState } from 'react';
import type { ConnectionStatus } from '../../src-shared/ipc';
import { api } from '../api/client';

export function PracticeBadge() {
  const [status, setStatus] = useState<ConnectionStatus | null>(null);
  useEffect(() => {
    void api.call('connection.status', {}).then((r) => r.ok && setStatus(r.value));
    return api.on('connection.changed', setStatus);
  }, []);
  if (!status) return null;
  if (status.practice) return <div className="nav-badge badge warn" title={status.message}>Practice company</div>;
  if (status.state === 'reconnectNeeded') return <div className="nav-badge badge bad" title={status.message}>Reconnect QuickBooks</div>;
  if (status.state === 'offline') return <div className="nav-badge badge bad" title={status.message}>QuickBooks offline</div>;
  return null;
}
