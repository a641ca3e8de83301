/** A host on a temp data folder wired to a practice company, with everything it logs captured. */
import type { PracticeCompanyServer } from '../../src-main/sandbox';
import { createHost, type Host, type HostDeps } from '../../src-main/host';
import { memorySecretStore, type SecretStore } from '../../src-main/auth';
import type { ConnectionStatus } from '../../src-shared/ipc';
import { tempDir } from '../support/tmp';
import { consentingBrowser } from './support';

export interface Harness {
  host: Host;
  dataDir: string;
  secrets: SecretStore;
  logged: string[];
  statuses: ConnectionStatus[];
  browserSaw: string[];
  connect(): Promise<ConnectionStatus>;
}

export function hostFor(sb: PracticeCompanyServer, overrides: Partial<HostDeps> = {}): Harness {
  const logged: string[] = [];
  const statuses: ConnectionStatus[] = [];
  const browserSaw: string[] = [];
  const secrets = overrides.secrets ?? memorySecretStore((m) => logged.push(m));
  const dataDir = overrides.dataDir ?? tempDir();
  const host = createHost({
    dataDir,
    secrets,
    qboApp: { clientId: sb.clientId, clientSecret: sb.clientSecret, environment: 'sandbox' },
    qboBaseUrl: sb.baseUrl,
    openExternal: consentingBrowser(sb, browserSaw),
    log: (line) => logged.push(line),
    ...overrides,
  });
  host.on((name, payload) => {
    if (name === 'connection.changed') statuses.push(payload as ConnectionStatus);
  });
  return {
    host,
    dataDir,
    secrets,
    logged,
    statuses,
    browserSaw,
    async connect() {
      const started = await host.invoke('connection.connect', {});
      if (!started.ok) throw new Error(started.error.message);
      return host.connection.settled();
    },
  };
}

export async function clientOf(host: Host) {
  const answer = await host.connection.client();
  if (!answer.ok) throw new Error(answer.reason);
  return answer.qbo;
}
