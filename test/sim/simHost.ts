/**
 * The host a scenario drives, behind one shape: in this process (cheap, most scenarios), or in a child
 * process over the real WebSocket that can be SIGKILLed and restarted on the same data folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PracticeCompanyServer } from '../../src-main/sandbox';
import { createHost, type Host } from '../../src-main/host';
import { memorySecretStore, practiceFileSecretStore, type SecretStore } from '../../src-main/auth';
import type { ConnectionStatus, Result } from '../../src-shared/ipc';
import { consentAt } from '../support/consent';
import { cappedTime } from '../support/cappedTime';
import { quickOAuthRetries } from '../support/quickOAuthRetries';
import { spawnChildHost, stubRendererDir, type ChildHost } from '../support/childHostProcess';
import type { ChildHostConfig } from '../support/childHost';

/** Generous limits for in-process scenarios, the same on both sides (the practice company and the client):
 * throttling is exercised by injected 429s, and the per-second pacing itself would only make scenarios slow. */
export const simLimits = { perSecond: 1000, perMinute: 100_000, concurrent: 50, batchPerMinute: 10_000, batchPerRealmMinute: 10_000 };

export interface SimHost {
  readonly dataDir: string;
  readonly killable: boolean;
  call(name: string, input?: unknown): Promise<Result<unknown>>;
  /** Starts a sync without waiting for it (a kill may cut it short). */
  syncInBackground(): Promise<unknown>;
  /** Connects again after the sign-in was revoked, through the consent page. */
  reconnect(): Promise<ConnectionStatus>;
  /** The host's clock moves by `ms` from now on. */
  jumpClock(ms: number): void;
  /** SIGKILL, then a new host on the same folder (killable hosts only); answers the signal the old one died of. */
  killAndRestart(): Promise<NodeJS.Signals | null>;
  /** Every access and refresh token this host has stored, as far as can be seen. */
  tokensSeen(): string[];
  /** Everything the host logged. */
  logText(): string;
  close(): Promise<void>;
}

function noteTokens(value: string | null, into: Set<string>): void {
  if (!value) return;
  try {
    const parsed = JSON.parse(value) as { accessToken?: string; refreshToken?: string };
    if (parsed.accessToken) into.add(parsed.accessToken);
    if (parsed.refreshToken) into.add(parsed.refreshToken);
  } catch {
    into.add(value);
  }
}

export function simDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

async function waitSettled(status: () => Promise<ConnectionStatus>): Promise<ConnectionStatus> {
  for (let i = 0; i < 500; i++) {
    const s = await status();
    if (s.state !== 'connecting') return s;
    await new Promise((r) => setTimeout(r, 20));
  }
  return status();
}

/** What a host needs of the practice company: where it is and the app's keys (it may run in another process). */
export type PracticeAddress = Pick<PracticeCompanyServer, 'baseUrl' | 'clientId' | 'clientSecret'>;

/**
 * `pacing: 'intuit'` keeps the client's own limits (Intuit's throttles) for a practice company that
 * enforces them too: the benchmarks measure pacing and 429s that way. `autoSync` starts the scheduler
 * as the app does (start-up catch-up, and a run when an order waits to be posted).
 */
export function inProcessHost(sb: PracticeAddress, root: string, options: { pacing?: 'sim' | 'intuit'; autoSync?: boolean } = {}): SimHost {
  quickOAuthRetries();
  const intuitPacing = options.pacing === 'intuit';
  const tokens = new Set<string>();
  const lines: string[] = [];
  const inner = memorySecretStore();
  const secrets: SecretStore = {
    kind: 'keychain',
    get: (a) => inner.get(a),
    delete: (a) => inner.delete(a),
    set: (a, v) => {
      noteTokens(v, tokens);
      return inner.set(a, v);
    },
  };
  let offset = 0;
  const dataDir = path.join(root, 'data');
  const host: Host = createHost({
    dataDir,
    secrets,
    qboApp: { clientId: sb.clientId, clientSecret: sb.clientSecret, environment: 'sandbox' },
    qboBaseUrl: sb.baseUrl,
    openExternal: consentAt(sb.baseUrl),
    clock: { now: () => new Date(Date.now() + offset) },
    // A connection that never comes back fails the scenario in 20 s instead of the 5 minutes a user gets.
    qboConnection: {
      connectTimeoutMs: 20_000,
      clientOptions: intuitPacing ? { time: cappedTime(300) } : { time: cappedTime(50), limits: simLimits },
    },
    log: (line) => lines.push(line),
    ...(options.autoSync ? { autoSync: true } : {}),
  });
  return {
    dataDir,
    killable: false,
    call: (name, input = {}) => host.invoke(name, input),
    syncInBackground: () => host.invoke('sync.now', {}),
    async reconnect() {
      const started = await host.invoke('connection.connect', {});
      if (!started.ok) throw new Error(started.error.message);
      return host.connection.settled();
    },
    jumpClock(ms) {
      offset += ms;
    },
    killAndRestart: () => Promise.reject(new Error('an in-process host cannot be killed')),
    tokensSeen: () => [...tokens],
    logText: () => lines.join('\n'),
    close: () => host.close(),
  };
}

export async function childProcessHost(sb: PracticeCompanyServer, root: string): Promise<SimHost> {
  const tokens = new Set<string>();
  const config: ChildHostConfig = {
    dataDir: path.join(root, 'data'),
    tokenDir: path.join(root, 'keychain'),
    logFile: path.join(root, 'host.log'),
    rendererDir: stubRendererDir(path.join(root, 'renderer')),
    sandbox: { baseUrl: sb.baseUrl, clientId: sb.clientId, clientSecret: sb.clientSecret },
    clockOffsetMs: 0,
  };
  const store = practiceFileSecretStore(config.tokenDir);
  const look = async () => noteTokens(await store.get(sb.realmId), tokens);
  let child: ChildHost = await spawnChildHost(config);
  const status = async () => {
    const r = await child.socket.call('connection.status', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value as ConnectionStatus;
  };
  return {
    dataDir: config.dataDir,
    killable: true,
    async call(name, input = {}) {
      const result = await child.socket.call(name, input);
      await look();
      return result;
    },
    syncInBackground: () => child.socket.call('sync.now', {}),
    async reconnect() {
      const started = await child.socket.call('connection.connect', {});
      if (!started.ok) throw new Error(started.error.message);
      const settled = await waitSettled(status);
      await look();
      return settled;
    },
    jumpClock(ms) {
      config.clockOffsetMs = (config.clockOffsetMs ?? 0) + ms;
      child.setClockOffset(config.clockOffsetMs);
    },
    async killAndRestart() {
      const signal = await child.kill();
      await look();
      child = await spawnChildHost(config);
      return signal;
    },
    tokensSeen: () => [...tokens],
    logText: () => (fs.existsSync(config.logFile) ? fs.readFileSync(config.logFile, 'utf8') : ''),
    async close() {
      await look();
      await child.stop();
    },
  };
}
