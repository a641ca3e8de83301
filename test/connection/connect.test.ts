import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeCompanyServer } from '../../src-main/sandbox';
import type { ConnectionStatus } from '../../src-shared/ipc';
import { hostFor } from './hostHarness';
import { admin, consentingBrowser, practiceCompany, requestCounts } from './support';

let sb: PracticeCompanyServer;
beforeAll(async () => {
  sb = await practiceCompany();
});
afterAll(async () => {
  await sb.close();
});

describe('connecting to QuickBooks through the browser', () => {
  it('shows the company name and realm after the user consents in the browser', async () => {
    const h = hostFor(sb);
    const started = await h.host.invoke('connection.connect', {});
    expect(started.ok).toBe(true);
    const first = (started as { value: ConnectionStatus }).value;
    expect(['connecting', 'connected']).toContain(first.state);
    const done = await h.host.connection.settled();
    expect(done).toMatchObject({ state: 'connected', realmId: sb.realmId, practice: false, tokenStore: 'memory' });
    expect(done.companyName).toMatch(/Practice Warehouse/);
    expect(done.message).toContain(done.companyName);
    // The browser went to the authorize page with our loopback redirect and a state, and was shown a success page.
    const authorize = new URL(h.browserSaw[0] ?? '');
    expect(authorize.pathname).toBe('/connect/oauth2');
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(authorize.searchParams.get('state')?.length).toBeGreaterThan(20);
    expect(h.browserSaw.at(-1)).toContain('ShelfSync is connected');
    expect(h.statuses.map((s) => s.state)).toContain('connecting');
    expect(h.statuses.at(-1)?.state).toBe('connected');
    const status = await h.host.invoke('connection.status', {});
    expect(status).toMatchObject({ ok: true, value: { state: 'connected', realmId: sb.realmId } });
    await h.host.close();
  });

  it('refuses an answer whose state does not match and connects nothing', async () => {
    const honest = consentingBrowser(sb);
    const shown: string[] = [];
    const h = hostFor(sb, {
      // An attacker's page (or a stale tab) brings the browser back with someone else's state.
      openExternal: async (url) => {
        const forged = new URL(url);
        forged.searchParams.set('state', 'forged-state-from-elsewhere');
        await honest(forged.toString());
        shown.push('done');
      },
    });
    const before = await requestCounts(sb);
    const status = await h.connect();
    expect(status.state).toBe('disconnected');
    expect(status.message).toMatch(/state mismatch/);
    expect(status.realmId).toBeNull();
    const after = await requestCounts(sb);
    // The code was never exchanged.
    expect(after['POST token'] ?? 0).toBe(before['POST token'] ?? 0);
    expect((await h.host.connection.client()).ok).toBe(false);
    await h.host.close();
  });

  it('cancels the first connect when a second one starts', async () => {
    const opened: string[] = [];
    const h = hostFor(sb, { openExternal: (url) => Promise.resolve(void opened.push(url)) });
    const first = await h.host.invoke('connection.connect', {});
    const second = await h.host.invoke('connection.connect', {});
    expect(first.ok && second.ok).toBe(true);
    expect(opened).toHaveLength(2);
    // The first loopback listener is gone: following its link now fails to reach ShelfSync.
    const firstRedirect = new URL(opened[0] ?? '').searchParams.get('redirect_uri') ?? '';
    await expect(fetch(`${firstRedirect}?code=x&state=y&realmId=z`)).rejects.toThrow();
    // The second one still completes in the browser.
    await consentingBrowser(sb)(opened[1] ?? '');
    expect((await h.host.connection.settled()).state).toBe('connected');
    await h.host.close();
  });

  it('tells the user when the browser never comes back', async () => {
    const h = hostFor(sb, { openExternal: () => Promise.resolve(), qboConnection: { connectTimeoutMs: 200 } });
    const status = await h.connect();
    expect(status.state).toBe('disconnected');
    expect(status.message).toMatch(/did not send the browser back within 1 minute/);
    await h.host.close();
  });

  it('stops waiting when the user cancels', async () => {
    const h = hostFor(sb, { openExternal: () => Promise.resolve() });
    await h.host.invoke('connection.connect', {});
    const cancelled = await h.host.invoke('connection.cancel', {});
    expect(cancelled).toMatchObject({ ok: true, value: { state: 'disconnected' } });
    expect((await h.host.connection.settled()).state).toBe('disconnected');
    await h.host.close();
  });

  it('disconnect revokes the sign-in at Intuit, forgets the tokens and keeps local data', async () => {
    const h = hostFor(sb);
    const connected = await h.connect();
    expect(connected.state).toBe('connected');
    await h.host.invoke('settings.update', { syncIntervalMinutes: 30 });
    const before = await requestCounts(sb);
    const out = await h.host.invoke('connection.disconnect', {});
    expect(out).toMatchObject({ ok: true, value: { state: 'disconnected', realmId: null } });
    const after = await requestCounts(sb);
    expect((after['POST revoke'] ?? 0) - (before['POST revoke'] ?? 0)).toBe(1);
    expect(await h.secrets.get(sb.realmId)).toBeNull();
    expect(await h.host.connection.client()).toMatchObject({ ok: false });
    // Local data stays.
    expect(await h.host.invoke('settings.get', {})).toMatchObject({ ok: true, value: { syncIntervalMinutes: 30 } });
    await h.host.close();
  });

  it('refuses to connect without app keys and says where to put them', async () => {
    const h = hostFor(sb, { qboApp: null });
    const result = await h.host.invoke('connection.connect', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(!result.ok && result.error.message).toMatch(/SHELFSYNC_QBO_CLIENT_ID/);
    await h.host.close();
  });

  it('comes back connected after a restart, reading the tokens from the secret store', async () => {
    const h = hostFor(sb);
    await h.connect();
    await h.host.close();
    const again = hostFor(sb, { dataDir: h.dataDir, secrets: h.secrets });
    await again.host.connection.ready;
    expect(again.host.connection.status()).toMatchObject({ state: 'connected', realmId: sb.realmId });
    const answer = await again.host.connection.client();
    expect(answer.ok && (await answer.qbo.companyInfo()).realmId).toBe(sb.realmId);
    await again.host.close();
    expect(await admin(sb, 'GET', '')).toHaveProperty('realmId', sb.realmId);
  });
});
