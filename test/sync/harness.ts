/** A host connected to a fresh practice company, for sync tests: real HTTP, real SQLite, real clients. */
import { startPracticeCompany, type PracticeCompanyServer, type PracticeCompanyOptions } from '../../src-main/sandbox';
import type { Host, HostDeps } from '../../src-main/host';
import type { Settings, SettingsPatch, SyncRun } from '../../src-shared/ipc';
import { hostFor, type Harness } from '../connection/hostHarness';
import { admin } from '../connection/support';

export interface SyncHarness extends Harness {
  sb: PracticeCompanyServer;
  call<T = unknown>(name: string, input?: unknown): Promise<T>;
  sync(): Promise<SyncRun>;
  settings(patch: SettingsPatch): Promise<Settings>;
  dump(): Promise<Record<string, Record<string, unknown>[]>>;
  close(): Promise<void>;
}

/** Calls a request and fails the test with the host's own message when it is refused. */
export async function call<T>(host: Host, name: string, input: unknown = {}): Promise<T> {
  const result = await host.invoke(name, input);
  if (!result.ok) throw new Error(`${name} refused: ${result.error.message}`);
  return result.value as T;
}

export async function syncHarness(options: PracticeCompanyOptions = {}, dataDir?: string, overrides: Partial<HostDeps> = {}): Promise<SyncHarness> {
  const sb = await startPracticeCompany({ seed: 11, size: 'tiny', ...options });
  const h = hostFor(sb, { ...(dataDir ? { dataDir } : {}), ...overrides });
  const status = await h.connect();
  if (status.state !== 'connected') throw new Error(`not connected: ${status.message}`);
  return {
    ...h,
    sb,
    call: (name, input) => call(h.host, name, input),
    sync: () => call<SyncRun>(h.host, 'sync.now'),
    settings: (patch) => call<Settings>(h.host, 'settings.update', patch),
    async dump() {
      const body = await admin(sb, 'GET', '/dump');
      return (body.entities ?? body) as Record<string, Record<string, unknown>[]>;
    },
    async close() {
      await h.host.close();
      await sb.close();
    },
  };
}

export { admin };
