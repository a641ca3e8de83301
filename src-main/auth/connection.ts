/**
 * The connection to one QuickBooks company (or the practice company): connect, cancel, disconnect,
 * status, and the `QboClient` every caller shares (one limiter per realm). The sync engine asks
 * `client()` before each run and listens to `onChange` to learn about reconnect-needed.
 */
import path from 'node:path';
import type { ConnectionStatus } from '../../src-shared/ipc';
import type { Db } from '../db';
import { createQboClient, endpointsAt, intuitProduction, intuitSandbox, QboError, RealmLimiter, realTime, redactSecrets, type QboClient, type QboClientOptions, type QboEndpoints } from '../qbo';
import type { QboAppConfig } from './appConfig';
import { ConnectFailure, runConnectFlow } from './connectFlow';
import { clearConnectionRecord, readConnectionRecord, writeConnectionRecord, type ConnectionRecord } from './connectionRecord';
import { statusMessages } from './messages';
import { IntuitOAuth } from './oauthClient';
import { followInProcess, type PracticeCompany, type PracticeLauncher } from './practice';
import { defaultSecretStore, practiceFileSecretStore, type SecretStore } from './secretStore';
import { parseStoredTokens, tokensFromAnswer } from './storedTokens';
import { TokenManager } from './tokenManager';

export interface ConnectionDeps {
  db: Db;
  dataDir: string;
  now: () => Date;
  /** Opens the sign-in page in the user's browser. */
  openExternal?: (url: string) => Promise<void>;
  /** Where real tokens live; by default keytar, else memory with a warning. */
  secrets?: SecretStore;
  /** App keys for real QuickBooks (null: only the practice company can be connected). */
  app?: QboAppConfig | null;
  /** Where the real QuickBooks lives (tests point it at a practice company). */
  endpoints?: QboEndpoints;
  practice?: PracticeLauncher;
  connectTimeoutMs?: number;
  /** Passed to every client this connection makes (time, limits, retry…), for tests and tuning. */
  clientOptions?: Partial<Pick<QboClientOptions, 'time' | 'limiter' | 'limits' | 'retry' | 'batchMaxItems' | 'timeoutMs'>>;
  onStatus: (status: ConnectionStatus) => void;
  log?: (line: string) => void;
}

interface Active {
  record: ConnectionRecord;
  tokens: TokenManager;
  client: QboClient;
  store: SecretStore;
  oauth: IntuitOAuth;
}

interface Pending {
  abort: AbortController;
  authorizeUrl: string | null;
  done: Promise<void>;
}

export type ClientAnswer = { ok: true; qbo: QboClient } | { ok: false; reason: string };

export const PRACTICE_DIR = 'practice';

export class ConnectionManager {
  private active: Active | null = null;
  private record: ConnectionRecord | null;
  private pending: Pending | null = null;
  private offline = false;
  private lastFailure: string | null = null;
  private practiceCompany: PracticeCompany | null = null;
  private secureStore: Promise<SecretStore> | null = null;
  private secureKind: ConnectionStatus['tokenStore'];
  private readonly listeners = new Set<(status: ConnectionStatus) => void>();
  private readonly limiters = new Map<string, RealmLimiter>();
  readonly ready: Promise<void>;

  constructor(private readonly deps: ConnectionDeps) {
    this.record = readConnectionRecord(deps.db);
    this.secureKind = deps.secrets?.kind ?? 'keychain';
    this.ready = this.restore().catch((error: unknown) => this.log(`Could not restore the QuickBooks connection: ${describe(error)}`));
  }

  /** Listens to every status change; answers an unsubscribe function. */
  onChange(listener: (status: ConnectionStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): ConnectionStatus {
    const record = this.active?.record ?? this.record;
    const practice = record?.kind === 'practice';
    const base = {
      companyName: record?.companyName ?? null,
      realmId: record?.realmId ?? null,
      practice,
      tokenStore: practice ? ('file' as const) : (this.deps.secrets?.kind ?? this.secureKind),
      authorizeUrl: null,
    };
    if (this.pending) return { ...base, state: 'connecting', message: statusMessages.connecting, authorizeUrl: this.pending.authorizeUrl };
    if (record?.reconnectNeeded) return { ...base, state: 'reconnectNeeded', message: statusMessages.reconnect(record.reconnectMessage ?? '') };
    if (!record) return { ...base, state: 'disconnected', message: this.lastFailure ?? statusMessages.disconnected };
    if (!this.active) {
      const message = practice ? statusMessages.practiceStopped : statusMessages.reconnect(statusMessages.tokensMissing);
      return { ...base, state: practice ? 'practice' : 'reconnectNeeded', message };
    }
    if (this.offline) return { ...base, state: 'offline', message: statusMessages.offline };
    if (practice) return { ...base, state: 'practice', message: statusMessages.practice(record.companyName) };
    return { ...base, state: 'connected', message: statusMessages.connected(record.companyName) };
  }

  /** For the sync engine: the shared client, or why there is none (sync pauses with that reason). */
  async client(): Promise<ClientAnswer> {
    await this.ready;
    const status = this.status();
    if (this.active && !this.active.record.reconnectNeeded) return { ok: true, qbo: this.active.client };
    return { ok: false, reason: status.message };
  }

  /** Starts a connect; answers once the sign-in page address is known (or the attempt failed early). */
  async connect(input: { sandboxUrl?: string | undefined } = {}, onAuthorizeUrl?: (url: string) => void): Promise<ConnectionStatus> {
    await this.ready;
    this.cancelPending();
    const app = this.deps.app ?? null;
    if (!app) {
      this.lastFailure = statusMessages.noAppKeys;
      this.changed();
      throw new QboError({ kind: 'validation', code: 'no_app_keys', message: statusMessages.noAppKeys });
    }
    const endpoints = input.sandboxUrl ? endpointsAt(input.sandboxUrl) : (this.deps.endpoints ?? (app.environment === 'sandbox' ? intuitSandbox : intuitProduction));
    const flow = this.startFlow({
      kind: 'quickbooks',
      app,
      endpoints,
      authBase: input.sandboxUrl ?? null,
      open: this.deps.openExternal ?? (() => Promise.resolve()),
      ...(onAuthorizeUrl ? { onAuthorizeUrl } : {}),
    });
    await flow.started;
    return this.status();
  }

  /** Waits until the saved sign-in is restored and the current connect attempt (if any) has ended. */
  async settled(): Promise<ConnectionStatus> {
    await this.ready;
    await this.pending?.done;
    return this.status();
  }

  cancel(): ConnectionStatus {
    this.cancelPending();
    return this.status();
  }

  async disconnect(): Promise<ConnectionStatus> {
    await this.ready;
    this.cancelPending();
    const active = this.active;
    this.active = null;
    let note: string | null = null;
    if (active) {
      try {
        await active.oauth.revoke(active.tokens.refreshToken);
      } catch {
        note = 'QuickBooks could not be reached to revoke the sign-in; it was removed from this computer, and you can also remove ShelfSync under Apps in QuickBooks.';
      }
      await active.store.delete(active.record.realmId);
    }
    if (this.record?.kind === 'practice') await this.stopPractice();
    clearConnectionRecord(this.deps.db);
    this.record = null;
    this.offline = false;
    this.lastFailure = note;
    this.changed();
    return this.status();
  }

  async resetPractice(): Promise<ConnectionStatus> {
    await this.ready;
    if (this.record?.kind !== 'practice' || !this.practiceCompany) {
      throw new QboError({ kind: 'validation', code: 'not_practice', message: 'The practice company is not connected, so there is nothing to reset.' });
    }
    await this.practiceCompany.reset();
    const info = await this.active?.client.companyInfo();
    if (info && this.record) this.saveRecord({ ...this.record, companyName: info.companyName });
    this.changed();
    return this.status();
  }

  /**
   * Practice mode: with no real QuickBooks connected, start the practice company and connect to it
   * (auto-consent through the same OAuth flow), so a new user sees a working app at once.
   */
  async startPractice(): Promise<ConnectionStatus> {
    await this.ready;
    if (!this.deps.practice || this.record?.kind === 'quickbooks') return this.status();
    const dir = path.join(this.deps.dataDir, PRACTICE_DIR);
    const company = this.practiceCompany ?? (await this.deps.practice(dir));
    this.practiceCompany = company;
    const endpoints = endpointsAt(company.baseUrl);
    const app: QboAppConfig = { clientId: company.clientId, clientSecret: company.clientSecret, environment: 'sandbox' };
    const store = practiceFileSecretStore(dir);
    const saved = this.record?.kind === 'practice' ? parseStoredTokens(await store.get(company.realmId)) : null;
    if (saved && this.record) {
      this.activate(this.record, saved, store, app, endpoints);
      return this.status();
    }
    const flow = this.startFlow({ kind: 'practice', app, endpoints, authBase: company.baseUrl, open: followInProcess, store });
    await flow.started;
    await this.settled();
    return this.status();
  }

  async close(): Promise<void> {
    this.cancelPending();
    await this.stopPractice();
    this.listeners.clear();
  }

  // — internals —

  private async restore(): Promise<void> {
    const record = this.record;
    if (!record || record.kind !== 'quickbooks' || record.reconnectNeeded) return;
    const app = this.deps.app ?? null;
    if (!app) return;
    const store = await this.secrets();
    const tokens = parseStoredTokens(await store.get(record.realmId));
    if (!tokens) return;
    this.activate(record, tokens, store, app, this.endpointsFor(record));
  }

  private endpointsFor(record: ConnectionRecord): QboEndpoints {
    if (record.authBase) return endpointsAt(record.authBase);
    return this.deps.endpoints ?? (record.environment === 'sandbox' ? intuitSandbox : intuitProduction);
  }

  private secrets(): Promise<SecretStore> {
    this.secureStore ??= (this.deps.secrets ? Promise.resolve(this.deps.secrets) : defaultSecretStore((m) => this.log(m))).then((store) => {
      this.secureKind = store.kind;
      return store;
    });
    return this.secureStore;
  }

  private startFlow(options: {
    kind: ConnectionRecord['kind'];
    app: QboAppConfig;
    endpoints: QboEndpoints;
    authBase: string | null;
    open: (url: string) => Promise<void>;
    onAuthorizeUrl?: (url: string) => void;
    store?: SecretStore;
  }): { started: Promise<void> } {
    const abort = new AbortController();
    let announce: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      announce = resolve;
    });
    const oauth = new IntuitOAuth(options.app, options.endpoints);
    const pending: Pending = { abort, authorizeUrl: null, done: Promise.resolve() };
    this.pending = pending;
    this.lastFailure = null;
    pending.done = (async () => {
      try {
        const result = await runConnectFlow({
          oauth,
          ...(options.app.redirectUri && options.kind === 'quickbooks' && !options.authBase ? { redirectUri: options.app.redirectUri } : {}),
          openExternal: options.open,
          onAuthorizeUrl: (url) => {
            pending.authorizeUrl = url;
            options.onAuthorizeUrl?.(url);
            this.changed();
            announce();
          },
          timeoutMs: this.deps.connectTimeoutMs ?? 5 * 60_000,
          signal: abort.signal,
        });
        const store = options.store ?? (await this.secrets());
        const tokens = tokensFromAnswer(result.tokens, this.deps.now().getTime());
        await store.set(result.realmId, JSON.stringify(tokens));
        const draft: ConnectionRecord = {
          kind: options.kind,
          realmId: result.realmId,
          companyName: '',
          country: null,
          apiBase: options.endpoints.apiBase,
          authBase: options.authBase,
          environment: options.endpoints.environment,
          connectedAt: this.deps.now().toISOString(),
          reconnectNeeded: false,
          reconnectMessage: null,
        };
        if (this.pending !== pending) return; // superseded while exchanging
        const active = this.activate(draft, tokens, store, options.app, options.endpoints, false);
        const info = await active.client.companyInfo();
        if (options.kind === 'quickbooks') await this.stopPractice();
        this.saveRecord({ ...draft, companyName: info.companyName, country: info.country ?? null });
      } catch (error) {
        if (this.pending === pending) {
          this.lastFailure = error instanceof ConnectFailure && error.reason === 'cancelled' ? null : describe(error);
          if (this.active && this.active.record.realmId !== this.record?.realmId) this.active = null;
        }
        this.log(`Connecting to QuickBooks did not complete: ${describe(error)}`);
      } finally {
        if (this.pending === pending) this.pending = null;
        announce();
        this.changed();
      }
    })();
    return { started };
  }

  private activate(record: ConnectionRecord, tokens: ReturnType<typeof tokensFromAnswer>, store: SecretStore, app: QboAppConfig, endpoints: QboEndpoints, save = true): Active {
    const oauth = new IntuitOAuth(app, endpoints);
    const manager = new TokenManager(record.realmId, tokens, store, oauth, () => this.deps.now().getTime(), {
      reconnectNeeded: (message) => {
        if (this.record) this.saveRecord({ ...this.record, reconnectNeeded: true, reconnectMessage: message });
        this.changed();
      },
      offline: () => this.setOffline(true),
      refreshed: () => this.setOffline(false),
    });
    const client = createQboClient({
      ...this.deps.clientOptions,
      limiter: this.limiterFor(record.realmId),
      realmId: record.realmId,
      endpoints,
      clientId: app.clientId,
      tokens: manager,
      log: (line) => this.log(line),
    });
    const active: Active = { record, tokens: manager, client: observeOnline(client, (online) => this.setOffline(!online)), store, oauth };
    this.active = active;
    if (save) this.record = record;
    return active;
  }

  /**
   * One limiter per realm for the life of the process: a reconnect makes a new client, but QuickBooks
   * still counts what the old one sent in the current second and minute.
   */
  private limiterFor(realmId: string): RealmLimiter {
    const given = this.deps.clientOptions?.limiter;
    if (given) return given;
    let limiter = this.limiters.get(realmId);
    if (!limiter) {
      limiter = new RealmLimiter(this.deps.clientOptions?.time ?? realTime, this.deps.clientOptions?.limits);
      this.limiters.set(realmId, limiter);
    }
    return limiter;
  }

  private saveRecord(record: ConnectionRecord): void {
    writeConnectionRecord(this.deps.db, record, this.deps.now());
    this.record = record;
    if (this.active && this.active.record.realmId === record.realmId) this.active.record = record;
  }

  private setOffline(offline: boolean): void {
    if (this.offline === offline) return;
    this.offline = offline;
    this.changed();
  }

  private cancelPending(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    pending.abort.abort();
    this.changed();
  }

  private async stopPractice(): Promise<void> {
    const company = this.practiceCompany;
    this.practiceCompany = null;
    if (company) await company.close();
  }

  private changed(): void {
    const status = this.status();
    this.deps.onStatus(status);
    for (const listener of this.listeners) listener(status);
  }

  private log(line: string): void {
    this.deps.log?.(redactSecrets(line));
  }
}

function describe(error: unknown): string {
  return redactSecrets(error instanceof Error ? error.message : String(error));
}

/** Wraps a client so network failures mark the connection offline and any answer marks it online. */
function observeOnline(client: QboClient, report: (online: boolean) => void): QboClient {
  const watch = <T>(p: Promise<T>): Promise<T> =>
    p.then(
      (value) => {
        report(true);
        return value;
      },
      (error: unknown) => {
        if (error instanceof QboError) report(error.kind !== 'network');
        throw error;
      },
    );
  return {
    realmId: client.realmId,
    queryAll: (e, w) => watch(client.queryAll(e, w)),
    read: (e, id) => watch(client.read(e, id)),
    create: (e, b, r) => watch(client.create(e, b, r)),
    update: (e, b, r) => watch(client.update(e, b, r)),
    remove: (e, b, r) => watch(client.remove(e, b, r)),
    batch: (ops, r) => watch(client.batch(ops, r)),
    cdc: (e, s) => watch(client.cdc(e, s)),
    companyInfo: () => watch(client.companyInfo()),
    preferences: () => watch(client.preferences()),
    serverNow: () => client.serverNow(),
    serverTime: () => watch(client.serverTime()),
  };
}
