export { openDatabase, readSchemaVersion, latestSchemaVersion, DatabaseTooNewError, NotAShelfSyncDatabaseError, type Db } from './database';
export type { Migration } from './migration';
export { migrations } from './migrations';
export type { ServiceContext } from './context';
export { readSettings, writeSettings, mergeSettings, readSettingsEntry, writeSettingsEntry } from './settings';
export { enqueueOutbox, enqueueNewRecords, outboxKinds, type OutboxKind, type OutboxEntry } from './outbox';
export { statement } from './statements';
export { durableTransaction } from './durable';
export { recordApiCall, summarizeApiCalls, localDay, type ApiCallKind, type ApiCallSummary } from './apiCalls';
