export { createHost, launchPracticeCompany, type Host, type HostDeps, type EventListener } from './createHost';
export type { PracticeCompany, PracticeLauncher, SecretStore, TokenStoreKind } from '../auth';
export { keytarSecretStore, memorySecretStore, readTokenFile, readTokenFileForUpdate, writeTokenFile, TokenFileUnreadable } from '../auth';
export { DataDirBusyError, readLockOwner, type LockInfo } from './lock';
export { DatabaseTooNewError } from '../db';
export { appVersion } from './version';
export { defaultDataDir } from './dataDir';
export { createErrorLog, unexpectedErrorMessage, LOG_DIR, LOG_FILE, type ErrorLog, type ErrorLogOptions } from './errorLog';
