/**
 * A real host in its own process, for tests that kill it (SIGKILL) mid-work: a host on a data folder
 * (real SQLite file), behind the real headless WebSocket, connected to a practice company the test
 * started. Tokens live in a practice file store outside the data folder, standing in for the OS
 * keychain, so they survive the kill. Started by `spawnChildHost` (childHostProcess.ts) with its config
 * as JSON in argv[2]; prints `{"wsUrl"}` on stdout when it serves. Each stdin line `{"clockOffsetMs":n}`
 * moves the host's clock (a clock jump). SIGTERM closes it cleanly.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { createHost } from '../../src-main/host';
import { startHeadless } from '../../src-main/headless';
import { practiceFileSecretStore } from '../../src-main/auth';
import { consentAt } from './consent';
import { cappedTime } from './cappedTime';
import { quickOAuthRetries } from './quickOAuthRetries';

export interface ChildHostConfig {
  dataDir: string;
  /** Folder of the token file store (the keychain stand-in). */
  tokenDir: string;
  /** Every line the host logs is appended here (scanned for secrets by the tests). */
  logFile: string;
  rendererDir: string;
  sandbox: { baseUrl: string; clientId: string; clientSecret: string };
  clockOffsetMs?: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as ChildHostConfig;
quickOAuthRetries();
let offset = config.clockOffsetMs ?? 0;
const host = createHost({
  dataDir: config.dataDir,
  secrets: practiceFileSecretStore(config.tokenDir),
  qboApp: { clientId: config.sandbox.clientId, clientSecret: config.sandbox.clientSecret, environment: 'sandbox' },
  qboBaseUrl: config.sandbox.baseUrl,
  openExternal: consentAt(config.sandbox.baseUrl),
  clock: { now: () => new Date(Date.now() + offset) },
  qboConnection: { clientOptions: { time: cappedTime() } },
  log: (line) => fs.appendFileSync(config.logFile, line + '\n'),
});
const server = await startHeadless(host, { rendererDir: config.rendererDir });
host.advertise(server.wsUrl);
process.stdout.write(JSON.stringify({ wsUrl: server.wsUrl }) + '\n');

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const message = JSON.parse(line) as { clockOffsetMs?: number };
  if (typeof message.clockOffsetMs === 'number') offset = message.clockOffsetMs;
});
process.on('SIGTERM', () => {
  void (async () => {
    await server.close();
    await host.close();
    process.exit(0);
  })();
});
