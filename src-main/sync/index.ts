export { createSyncService, type SyncService, type ConnectionPort, type SyncServiceDeps } from './service';
export type { QboPort, QboObject, BatchOp, BatchResult, QboErrorLike } from './port';
export type { Syncers, PushSpec, PullSpec, SyncEnv, Prepared } from './syncer';
export { defaultSyncers } from './syncers';
export type { Timers } from './scheduler';
