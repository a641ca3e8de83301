import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
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
});
