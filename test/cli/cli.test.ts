import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../support/cli';
import { tempDir } from '../support/tmp';
import { startTestHost } from '../support/host';

describe('the shelfsync CLI', () => {
  it('call app.info prints the app as JSON and exits 0', async () => {
    const dataDir = tempDir();
    const result = await runCli(['call', 'app.info', '--data', dataDir]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ name: 'ShelfSync', dataDir });
  });

  it('call settings.update with a bad value exits 1, names the field on stderr and stores nothing', async () => {
    const dataDir = tempDir();
    const bad = await runCli(['call', 'settings.update', '{"syncIntervalMinutes":0}', '--data', dataDir]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(JSON.parse(bad.stderr)).toMatchObject({ code: 'invalid_input', field: 'syncIntervalMinutes' });
    const after = await runCli(['call', 'settings.get', '--data', dataDir]);
    expect(JSON.parse(after.stdout)).toMatchObject({ syncIntervalMinutes: 15 });
  });

  it('call talks to the running host that owns the data folder', async () => {
    const running = await startTestHost();
    try {
      const result = await runCli(['call', 'settings.update', '{"syncIntervalMinutes":7}', '--data', running.dataDir]);
      expect(result.code).toBe(0);
      expect(await running.host.invoke('settings.get', {})).toMatchObject({ ok: true, value: { syncIntervalMinutes: 7 } });
    } finally {
      await running.stop();
    }
  });

  it('requests prints every request with its input as JSON Schema', async () => {
    const result = await runCli(['requests']);
    expect(result.code).toBe(0);
    const contract = JSON.parse(result.stdout) as { requests: Record<string, { input: { type?: string } }>; events: object };
    expect(contract.requests['settings.update']?.input.type).toBe('object');
    expect(Object.keys(contract.events)).toContain('settings.changed');
  });

  it('refuses an unknown command with usage', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command');
  });

  it('practice is another name for sandbox: it runs the practice company and prints the same JSON line', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'practice', '--port', '0', '--data', dataDir], { cwd: projectRoot });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`practice exited ${String(code)} before printing`)));
    });
    const info = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(info).sort()).toEqual(['adminUrl', 'baseUrl', 'clientId', 'clientSecret', 'realmId', 'redirectUris']);
    const answer = await fetch(`${String(info.baseUrl)}/v3/company/${String(info.realmId)}/companyinfo/${String(info.realmId)}`);
    expect(answer.status).toBe(401);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);

  it('refuses an unknown option and a value flag without its value, naming the flag', async () => {
    const unknown = await runCli(['status', '--colour']);
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stderr.split('\n')[0] ?? '')).toEqual({ code: 'usage', message: 'Unknown option --colour.' });
    const missing = await runCli(['status', '--data']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stderr.split('\n')[0] ?? '')).toEqual({ code: 'usage', message: '--data needs a value.' });
  });
});
