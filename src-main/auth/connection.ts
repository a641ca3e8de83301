/**
 * The connection to one QuickBooks company (or the practice company): the state machine behind
 * connect, cancel, disconnect and practice mode, and the `QboClient` every caller shares (one limiter
 * per realm). The sync engine asks `client()` before each run and listens to `onChange` to learn about
 * reconnect-needed. Its parts: connectAttempt.ts (one sign-in), session.ts (the client and its
 * tokens), practiceMode.ts (the practice company), connectionStatus.ts (what the status says).
 */
import type { ConnectionStatus } from '../../src-shared/ipc';
import type { Db } from '../db';
import { endpointsAt, intuitProduction, intuitSandbox, QboError, redactSecrets, type QboClient, type QboEndpoints } from '../qbo';
import type { QboAppConfig } from './appConfig';
import { signIn, type AttemptOptions } from './connectAttempt';
import { ConnectFailure } from './connectFlow';
import { clearConnectionRecord, readConnectionRecord, writeConnectionRecord, type ConnectionRecord } from './connectionRecord';
import { connectionStatus } from './connectionStatus';
import { statusMessages } from './messages';
import { IntuitOAuth } from './oauthClient';
import { followInProcess, type PracticeLauncher } from './practice';
import { PracticeMode } from './practiceMode';
import { defaultSecretStore, type SecretStore } from './secretStore';
import { openSession, RealmLimiters, type Session, type SessionClientOptions } from './session';
import { readSavedTokens, type StoredTokens } from './storedTokens';

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
  clientOptions?: SessionClientOptions;
  onStatus: (status: ConnectionStatus) => void;
  log?: (line: string) => void;
}

interface Pending {
  abort: AbortController;
  authorizeUrl: string | null;
  done: Promise<void>;
}

export type ClientAnswer = { ok: true; qbo: QboClient } | { ok: false; reason: string };

export class ConnectionManager {
  private active: Session | null = null;
  private record: ConnectionRecord | null;
  private pending: Pending | null = null;
  private offline = false;
  private lastFailure: string | null = null;
  private unreadable = false;
  private secureStore: Promise<SecretStore> | null = null;
  private secureKind: ConnectionStatus['tokenStore'];
  private readonly listeners = new Set<(status: ConnectionStatus) => void>();
  private readonly limiters: RealmLimiters;
  private readonly practice: PracticeMode;
  readonly ready: Promise<void>;

  constructor(private readonly deps: ConnectionDeps) {
    this.record = readConnectionRecord(deps.db);
    this.secureKind = deps.secrets?.kind ?? 'keychain';
    this.limiters = new RealmLimiters(deps.clientOptions);
    this.practice = new PracticeMode(deps.practice, deps.dataDir);
    this.ready = this.restore().catch((error: unknown) => this.log(`Could not restore the QuickBooks connection: ${describe(error)}`));
  }

  /** Listens to every status change; answers an unsubscribe function. */
  onChange(listener: (status: ConnectionStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): ConnectionStatus {
    return connectionStatus({
      record: this.active?.record ?? this.record,
      active: this.active !== null,
      pending: this.pending,
      offline: this.offline,
      lastFailure: this.lastFailure,
      unreadable: this.unreadable,
      secureKind: this.deps.secrets?.kind ?? this.secureKind,
    });
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
    if (this.record?.kind === 'practice') await this.practice.stop();
    clearConnectionRecord(this.deps.db);
    this.record = null;
    this.offline = false;
    this.lastFailure = note;
    this.changed();
    return this.status();
  }

  async resetPractice(): Promise<ConnectionStatus> {
    await this.ready;
    const company = this.practice.running;
    if (this.record?.kind !== 'practice' || !company) {
      throw new QboError({ kind: 'validation', code: 'not_practice', message: 'The practice company is not connected, so there is nothing to reset.' });
    }
    await company.reset();
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
    if (!this.practice.available || this.record?.kind === 'quickbooks') return this.status();
    const { company, app, endpoints, store } = await this.practice.open();
    // A practice sign-in that cannot be read is simply made again (auto-consent); nothing real is lost.
    const saved = this.record?.kind === 'practice' ? await readSavedTokens(store, company.realmId).catch((e: unknown) => void this.log(`The practice sign-in could not be read; signing in again: ${describe(e)}`)) : null;
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
    await this.practice.stop();
    this.listeners.clear();
  }

  // — internals —

  private async restore(): Promise<void> {
    const record = this.record;
    if (!record || record.kind !== 'quickbooks' || record.reconnectNeeded) return;
    const app = this.deps.app ?? null;
    if (!app) return;
    const store = await this.secrets();
    const tokens = await readSavedTokens(store, record.realmId).catch((error: unknown) => {
      this.unreadable = true;
      this.log(`The saved QuickBooks sign-in could not be read: ${describe(error)}`);
      return null;
    });
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

  /** Starts one sign-in as the current attempt; `started` resolves once its sign-in address is known or it ended. */
  private startFlow(options: AttemptOptions): { started: Promise<void> } {
    const abort = new AbortController();
    let announce: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      announce = resolve;
    });
    const oauth = new IntuitOAuth(options.app, options.endpoints);
    const pending: Pending = { abort, authorizeUrl: null, done: Promise.resolve() };
    this.pending = pending;
    this.lastFailure = null;
    pending.done = this.runAttempt(pending, options, oauth, announce);
    return { started };
  }

  private async runAttempt(pending: Pending, options: AttemptOptions, oauth: IntuitOAuth, announce: () => void): Promise<void> {
    try {
      const { draft, tokens, store } = await signIn({
        options,
        oauth,
        secrets: () => this.secrets(),
        now: () => this.deps.now(),
        timeoutMs: this.deps.connectTimeoutMs ?? 5 * 60_000,
        signal: pending.abort.signal,
        onAuthorizeUrl: (url) => {
          pending.authorizeUrl = url;
          options.onAuthorizeUrl?.(url);
          this.changed();
          announce();
        },
      });
      if (this.pending !== pending) return; // superseded while exchanging
      const active = this.activate(draft, tokens, store, options.app, options.endpoints, false);
      const info = await active.client.companyInfo();
      if (options.kind === 'quickbooks') await this.practice.stop();
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
  }

  private activate(record: ConnectionRecord, tokens: StoredTokens, store: SecretStore, app: QboAppConfig, endpoints: QboEndpoints, save = true): Session {
    const active = openSession({
      record,
      tokens,
      store,
      app,
      endpoints,
      limiter: this.limiters.for(record.realmId),
      clientOptions: this.deps.clientOptions,
      now: () => this.deps.now(),
      log: (line) => this.log(line),
      reconnectNeeded: (message) => {
        if (this.record) this.saveRecord({ ...this.record, reconnectNeeded: true, reconnectMessage: message });
        this.changed();
      },
      offline: (offline) => this.setOffline(offline),
    });
    this.active = active;
    if (save) this.record = record;
    return active;
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
