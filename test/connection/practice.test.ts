import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost, launchPracticeCompany } from '../../src-main/host';
import type { ConnectionStatus } from '../../src-shared/ipc';
import { tempDir } from '../support/tmp';

describe('practice mode', () => {
  it('a new user with no QuickBooks sees the practice company connected at once, clearly labelled', async () => {
    const dataDir = tempDir();
    const host = createHost({ dataDir, practice: launchPracticeCompany, qboApp: null });
    try {
      const status = await host.connection.startPractice();
      expect(status).toMatchObject({ state: 'practice', practice: true, tokenStore: 'file' });
      expect(status.companyName).toMatch(/Practice Warehouse/);
      expect(status.message).toMatch(/practice company/);
      expect(status.message).toMatch(/connect your QuickBooks company/);
      const accounts = await host.invoke('accounts.list', { types: ['Income'] });
      expect(accounts.ok).toBe(true);
      const list = (accounts as { value: { accounts: { type: string }[] } }).value.accounts;
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((a) => a.type === 'Income')).toBe(true);
      // The company file and the practice tokens live under <dataDir>/practice, tokens readable by the user only.
      const tokenFile = path.join(dataDir, 'practice', 'practice-tokens.json');
      expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
    } finally {
      await host.close();
    }
    expect(fs.existsSync(path.join(dataDir, 'practice', 'practice-company.json'))).toBe(true);

    // Next start: the same practice company, signed in with the saved tokens.
    const again = createHost({ dataDir, practice: launchPracticeCompany, qboApp: null });
    try {
      const status = await again.connection.startPractice();
      expect(status).toMatchObject({ state: 'practice', practice: true });
      const client = await again.connection.client();
      expect(client.ok && (await client.qbo.read('Item', '1')).Id).toBe('1');
    } finally {
      await again.close();
    }
  });

  it('resetting the practice company brings back its starting data and stays connected', async () => {
    const host = createHost({ dataDir: tempDir(), practice: launchPracticeCompany, qboApp: null });
    try {
      await host.connection.startPractice();
      const answer = await host.connection.client();
      if (!answer.ok) throw new Error(answer.reason);
      await answer.qbo.create('Customer', { DisplayName: 'Temporary Practice Customer' }, 'practice-temp-1');
      expect(await answer.qbo.queryAll('Customer', "DisplayName = 'Temporary Practice Customer'")).toHaveLength(1);
      const reset = await host.invoke('practice.reset', {});
      expect(reset).toMatchObject({ ok: true, value: { state: 'practice' } });
      expect(await answer.qbo.queryAll('Customer', "DisplayName = 'Temporary Practice Customer'")).toHaveLength(0);
    } finally {
      await host.close();
    }
  });

  it('refuses to reset when the practice company is not connected', async () => {
    const host = createHost({ dataDir: tempDir(), qboApp: null });
    try {
      const result = await host.invoke('practice.reset', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'refused' } });
      const status = (await host.invoke('connection.status', {})) as { value: ConnectionStatus };
      expect(status.value).toMatchObject({ state: 'disconnected', practice: false });
    } finally {
      await host.close();
    }
  });
});
