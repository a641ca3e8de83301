/**
 * Token files cannot be half written or silently lost. A process rewriting the token file through the
 * store's own code is SIGKILLed, most likely mid-write; a real host restarted on the same data folder
 * and token folder is still signed in and syncs. A file that is damaged anyway (half written by some
 * other program, emptied) is reported as "could not be read", never as "no sign-in".
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPracticeCompany, type PracticeCompanyServer } from '../../src-main/sandbox';
import { PRACTICE_TOKEN_FILE, practiceFileSecretStore, TokenFileUnreadable } from '../../src-main/auth';
import type { ConnectionStatus, SyncRun } from '../../src-shared/ipc';
import { hostFor } from '../connection/hostHarness';
import { createHost, launchPracticeCompany } from '../../src-main/host';
import { spawnChildHost, stubRendererDir, type ChildHost } from '../support/childHostProcess';
import type { ChildHostConfig } from '../support/childHost';
import { projectRoot } from '../support/cli';
import { tempDir } from '../support/tmp';

let sb: PracticeCompanyServer | undefined;
const children: ChildHost[] = [];
afterAll(async () => {
  for (const child of children) await child.kill();
  await sb?.close();
});

async function connectedConfig(): Promise<{ config: ChildHostConfig; realmId: string }> {
  sb ??= await startPracticeCompany({ seed: 8, size: 'tiny' });
  const config: ChildHostConfig = {
    dataDir: tempDir(),
    tokenDir: tempDir('shelfsync-keychain-'),
    logFile: path.join(tempDir('shelfsync-logs-'), 'host.log'),
    rendererDir: stubRendererDir(path.join(tempDir('shelfsync-renderer-'), 'r')),
    sandbox: { baseUrl: sb.baseUrl, clientId: sb.clientId, clientSecret: sb.clientSecret },
  };
  const h = hostFor(sb, { dataDir: config.dataDir, secrets: practiceFileSecretStore(config.tokenDir) });
  const status = await h.connect();
  expect(status.state).toBe('connected');
  await h.host.close();
  return { config, realmId: status.realmId ?? '' };
}

/**
 * Runs test/support/tokenWriter.ts; once it has made `writes` complete rewrites, SIGKILLs it the
 * moment its next temporary file appears (inotify), that is while it writes the new text.
 */
function killWriterMidWrite(tokenDir: string, realmId: string, writes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/tokenWriter.ts', tokenDir, realmId, '8000000'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let armed = false;
    const watcher = fs.watch(tokenDir, (_event, name) => {
      if (armed && name?.endsWith('.tmp')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(`wrote ${writes}\n`)) armed = true;
    });
    child.on('exit', (code, signal) => {
      watcher.close();
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`writer exited ${code}: ${stderr}`));
    });
  });
}

const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('a token file write killed part way', () => {
  it('leaves the sign-in whole: the restarted host is connected and syncs', async () => {
    const { config, realmId } = await connectedConfig();
    let midWrite = 0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      await killWriterMidWrite(config.tokenDir, realmId, 1);
      // A temporary file left behind shows the kill landed between opening and renaming.
      const left = leftovers(config.tokenDir);
      if (left.length > 0) midWrite++;
      // Whatever moment it died at, the token file itself is whole JSON holding the sign-in.
      const saved = JSON.parse(fs.readFileSync(path.join(config.tokenDir, PRACTICE_TOKEN_FILE), 'utf8')) as Record<string, string>;
      expect(Object.keys(saved)).toEqual([realmId]);
    }
    expect(midWrite, 'no kill landed mid-write; the test proved nothing').toBeGreaterThan(0);

    const host = await spawnChildHost(config);
    children.push(host);
    const status = await host.call<ConnectionStatus>('connection.status');
    expect(status.state).toBe('connected');
    expect((await host.call<SyncRun>('sync.now')).status).toBe('ok');
    await host.stop();
    // The next write (the restarted host refreshing, or here a sign-out) clears what the kills left.
    await practiceFileSecretStore(config.tokenDir).delete('nobody');
    expect(leftovers(config.tokenDir)).toEqual([]);
  });
});

describe('a damaged token file', () => {
  it.each([
    ['half written', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['emptied', () => ''],
    ['not a sign-in', () => JSON.stringify({ someone: 'else' })],
  ])('(%s) is reported as a sign-in that could not be read, and a new sign-in replaces it', async (_what, damage) => {
    const { config, realmId } = await connectedConfig();
    const file = path.join(config.tokenDir, PRACTICE_TOKEN_FILE);
    fs.writeFileSync(file, damage(fs.readFileSync(file, 'utf8')).replace('someone', realmId));

    const host = await spawnChildHost(config);
    children.push(host);
    const status = await host.call<ConnectionStatus>('connection.status');
    expect(status.state).toBe('reconnectNeeded');
    expect(status.message).toMatch(/sign-in on this computer could not be read/);
    expect(status.message).not.toMatch(/not found/);
    const run = await host.socket.call('sync.now');
    expect(JSON.stringify(run)).toMatch(/could not be read/);
    await host.stop();
    expect(fs.readFileSync(config.logFile, 'utf8')).toMatch(/saved QuickBooks sign-in could not be read/);

    // Connecting again writes a whole new file over the damaged one.
    const store = practiceFileSecretStore(config.tokenDir);
    if (_what !== 'not a sign-in') await expect(store.get(realmId)).rejects.toThrow(TokenFileUnreadable);
    const h = hostFor(sb as PracticeCompanyServer, { dataDir: config.dataDir, secrets: store });
    expect((await h.connect()).state).toBe('connected');
    await h.host.close();
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toHaveProperty(realmId);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(leftovers(config.tokenDir)).toEqual([]);
  });
});

describe('a damaged practice token file', () => {
  it('is replaced by a new practice sign-in (auto-consent) and said in the log, the practice company staying connected', async () => {
    const dataDir = tempDir();
    const first = createHost({ dataDir, practice: launchPracticeCompany, qboApp: null });
    expect((await first.connection.startPractice()).state).toBe('practice');
    await first.close();
    const file = path.join(dataDir, 'practice', PRACTICE_TOKEN_FILE);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 20));

    const logged: string[] = [];
    const second = createHost({ dataDir, practice: launchPracticeCompany, qboApp: null, log: (line) => logged.push(line) });
    const status = await second.connection.startPractice();
    expect(status.state).toBe('practice');
    expect((await second.invoke('sync.now', {})).ok).toBe(true);
    await second.close();
    expect(logged.join('\n')).toMatch(/practice sign-in could not be read; signing in again/);
    expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')) as object)).toHaveLength(1);
  });
});
