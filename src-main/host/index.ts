export { createHost, type Host, type HostDeps, type EventListener } from './createHost';
export { DataDirBusyError, readLockOwner, type LockInfo } from './lock';
export { DatabaseTooNewError } from '../db';
export { appVersion } from './version';
export { defaultDataDir } from './dataDir';
