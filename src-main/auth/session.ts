/**
 * A live session with one company: the token manager that refreshes its tokens and the `QboClient`
 * built on it, wrapped so every answer tells the connection whether QuickBooks is reachable. Also the
 * per-realm rate limiters that outlive any one session.
 */
import { createQboClient, QboError, RealmLimiter, realTime, type QboClient, type QboClientOptions, type QboEndpoints } from '../qbo';
import type { QboAppConfig } from './appConfig';
import type { ConnectionRecord } from './connectionRecord';
import { IntuitOAuth } from './oauthClient';
import type { SecretStore } from './secretStore';
import type { StoredTokens } from './storedTokens';
import { TokenManager } from './tokenManager';

export type SessionClientOptions = Partial<Pick<QboClientOptions, 'time' | 'limiter' | 'limits' | 'retry' | 'batchMaxItems' | 'timeoutMs' | 'meter'>>;

export interface Session {
  record: ConnectionRecord;
  tokens: TokenManager;
  client: QboClient;
  store: SecretStore;
  oauth: IntuitOAuth;
}

export interface SessionInput {
  record: ConnectionRecord;
  tokens: StoredTokens;
  store: SecretStore;
  app: QboAppConfig;
  endpoints: QboEndpoints;
  limiter: RealmLimiter;
  clientOptions: SessionClientOptions | undefined;
  now: () => Date;
  log: (line: string) => void;
  /** QuickBooks refused the refresh token: the user must connect again. */
  reconnectNeeded: (message: string) => void;
  /** QuickBooks could not be reached (true) or answered again (false). */
  offline: (offline: boolean) => void;
}

export function openSession(input: SessionInput): Session {
  const { record, app, endpoints } = input;
  const oauth = new IntuitOAuth(app, endpoints);
  const manager = new TokenManager(record.realmId, input.tokens, input.store, oauth, () => input.now().getTime(), {
    reconnectNeeded: input.reconnectNeeded,
    offline: () => input.offline(true),
    refreshed: () => input.offline(false),
  });
  const client = createQboClient({
    ...input.clientOptions,
    limiter: input.limiter,
    realmId: record.realmId,
    endpoints,
    clientId: app.clientId,
    tokens: manager,
    log: input.log,
  });
  return { record, tokens: manager, client: observeOnline(client, (online) => input.offline(!online)), store: input.store, oauth };
}

/**
 * One limiter per realm for the life of the process: a reconnect makes a new client, but QuickBooks
 * still counts what the old one sent in the current second and minute.
 */
export class RealmLimiters {
  private readonly limiters = new Map<string, RealmLimiter>();

  constructor(private readonly options: SessionClientOptions | undefined) {}

  for(realmId: string): RealmLimiter {
    const given = this.options?.limiter;
    if (given) return given;
    let limiter = this.limiters.get(realmId);
    if (!limiter) {
      limiter = new RealmLimiter(this.options?.time ?? realTime, this.options?.limits);
      this.limiters.set(realmId, limiter);
    }
    return limiter;
  }
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
