/** Starts a real host (real SQLite file in a temp folder) behind the real headless server. */
import fs from 'node:fs';
import path from 'node:path';
import { createHost, type Host, type HostDeps } from '../../src-main/host';
import { startHeadless, type HeadlessServer } from '../../src-main/headless';
import { tempDir } from './tmp';

export interface RunningHost {
  host: Host;
  server: HeadlessServer;
  dataDir: string;
  stop(): Promise<void>;
}

/** A renderer folder with a stub page, for tests of the transport that do not need the real build. */
function stubRenderer(): string {
  const dir = tempDir('shelfsync-renderer-');
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>ShelfSync</title>');
  return dir;
}

export async function startTestHost(options: Partial<HostDeps> & { rendererDir?: string } = {}): Promise<RunningHost> {
  const dataDir = options.dataDir ?? tempDir();
  const host = createHost({ ...options, dataDir });
  const server = await startHeadless(host, { rendererDir: options.rendererDir ?? stubRenderer() });
  host.advertise(server.wsUrl);
  return {
    host,
    server,
    dataDir,
    async stop() {
      await server.close();
      await host.close();
    },
  };
}
