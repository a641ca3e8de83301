// startPracticeCompany(): builds the runtime, listens on 127.0.0.1 and hands back addresses, credentials
// and the in-process helpers tests use.

import type { AddressInfo } from 'node:net';
import { PracticeRuntime, type PracticeCompanyOptions } from './runtime.js';
import { PracticeServer } from './server.js';
import type { IssuedTokens } from './tokens.js';

export type { IssuedTokens } from './tokens.js';

export interface PracticeCompanyServer {
  baseUrl: string;
  adminUrl: string;
  clientId: string;
  clientSecret: string;
  realmId: string;
  redirectUris: string[];
  /** Issues tokens for the company without the browser step (scope defaults to accounting). */
  issueTokens(scope?: string[]): IssuedTokens;
  /** Moves the sandbox clock forward. */
  advanceClock(seconds: number): void;
  /** The sandbox clock, in epoch milliseconds. */
  now(): number;
  /** Writes the company file now (when dataFile is set). */
  save(): Promise<void>;
  close(): Promise<void>;
}

export async function startPracticeCompany(options: PracticeCompanyOptions = {}): Promise<PracticeCompanyServer> {
  const rt = new PracticeRuntime(options);
  const server = new PracticeServer(rt);
  await new Promise<void>((resolve, reject) => {
    server.http.once('error', reject);
    server.http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.http.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const pruner = setInterval(() => rt.tokens.prune(rt.clock.now()), 60_000);
  pruner.unref();
  let closed: Promise<void> | undefined;
  return {
    baseUrl,
    adminUrl: `${baseUrl}/admin`,
    clientId: rt.app.clientId,
    clientSecret: rt.app.clientSecret,
    realmId: rt.app.realmId,
    redirectUris: [...rt.app.redirectUris],
    issueTokens: (scope) => {
      rt.changed();
      return rt.oauth.issueDirect(scope ?? ['com.intuit.quickbooks.accounting']);
    },
    advanceClock: (seconds) => {
      rt.clock.advance(seconds);
      rt.changed();
    },
    now: () => rt.clock.now(),
    save: async () => {
      rt.changed();
      await rt.persister?.flush();
    },
    close: () => {
      closed ??= (async () => {
        clearInterval(pruner);
        await new Promise<void>((resolve) => {
          server.http.close(() => resolve());
          server.http.closeAllConnections();
        });
        await rt.persister?.flush();
      })();
      return closed;
    },
  };
}
