import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeCompanyServer } from '../../src-main/sandbox';
import { enqueueOutbox } from '../../src-main/db';
import { QboError } from '../../src-main/qbo';
import { clientOf, hostFor } from './hostHarness';
import { admin, practiceCompany, requestCounts } from './support';

let sb: PracticeCompanyServer;
beforeAll(async () => {
  sb = await practiceCompany();
});
afterAll(async () => {
  await sb.close();
});

const tokenCalls = async () => (await requestCounts(sb))['POST token'] ?? 0;

describe('keeping the QuickBooks sign-in fresh', () => {
  it('ten requests that find the access token expired cause exactly one refresh, then all succeed', async () => {
    const h = hostFor(sb);
    await h.connect();
    const qbo = await clientOf(h.host);
    await qbo.read('Item', '1');
    sb.advanceClock(3700); // the access token (1 hour) has expired at QuickBooks
    const before = await tokenCalls();
    const items = await Promise.all(Array.from({ length: 10 }, () => qbo.read('Item', '1')));
    expect(items.every((i) => i.Id === '1')).toBe(true);
    expect((await tokenCalls()) - before).toBe(1);
    expect(h.host.connection.status().state).toBe('connected');
    await h.host.close();
  });

  it('stores the rotated refresh token before using the new access token', async () => {
    const h = hostFor(sb);
    await h.connect();
    const initial = JSON.parse((await h.secrets.get(sb.realmId)) ?? '{}') as { refreshToken: string };
    sb.advanceClock(3700);
    await (await clientOf(h.host)).read('Item', '1');
    const stored = JSON.parse((await h.secrets.get(sb.realmId)) ?? '{}') as { refreshToken: string; accessToken: string };
    expect(stored.refreshToken).not.toBe(initial.refreshToken);
    // A fresh host with only what was stored keeps working: nothing lived in memory alone.
    await h.host.close();
    const again = hostFor(sb, { dataDir: h.dataDir, secrets: h.secrets });
    expect((await (await clientOf(again.host)).read('Item', '1')).Id).toBe('1');
    await again.host.close();
  });

  it('stays connected over 200 days of regular use with rotating refresh tokens', async () => {
    const h = hostFor(sb);
    await h.connect();
    const qbo = await clientOf(h.host);
    const before = await tokenCalls();
    for (let day = 10; day <= 200; day += 10) {
      sb.advanceClock(10 * 86_400);
      const info = await qbo.companyInfo();
      expect(info.realmId).toBe(sb.realmId);
    }
    expect((await tokenCalls()) - before).toBe(20);
    expect(h.host.connection.status().state).toBe('connected');
    expect(h.statuses.some((s) => s.state === 'reconnectNeeded')).toBe(false);
    await h.host.close();
  });

  it('asks to reconnect when the sign-in was revoked, pausing sync without losing queued changes', async () => {
    const h = hostFor(sb);
    await h.connect();
    const qbo = await clientOf(h.host);
    // A change waiting for QuickBooks, written the way the warehouse screens write them.
    const db = new Database(path.join(h.dataDir, 'shelfsync.db'));
    const requestId = enqueueOutbox(db, { clock: { now: () => new Date() }, ids: { uuid: () => 'queued-change-1' } }, { kind: 'customer.upsert', localId: 'c1' });
    await admin(sb, 'POST', '/tokens/revoke', {});
    const failure = await qbo.read('Item', '1').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(QboError);
    expect(failure).toMatchObject({ kind: 'auth' });
    const status = h.host.connection.status();
    expect(status.state).toBe('reconnectNeeded');
    expect(status.message).toMatch(/Connect/);
    expect(status.message).toMatch(/nothing queued is lost/);
    expect(status.companyName).toMatch(/Practice Warehouse/);
    const answer = await h.host.connection.client();
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.reason).toMatch(/connect/i);
    // Connecting again brings the same company back; the queued change is still there.
    expect((await h.connect()).state).toBe('connected');
    expect((await clientOf(h.host)).realmId).toBe(sb.realmId);
    const row = db.prepare('SELECT state FROM outbox WHERE request_id = ?').get(requestId) as { state: string };
    expect(row.state).toBe('pending');
    db.close();
    await h.host.close();
  });
});
