/** The plugin host: owns the database and the services, answers contract requests, emits contract events. */
import fs from 'node:fs';
import path from 'node:path';
import type { AppErrorData, EventName, EventPayload, Result } from '../../src-shared/ipc';
import type { Clock, Ids } from '../../src-shared/effects';
import { openDatabase, readSettings, recordApiCall, summarizeApiCalls, type Db } from '../db';
import type { ServiceContext } from '../db';
import { settingsHandlers } from './settingsHandlers';
import { appHandlers, type PrintPage } from './appHandlers';
import { warehouseHandlers } from '../warehouse';
import { createSyncService, defaultSyncers } from '../sync';
import type { SyncService, Timers } from '../sync';
import { randomIds, systemClock } from './effects';
import { acquireDataDirLock, type DataDirLock } from './lock';
import { createErrorLog, unexpectedErrorMessage, type ErrorLog } from './errorLog';
import { ConnectionManager, connectionHandlers, loadQboAppConfig, type ConnectionDeps, type PracticeCompany, type PracticeLauncher, type QboAppConfig, type SecretStore } from '../auth';
import { endpointsAt } from '../qbo';
import { createDispatcher, type Handlers } from './dispatch';

export interface HostDeps {
  dataDir: string;
  clock?: Clock;
  ids?: Ids;
  /** Opens a URL in the user's browser (Electron's shell.openExternal; a no-op or a test fake elsewhere). */
  openExternal?: (url: string) => Promise<void>;
  /** Shows the system's file dialog (Electron's dialog); absent elsewhere, where a path is typed instead. */
  chooseFile?: (purpose: 'backup' | 'restore') => Promise<string | null>;
  /** Prints the window's page or saves it as a PDF (Electron's webContents); absent elsewhere, where the browser prints. */
  print?: PrintPage;
  /** Base URL of QuickBooks Online (or the practice company). */
  qboBaseUrl?: string;
  /** Set false only for a short-lived reader that must not take the data folder's lock. */
  lock?: boolean;
  /** Where QuickBooks tokens are kept (keytar, safeStorage…); default keytar, else memory with a warning. */
  secrets?: SecretStore;
  /** QuickBooks app keys; default from the environment or the settings file (src-main/auth/appConfig.ts). */
  qboApp?: QboAppConfig | null;
  /** Starts the practice company; `connection.startPractice()` connects to it when nothing else is. */
  practice?: PracticeLauncher;
  /** Tuning for the QuickBooks connection (tests: time, limits, connect timeout). */
  qboConnection?: Pick<ConnectionDeps, 'connectTimeoutMs' | 'clientOptions'>;
  /** Run the sync scheduler (start-up catch-up, interval); off for one-shot CLI calls and most tests. */
  autoSync?: boolean;
  /** Timers for the sync scheduler (tests move time instead of waiting). */
  timers?: Timers;
  /** Receives the host's log lines (already redacted of tokens and secrets). */
  log?: (line: string) => void;
  /** Where unexpected errors are written; default `<dataDir>/logs/shelfsync.log` (src-main/host/errorLog.ts). */
  errorLog?: ErrorLog;
}

export type EventListener = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

export interface Host {
  readonly dataDir: string;
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  on(listener: EventListener): () => void;
  /** Records where this host serves the contract, so a CLI `call` on the same data folder can reach it. */
  advertise(endpoint: string): void;
  /** The QuickBooks connection (the CLI's connect/serve and the sync engine use it). */
  readonly connection: ConnectionManager;
  /**
   * Writes an error nobody expected to the error log (redacted) and answers the refusal to send,
   * whose message carries the error id. Transports use it for their own failures.
   */
  unexpected(error: unknown, context: string): { ok: false; error: AppErrorData };
  close(): Promise<void>;
}

export function createHost(deps: HostDeps): Host {
  const dataDir = path.resolve(deps.dataDir);
  const { lock, db, schemaVersion } = openDataDir(dataDir, deps.lock !== false);

  let closed = false;
  const listeners = new Set<EventListener>();
  const ctx = contextOf(db, deps, listeners);

  const connection = connectionOf(deps, ctx, dataDir, () => closed);

  const sync = createSyncService(ctx, {
    connection,
    syncers: defaultSyncers,
    ...(deps.timers ? { timers: deps.timers } : {}),
    apiCalls: () => summarizeApiCalls(db, connection.status().realmId, ctx.clock.now(), readSettings(db).monthlyReadAllowance),
  });

  const handlers: Handlers = {
    ...appHandlers(deps, dataDir, schemaVersion),
    ...settingsHandlers(),
    // The warehouse says when an order was settled; the sync engine sends its posting now if one waits.
    ...warehouseHandlers({ orderSettled: () => sync.orderQueued() }),
    ...connectionHandlers<ServiceContext>(connection),
    ...sync.handlers(),
  };
  replanOnChanges(listeners, connection, sync);
  if (deps.autoSync) sync.start();

  const unexpected = unexpectedAnswers(deps.errorLog ?? createErrorLog(dataDir));

  const invoke = createDispatcher({ handlers, ctx, closed: () => closed, unexpected });

  return {
    dataDir,
    invoke,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    advertise(endpoint) {
      lock?.setEndpoint(endpoint);
    },
    connection,
    unexpected,
    async close() {
      if (closed) return;
      closed = true;
      await sync.stop();
      await connection.close();
      listeners.clear();
      db.close();
      lock?.release();
    },
  };
}

/** What every handler is given: the database, the effects, and `emit` to the host's listeners. */
function contextOf(db: Db, deps: HostDeps, listeners: Set<EventListener>): ServiceContext {
  return {
    db,
    clock: deps.clock ?? systemClock,
    ids: deps.ids ?? randomIds,
    emit(name, payload) {
      for (const listener of listeners) listener(name, payload);
    },
  };
}

/** Writes an error nobody expected to the error log and answers the refusal that quotes its id. */
function unexpectedAnswers(errorLog: ErrorLog): Host['unexpected'] {
  return (error, context) => {
    const id = errorLog.record(error, context);
    return { ok: false as const, error: { code: 'internal' as const, message: unexpectedErrorMessage(id) } };
  };
}

/** The QuickBooks connection, each request it sends counted for the read budget as it leaves. */
function connectionOf(deps: HostDeps, ctx: ServiceContext, dataDir: string, closed: () => boolean): ConnectionManager {
  // A count that cannot be written never stops the request.
  const countCall = (kind: 'read' | 'write', realmId: string): void => {
    if (closed()) return;
    try {
      recordApiCall(ctx.db, realmId, kind, ctx.clock.now());
    } catch (error) {
      deps.log?.(`ShelfSync could not count a QuickBooks call: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return new ConnectionManager({
    db: ctx.db,
    dataDir,
    now: () => ctx.clock.now(),
    app: deps.qboApp === undefined ? loadQboAppConfig(dataDir) : deps.qboApp,
    onStatus: (status) => ctx.emit('connection.changed', status),
    ...(deps.openExternal ? { openExternal: deps.openExternal } : {}),
    ...(deps.secrets ? { secrets: deps.secrets } : {}),
    ...(deps.qboBaseUrl ? { endpoints: endpointsAt(deps.qboBaseUrl) } : {}),
    ...(deps.practice ? { practice: deps.practice } : {}),
    ...(deps.log ? { log: deps.log } : {}),
    ...deps.qboConnection,
    clientOptions: { ...deps.qboConnection?.clientOptions, meter: countCall },
  });
}

/** A change of settings or connection re-plans the next run; becoming connected catches up at once. */
function replanOnChanges(listeners: Set<EventListener>, connection: ConnectionManager, sync: SyncService): void {
  listeners.add((name) => {
    if (name === 'settings.changed') sync.poke();
  });
  connection.onChange((status) => {
    if (status.state === 'connected' || status.state === 'practice') sync.poke('reconnected');
    else sync.poke();
  });
}

/** Takes the data folder's lock (unless told not to) and opens its database; the lock is let go if that fails. */
function openDataDir(dataDir: string, takeLock: boolean): { lock: DataDirLock | null; db: Db; schemaVersion: number } {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = takeLock ? acquireDataDirLock(dataDir) : null;
  try {
    return { lock, ...openDatabase(path.join(dataDir, 'shelfsync.db')) };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** The practice company for practice mode, its file under <dataDir>/practice/. */
export async function launchPracticeCompany(dir: string): Promise<PracticeCompany> {
  // Loaded on demand: only practice mode needs the practice company in this process.
  const { startPracticeCompany, COMPANY_FILE_NAME } = await import('../sandbox');
  const sb = await startPracticeCompany({ dataFile: path.join(dir, COMPANY_FILE_NAME), autoConsent: true });
  return {
    baseUrl: sb.baseUrl,
    clientId: sb.clientId,
    clientSecret: sb.clientSecret,
    realmId: sb.realmId,
    reset: async () => {
      const res = await fetch(`${sb.adminUrl}/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (!res.ok) throw new Error('The practice company could not be reset.');
      await sb.save();
    },
    close: () => sb.close(),
  };
}
