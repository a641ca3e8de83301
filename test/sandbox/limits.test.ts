import { describe, expect, it } from 'vitest';
import type { PracticeCompanyServer } from '../../src-main/sandbox/index.js';
import { admin, Api, faultCode, path, withPracticeCompany, xmlThrottle } from './helpers.js';

/**
 * Holds `count` requests in flight for `ms` through an injected slow fault. The hold is long and the
 * wait before the next request generous, so a loaded machine still has them all in flight by then.
 */
async function holdInFlight(sb: PracticeCompanyServer, api: Api, count: number, ms: number): Promise<Array<Promise<number>>> {
  await admin(sb, 'POST', '/faults', { match: { entity: 'Item' }, kind: 'slow', count, delayMs: ms });
  const held = Array.from({ length: count }, (_, i) => api.get(`item/${i + 1}`).then((r) => r.status));
  await new Promise((r) => setTimeout(r, 700));
  return held;
}

describe('throttling per company', () => {
  it('refuses the 11th concurrent request with the default limits (429, fault 3001)', async () => {
    await withPracticeCompany({}, async (sb) => {
      const api = Api.connect(sb);
      const held = await holdInFlight(sb, api, 10, 3000);
      const eleventh = await api.get('customer/1');
      expect(eleventh.status).toBe(429);
      expect(eleventh.headers.get('x-sandbox-throttle-reason')).toBe('concurrent');
      expect(xmlThrottle(eleventh)).toMatchObject({ code: '3001', type: 'SERVICE', message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429' });
      expect(await Promise.all(held)).toEqual(Array(10).fill(200));
    });
  });

  it('refuses the request past a configured concurrency limit', async () => {
    await withPracticeCompany({ limits: { concurrent: 3, perSecond: 1000 } }, async (sb) => {
      const api = Api.connect(sb);
      const held = await holdInFlight(sb, api, 3, 3000);
      expect((await api.get('customer/1')).status).toBe(429);
      await Promise.all(held);
      expect((await api.get('customer/1')).status).toBe(200);
    });
  });

  it('refuses the 11th request in one second with the default limits', async () => {
    await withPracticeCompany({}, async (sb) => {
      const api = Api.connect(sb);
      for (let i = 0; i < 10; i++) expect((await api.get('customer/1')).status).toBe(200);
      const r = await api.get('customer/1');
      expect(r.status).toBe(429);
      expect(r.headers.get('x-sandbox-throttle-reason')).toBe('per-second');
      sb.advanceClock(1);
      expect((await api.get('customer/1')).status).toBe(200);
    });
  });

  it('refuses the 501st request in a minute with the default per-minute limit, and recovers a minute later', async () => {
    // The per-second limit is lifted so the 500 requests fit in one minute however slow the machine is.
    await withPracticeCompany({ limits: { perSecond: 1000 } }, async (sb) => {
      const api = Api.connect(sb);
      for (let i = 0; i < 500; i++) {
        const r = await api.get('customer/1');
        if (r.status !== 200) throw new Error(`request ${i + 1} answered ${r.status}`);
      }
      sb.advanceClock(1);
      const over = await api.get('customer/1');
      expect(over.status).toBe(429);
      expect(over.headers.get('x-sandbox-throttle-reason')).toBe('per-minute');
      expect((await admin(sb, 'GET', '/dump')).status).toBe(200);
      sb.advanceClock(61);
      expect((await api.get('customer/1')).status).toBe(200);
    });
  }, 60_000);

  it('refuses the 41st batch request in a minute', async () => {
    await withPracticeCompany({ limits: { perSecond: 1000 } }, async (sb) => {
      const api = Api.connect(sb);
      const batch = { BatchItemRequest: [{ bId: 'q', Query: 'select * from Account maxresults 1' }] };
      for (let i = 0; i < 40; i++) expect((await api.post('batch', batch)).status).toBe(200);
      const r = await api.post('batch', batch);
      expect(r.status).toBe(429);
      expect(r.headers.get('x-sandbox-throttle-reason')).toBe('batch-per-minute');
      expect((await api.get('customer/1')).status).toBe(200);
    });
  });

  it('answers the JSON throttle body only when a test turns throttleXml off', async () => {
    await withPracticeCompany({ throttleXml: false, limits: { perSecond: 1 } }, async (sb) => {
      const api = Api.connect(sb);
      expect((await api.get('customer/1')).status).toBe(200);
      const r = await api.get('customer/1');
      expect(r.status).toBe(429);
      expect(r.headers.get('content-type')).toContain('application/json');
      expect(faultCode(r.body)).toBe('3001');
      expect(path(r.body, 'Fault', 'type')).toBe('SERVICE');
      expect(path(r.body, 'Fault', 'Error', 0, 'Message')).toBe('message=ThrottleExceeded; errorCode=003001; statusCode=429');
    });
  });
});
