/** The plugin host: owns the database and the services, answers contract requests, emits contract events. */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  AppError,
  describeIssues,
  type AppErrorData,
  parseInput,
  isRequestName,
  requests,
  type EventName,
  type EventPayload,
  type HandlerFor,
  type RequestName,
  type Result,
} from '../../src-shared/ipc';
import type { Clock, Ids } from '../../src-shared/effects';
import { openDatabase, readSettings, recordApiCall, summarizeApiCalls, type Db } from '../db';
import type { ServiceContext } from '../db';
import { settingsHandlers } from './settingsHandlers';
import { warehouseHandlers } from '../warehouse';
import { createSyncService, defaultSyncers } from '../sync';
import type { Timers } from '../sync';
import { randomIds, systemClock } from './effects';
import { acquireDataDirLock, type DataDirLock } from './lock';
import { appVersion } from './version';
import { createErrorLog, unexpectedErrorMessage, type ErrorLog } from './errorLog';
import { ConnectionManager, connectionHandlers, loadQboAppConfig, type ConnectionDeps, type PracticeCompany, type PracticeLauncher, type QboAppConfig, type SecretStore } from '../auth';
import { endpointsAt, QboError } from '../qbo';

export interface HostDeps {
  dataDir: string;
  clock?: Clock;
  ids?: Ids;
  /** Opens a URL in the user's browser (Electron's shell.openExternal; a no-op or a test fake elsewhere). */
  openExternal?: (url: string) => Promise<void>;
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

type AnyHandler = (input: unknown, ctx: ServiceContext) => unknown;
type Handlers = { [N in RequestName]: HandlerFor<N, ServiceContext> };

export function createHost(deps: HostDeps): Host {
  const dataDir = path.resolve(deps.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const lock: DataDirLock | null = deps.lock === false ? null : acquireDataDirLock(dataDir);
  let db: Db;
  let schemaVersion: number;
  try {
    ({ db, schemaVersion } = openDatabase(path.join(dataDir, 'shelfsync.db')));
  } catch (error) {
    lock?.release();
    throw error;
  }

  let closed = false;
  const listeners = new Set<EventListener>();
  const ctx: ServiceContext = {
    db,
    clock: deps.clock ?? systemClock,
    ids: deps.ids ?? randomIds,
    emit(name, payload) {
      for (const listener of listeners) listener(name, payload);
    },
  };

  const connection = new ConnectionManager({
    db,
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
    clientOptions: { ...deps.qboConnection?.clientOptions, meter: (kind, realmId) => countCall(kind, realmId) },
  });
  // Counted as each request leaves; a count that cannot be written never stops the request.
  function countCall(kind: 'read' | 'write', realmId: string): void {
    if (closed) return;
    try {
      recordApiCall(db, realmId, kind, ctx.clock.now());
    } catch (error) {
      deps.log?.(`ShelfSync could not count a QuickBooks call: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const sync = createSyncService(ctx, {
    connection,
    syncers: defaultSyncers,
    ...(deps.timers ? { timers: deps.timers } : {}),
    apiCalls: () => summarizeApiCalls(db, connection.status().realmId, ctx.clock.now(), readSettings(db).monthlyReadAllowance),
  });

  const handlers: Handlers = {
    'app.info': () => ({ name: 'ShelfSync', version: appVersion, dataDir, schemaVersion }),
    ...settingsHandlers(),
    // The warehouse says when an order was settled; the sync engine sends its posting now if one waits.
    ...warehouseHandlers({ orderSettled: () => sync.orderQueued() }),
    ...connectionHandlers<ServiceContext>(connection),
    ...sync.handlers(),
  };
  // A change of settings or connection re-plans the next run; becoming connected catches up at once.
  listeners.add((name) => {
    if (name === 'settings.changed') sync.poke();
  });
  connection.onChange((status) => {
    if (status.state === 'connected' || status.state === 'practice') sync.poke('reconnected');
    else sync.poke();
  });
  if (deps.autoSync) sync.start();

  const errorLog = deps.errorLog ?? createErrorLog(dataDir);
  const unexpected = (error: unknown, context: string) => {
    const id = errorLog.record(error, context);
    return { ok: false as const, error: { code: 'internal' as const, message: unexpectedErrorMessage(id) } };
  };

  async function invoke(name: string, input: unknown): Promise<Result<unknown>> {
    if (closed) return { ok: false, error: { code: 'refused', message: 'ShelfSync is shutting down.' } };
    if (typeof name !== 'string' || !isRequestName(name)) {
      return { ok: false, error: { code: 'unknown_request', message: `There is no request named "${String(name).slice(0, 100)}".` } };
    }
    try {
      const parsed = parseInput(requests[name].input as z.ZodType, input ?? {}, name);
      if (!parsed.ok) return parsed;
      const handler = handlers[name] as AnyHandler;
      const value = await handler(parsed.value, ctx);
      return { ok: true, value };
    } catch (error) {
      // A refusal with words for a clerk is an answer; anything else is logged with an id.
      return expectedErrorData(error) ?? unexpected(error, `answering the request ${name}`);
    }
  }

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

/** The answer for an error a handler meant to give; null for one nobody expected. */
function expectedErrorData(error: unknown): { ok: false; error: AppErrorData } | null {
  if (error instanceof AppError) return { ok: false, error: error.toData() };
  if (error instanceof z.ZodError) return { ok: false, error: describeIssues(error) };
  // QuickBooks' faults carry a message written for a clerk (the raw HTTP error never leaves qbo/).
  if (error instanceof QboError) return { ok: false, error: { code: error.kind === 'validation' ? 'refused' : 'qbo', message: error.message } };
  // Unknown failures keep their message out of the answer (it may carry library internals): the log has it.
  return null;
}

/** The practice company for practice mode, its file under <dataDir>/practice/. */
export async function launchPracticeCompany(dir: string): Promise<PracticeCompany> {
  // Loaded on demand: only practice mode needs the practice company in this process.
  const { startSandbox, COMPANY_FILE_NAME } = await import('../sandbox');
  const sb = await startSandbox({ dataFile: path.join(dir, COMPANY_FILE_NAME), autoConsent: true });
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
