/**
 * The status the app shows for the connection, worked out from the connection manager's state. Pure:
 * it reads what it is given and changes nothing.
 */
import type { ConnectionStatus } from '../../src-shared/ipc';
import type { ConnectionRecord } from './connectionRecord';
import { statusMessages } from './messages';

export interface StatusInputs {
  /** The active connection's record, else the saved one. */
  record: ConnectionRecord | null;
  /** Whether a client with tokens exists for that record. */
  active: boolean;
  /** The connect attempt under way, if any. */
  pending: { authorizeUrl: string | null } | null;
  offline: boolean;
  /** Why the last connect attempt failed, shown while disconnected. */
  lastFailure: string | null;
  /** Set when the saved sign-in exists but could not be read (never shown as "not found"). */
  unreadable?: boolean;
  /** Where real QuickBooks tokens are kept (the practice company's are always in a file). */
  secureKind: ConnectionStatus['tokenStore'];
}

export function connectionStatus(input: StatusInputs): ConnectionStatus {
  const { record } = input;
  const practice = record?.kind === 'practice';
  const base = {
    companyName: record?.companyName ?? null,
    realmId: record?.realmId ?? null,
    practice,
    tokenStore: practice ? ('file' as const) : input.secureKind,
    authorizeUrl: null,
  };
  if (input.pending) return { ...base, state: 'connecting', message: statusMessages.connecting, authorizeUrl: input.pending.authorizeUrl };
  if (record?.reconnectNeeded) return { ...base, state: 'reconnectNeeded', message: statusMessages.reconnect(record.reconnectMessage ?? '') };
  if (!record) return { ...base, state: 'disconnected', message: input.lastFailure ?? statusMessages.disconnected };
  if (!input.active) {
    const message = practice ? statusMessages.practiceStopped : statusMessages.reconnect(input.unreadable ? statusMessages.tokensUnreadable : statusMessages.tokensMissing);
    return { ...base, state: practice ? 'practice' : 'reconnectNeeded', message };
  }
  if (input.offline) return { ...base, state: 'offline', message: statusMessages.offline };
  if (practice) return { ...base, state: 'practice', message: statusMessages.practice(record.companyName) };
  return { ...base, state: 'connected', message: statusMessages.connected(record.companyName) };
}
