import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeCompanyServer } from '../../src-main/sandbox';
import { projectRoot, runCli } from '../support/cli';
import { tempDir } from '../support/tmp';
import { consentingBrowser, practiceCompany } from './support';

let sb: PracticeCompanyServer;
beforeAll(async () => {
  sb = await practiceCompany();
});
afterAll(async () => {
  await sb.close();
});

describe('shelfsync connect and status', () => {
  it('connect prints the sign-in address, waits for the browser, then prints the company as JSON', async () => {
    const dataDir = tempDir();
    const env = { ...process.env, SHELFSYNC_QBO_CLIENT_ID: sb.clientId, SHELFSYNC_QBO_CLIENT_SECRET: sb.clientSecret };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'connect', '--sandbox', sb.baseUrl, '--no-browser', '--data', dataDir], {
      cwd: projectRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const browser = consentingBrowser(sb);
    const signedIn = new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        const url = /(http:\/\/127\.0\.0\.1:\d+\/connect\/oauth2\?\S+)/.exec(stderr)?.[1];
        if (url && !stderr.includes('#opened')) {
          stderr += '#opened';
          browser(url).then(resolve, reject);
        }
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    await signedIn;
    expect(code, stderr).toBe(0);
    const company = JSON.parse(stdout) as Record<string, unknown>;
    expect(company).toMatchObject({ realmId: sb.realmId, state: 'connected' });
    expect(String(company.companyName)).toMatch(/Practice Warehouse/);
    expect(stdout + stderr).not.toContain(sb.clientSecret);

    const status = await runCli(['status', '--data', dataDir], { SHELFSYNC_QBO_CLIENT_ID: sb.clientId, SHELFSYNC_QBO_CLIENT_SECRET: sb.clientSecret });
    expect(status.code, status.stderr).toBe(0);
    const printed = JSON.parse(status.stdout) as { connection: Record<string, unknown> };
    expect(printed.connection).toMatchObject({ realmId: sb.realmId, practice: false });
    // With a keyring the sign-in survives the process; without one it lived in memory only and the status says so.
    expect(['connected', 'reconnectNeeded']).toContain(printed.connection.state);
  });

  it('status on a fresh data folder says nothing is connected', async () => {
    const status = await runCli(['status', '--data', tempDir()]);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ connection: { state: 'disconnected', practice: false } });
  });
});
