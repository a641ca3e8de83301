/**
 * The attack surface: headless mode answers only on 127.0.0.1, only for its own Host, and its WebSocket
 * only with the launch token; the page carries the CSP; the Electron window is locked down (its real options read
 * through a fake electron module, since Electron cannot run here); and no secret reaches the data folder, logs or error export after
 * a sync run full of faults.
 */
import http from 'node:http';
import WebSocket from 'ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestHost, type RunningHost } from '../support/host';
import { startPracticeCompany, type PracticeCompanyServer } from '../../src-main/sandbox';
import { hostFor } from '../connection/hostHarness';
import { memorySecretStore, type SecretStore } from '../../src-main/auth';
import { admin, injectFault } from '../connection/support';
import { call } from '../sync/harness';
import { cappedTime } from '../support/cappedTime';
import { scanForSecrets } from '../sim/invariants';
import { fakeElectron, FakeWindow } from '../support/fakeElectron';
import { createMainWindow } from '../../src-main/app/window';
import { defaultBounds } from '../../src-main/app/windowState';

// The preload imports `electron` itself (it runs in the renderer's isolated world): a fake module here.
const electronMock = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: (_key: string, _api: unknown): void => undefined },
  ipcRenderer: {
    sendCalls: 0,
    invoke: (..._args: unknown[]): Promise<unknown> => Promise.resolve(undefined),
    on: () => undefined,
    removeListener: () => undefined,
    send() {
      this.sendCalls++;
    },
    sendSync() {
      this.sendCalls++;
    },
  },
}));
vi.mock('electron', () => electronMock);

let running: RunningHost | undefined;
let sb: PracticeCompanyServer | undefined;
afterEach(async () => {
  await running?.stop();
  await sb?.close();
  running = undefined;
  sb = undefined;
});

function get(port: number, pathAndQuery: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathAndQuery, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function upgrade(url: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
    ws.once('error', (e) => resolve(e.message));
  });
}

describe('headless mode', () => {
  it('listens on 127.0.0.1 only and answers only with the launch token and its own Host', async () => {
    running = await startTestHost();
    const { port, url, wsUrl } = running.server;
    const token = new URL(url).searchParams.get('token') ?? '';
    expect(new URL(url).hostname).toBe('127.0.0.1');
    expect(await get(port, `/?token=${token}`, `127.0.0.1:${port}`)).toBe(200);
    // The page itself (like its assets) holds no data; the WebSocket below is what needs the token.
    expect(await get(port, '/', `127.0.0.1:${port}`)).toBe(200);
    expect(await get(port, '/', `evil.example:${port}`)).toBe(403);
    expect(await get(port, `/?token=${token}x`, `127.0.0.1:${port}`)).toBe(403);
    expect(await get(port, `/?token=${token}`, `evil.example:${port}`)).toBe(403);
    expect(await get(port, `/?token=${token}`, 'localhost:1')).toBe(403);
    expect(await upgrade(wsUrl)).toBe('open');
    expect(await upgrade(wsUrl.replace(/token=[^&]+/, 'token=nope'))).toMatch(/403/);
    expect(await upgrade(wsUrl.replace(/\?token=[^&]+/, ''))).toMatch(/403/);
    expect(await upgrade(wsUrl, { host: `rebind.example:${port}` })).toMatch(/403/);
    // Nothing answers on the machine's other addresses.
    const others = Object.values((await import('node:os')).networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a?.address ?? '');
    for (const address of others) {
      const reached = await new Promise<boolean>((resolve) => {
        const req = http.get({ host: address, port, path: '/', timeout: 1000 }, () => resolve(true));
        req.on('error', () => resolve(false));
        req.on('timeout', () => {
          req.destroy();
          resolve(false);
        });
      });
      expect(reached, address).toBe(false);
    }
  });

  it('serves the page with a strict Content Security Policy', async () => {
    running = await startTestHost();
    const res = await fetch(running.server.url);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('the Electron window (its real options, through a fake electron module)', () => {
  it('isolates the renderer: contextIsolation, sandbox, no nodeIntegration, web security, no navigation, CSP', () => {
    const fake = fakeElectron({ userData: '/nonexistent' });
    createMainWindow(fake.api, '/opt/shelfsync/out/main', defaultBounds);
    const win = FakeWindow.made[0] as FakeWindow;
    const prefs = win.options.webPreferences ?? {};
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(prefs.webSecurity).not.toBe(false);
    for (const risky of ['nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent', 'experimentalFeatures', 'webviewTag']) {
      expect(prefs[risky], risky).not.toBe(true);
    }
    expect(prefs.preload).toBe('/opt/shelfsync/out/preload/index.cjs');
    expect(win.loaded).toBe('/opt/shelfsync/out/renderer/index.html');
    // Navigation away is stopped; new windows are denied, https links go to the user's browser.
    let prevented = false;
    win.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
    expect(win.webContents.openHandler?.({ url: 'https://intuit.com/' })).toEqual({ action: 'deny' });
    expect(win.webContents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://intuit.com/']);
    // Every response the window loads gets the strict CSP.
    let headers: Record<string, string[]> = {};
    fake.headerHooks[0]?.({ responseHeaders: { 'X-Other': ['1'] } }, (r) => (headers = r.responseHeaders));
    expect(headers['X-Other']).toEqual(['1']);
    expect(headers['Content-Security-Policy']?.[0]).toMatch(/default-src 'none'.*script-src 'self'/);
    expect(headers['Content-Security-Policy']?.[0]).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('the preload exposes only invoke and on, over the one invoke channel', async () => {
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    electronMock.contextBridge.exposeInMainWorld = (key: string, api: unknown) => void (exposed[key] = api);
    electronMock.ipcRenderer.invoke = (...args: unknown[]) => Promise.resolve(void invoked.push(args));
    await import('../../src-main/app/preload');
    expect(Object.keys(exposed)).toEqual(['shelfsync']);
    const bridge = exposed.shelfsync as Record<string, (...a: unknown[]) => unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    await bridge.invoke?.('app.info', {});
    expect(invoked).toEqual([['shelfsync:invoke', 'app.info', {}]]);
    expect(electronMock.ipcRenderer.sendCalls).toBe(0);
  });
});

describe('secrets after a run with faults', () => {
  it('keeps the access token, refresh token and client secret out of the data folder, the log and the error CSV', async () => {
    sb = await startPracticeCompany({ seed: 31, size: 'tiny' });
    const inner = memorySecretStore();
    const seen = new Set<string>();
    const secrets: SecretStore = {
      kind: 'keychain',
      get: (a) => inner.get(a),
      delete: (a) => inner.delete(a),
      set: (a, v) => {
        const t = JSON.parse(v) as { accessToken: string; refreshToken: string };
        seen.add(t.accessToken).add(t.refreshToken);
        return inner.set(a, v);
      },
    };
    const h = hostFor(sb, { secrets, qboConnection: { clientOptions: { time: cappedTime() } } });
    expect((await h.connect()).state).toBe('connected');
    await call(h.host, 'sync.now');
    const item = (await call<{ rows: { id: string }[] }>(h.host, 'items.list', { type: 'inventory', active: true, limit: 1 })).rows[0];
    await call(h.host, 'stock.adjust', { itemId: item?.id, qtyDiff: '1', reason: 'secret test' });
    await call(h.host, 'customers.create', { displayName: 'Secret Test Co' });
    await call(h.host, 'settings.update', { directions: { customers: 'twoWay' } });
    sb.advanceClock(3700);
    await injectFault(sb, '500', { pathIncludes: '/oauth2/v1/tokens' }, 1);
    await injectFault(sb, 'commitThenDrop', { method: 'POST' }, 1);
    await injectFault(sb, '429', {}, 2);
    await call(h.host, 'sync.now');
    await admin(sb, 'POST', '/tokens/revoke', {});
    await h.host.invoke('sync.now', {});
    const csv = await call<{ csv: string }>(h.host, 'sync.exportErrors');
    await h.host.close();
    expect(seen.size).toBeGreaterThanOrEqual(2);
    expect(csv.csv.split('\r\n').length).toBeGreaterThan(2);
    const found = scanForSecrets({ secrets: [...seen, sb.clientSecret], dataDir: h.dataDir, logText: h.logged.join('\n'), errorsCsv: csv.csv });
    expect(found).toEqual([]);
  });
});
