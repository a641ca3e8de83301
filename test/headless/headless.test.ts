import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestHost, type RunningHost } from '../support/host';
import { openSocket } from '../support/wsClient';
import { createHost, DataDirBusyError } from '../../src-main/host';

let running: RunningHost[] = [];
afterEach(async () => {
  for (const r of running) await r.stop();
  running = [];
});
const start = async (dataDir?: string) => {
  const r = await startTestHost(dataDir ? { dataDir } : {});
  running.push(r);
  return r;
};

describe('the headless host over a real WebSocket', () => {
  it('answers app.info with the data folder and schema version', async () => {
    const { server, dataDir } = await start();
    const socket = await openSocket(server.wsUrl);
    const result = await socket.call('app.info');
    expect(result).toMatchObject({ ok: true, value: { name: 'ShelfSync', dataDir, schemaVersion: expect.any(Number) as number } });
    socket.close();
  });

  it('keeps a settings change across a host restart', async () => {
    const first = await start();
    const socket = await openSocket(first.server.wsUrl);
    const updated = await socket.call('settings.update', { syncIntervalMinutes: 42, manualPosting: true });
    expect(updated).toMatchObject({ ok: true, value: { syncIntervalMinutes: 42, manualPosting: true } });
    expect(socket.events.map((e) => e.event)).toContain('settings.changed');
    socket.close();
    await first.stop();
    running = [];

    const second = await start(first.dataDir);
    const again = await openSocket(second.server.wsUrl);
    expect(await again.call('settings.get')).toMatchObject({ ok: true, value: { syncIntervalMinutes: 42, manualPosting: true } });
    again.close();
  });

  it('refuses a bad settings value, names the field and stores nothing', async () => {
    const { server } = await start();
    const socket = await openSocket(server.wsUrl);
    const before = await socket.call('settings.get');
    const result = await socket.call('settings.update', { syncIntervalMinutes: 5000, manualPosting: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'syncIntervalMinutes' } });
    expect(await socket.call('settings.get')).toEqual(before);
    socket.close();
  });

  it('refuses a WebSocket or page request without the launch token', async () => {
    const { server } = await start();
    const noToken = server.wsUrl.replace(/token=.*/, 'token=wrong');
    await expect(
      new Promise((resolve, reject) => {
        const ws = new WebSocket(noToken);
        ws.once('open', () => resolve('opened'));
        ws.once('error', reject);
      }),
    ).rejects.toThrow(/403/);
    // The page holds no data and is served without the token (a reload asks for it so); an address
    // carrying another launch's token is refused with words.
    const stale = await fetch(server.url.replace(/token=.*/, 'token=from-an-earlier-run'));
    expect(stale.status).toBe(403);
    expect(await stale.text()).toMatch(/earlier run/);
    const withToken = await fetch(server.url);
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('answers a malformed message with an error and keeps serving', async () => {
    const { server } = await start();
    const socket = await openSocket(server.wsUrl);
    const reply = await socket.sendRaw('{not json');
    expect(reply).toMatchObject({ id: null, result: { ok: false, error: { code: 'invalid_input' } } });
    const unknown = await socket.call('nothing.here');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
    expect(await socket.call('app.info')).toMatchObject({ ok: true });
    socket.close();
  });

  it('gives a second host on the same data folder a clear error', async () => {
    const { dataDir } = await start();
    expect(() => createHost({ dataDir })).toThrow(DataDirBusyError);
    expect(() => createHost({ dataDir })).toThrow(/already in use/);
  });
});
