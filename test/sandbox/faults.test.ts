import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeCompany, type PracticeCompanyServer } from '../../src-main/sandbox/index.js';
import { admin, Api, path, ROOMY_LIMITS, xmlThrottle } from './helpers.js';

let sb: PracticeCompanyServer;
let api: Api;

beforeAll(async () => {
  sb = await startPracticeCompany({ seed: 8, size: 'tiny', limits: ROOMY_LIMITS });
  api = Api.connect(sb);
});
afterAll(async () => {
  await sb.close();
});

async function inject(body: unknown): Promise<void> {
  expect((await admin(sb, 'POST', '/faults', body)).status).toBe(200);
}

async function vendorsNamed(name: string): Promise<number> {
  return Number(path((await api.query(`select count(*) from Vendor where DisplayName = '${name}'`)).body, 'QueryResponse', 'totalCount'));
}

describe('injected faults', () => {
  it('answers 429 for the next matching request only', async () => {
    await inject({ match: { method: 'GET', entity: 'Customer' }, kind: '429', count: 1 });
    expect((await api.get('item/1')).status).toBe(200);
    const r = await api.get('customer/1');
    expect(r.status).toBe(429);
    expect(xmlThrottle(r).code).toBe('3001');
    expect((await api.get('customer/1')).status).toBe(200);
  });

  it('answers 500 and 503 with a SystemFault for N requests', async () => {
    await inject({ match: { pathIncludes: '/account/' }, kind: '500', count: 2 });
    const a = await api.get('account/1');
    const b = await api.get('account/1');
    expect([a.status, b.status]).toEqual([500, 500]);
    expect(path(a.body, 'Fault', 'type')).toBe('SystemFault');
    expect((await api.get('account/1')).status).toBe(200);
    await inject({ match: { entity: 'Account' }, kind: '503', count: 1 });
    expect((await api.get('account/2')).status).toBe(503);
  });

  it('drops the connection without answering and without acting', async () => {
    await inject({ match: { method: 'POST', entity: 'Vendor' }, kind: 'drop', count: 1 });
    await expect(api.post('vendor', { DisplayName: 'Dropped vendor' })).rejects.toThrow();
    expect(await vendorsNamed('Dropped vendor')).toBe(0);
  });

  it('commits the write and then drops the connection (commitThenDrop)', async () => {
    await inject({ match: { method: 'POST', entity: 'Vendor' }, kind: 'commitThenDrop', count: 1 });
    await expect(api.post('vendor', { DisplayName: 'Committed vendor' })).rejects.toThrow();
    expect(await vendorsNamed('Committed vendor')).toBe(1);
  });

  it('slows a matching request by delayMs', async () => {
    await inject({ match: { entity: 'Item' }, kind: 'slow', count: 1, delayMs: 300 });
    const started = performance.now();
    expect((await api.get('item/1')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('matches query requests by the entity they select, and token requests by path', async () => {
    await inject({ match: { entity: 'Item' }, kind: '503', count: 1 });
    expect((await api.query('select * from Customer')).status).toBe(200);
    expect((await api.query('select * from Item')).status).toBe(503);
    await inject({ match: { pathIncludes: '/oauth2/v1/tokens/bearer' }, kind: '500', count: 1 });
    const r = await fetch(`${sb.baseUrl}/oauth2/v1/tokens/bearer`, { method: 'POST', body: 'grant_type=refresh_token&refresh_token=x' });
    expect(r.status).toBe(500);
  });

  it('logs and counts the API calls received by endpoint, and resets the counters', async () => {
    await admin(sb, 'DELETE', '/requests');
    await api.get('item/1');
    await api.get('item/2');
    await api.query('select * from Item');
    const log = await admin(sb, 'GET', '/requests');
    expect(path(log.body, 'byEndpoint', 'GET item')).toBe(2);
    expect(path(log.body, 'byEndpoint', 'GET query')).toBe(1);
    expect(path(log.body, 'total')).toBe(3);
  });

  it('refuses admin calls that carry a foreign Origin', async () => {
    const r = await fetch(`${sb.adminUrl}/dump`, { headers: { origin: 'https://example.com' } });
    expect(r.status).toBe(403);
  });
});
