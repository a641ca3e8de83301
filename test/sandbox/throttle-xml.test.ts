import { describe, expect, it } from 'vitest';
import { admin, Api, asObj, http, intuitOAuth, libraryFault, nodeQuickbooks, nqb, rejection, withPracticeCompany, xmlThrottle, type Answer } from './helpers.js';
import type { PracticeCompanyServer } from '../../src-main/sandbox/index.js';

const THROTTLE = {
  contentType: 'application/xml',
  type: 'SERVICE',
  code: '3001',
  message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429',
};

/** Tokens for another app connected to the same company (its calls share the company's limits). */
async function otherApp(sb: PracticeCompanyServer, name: string): Promise<Api> {
  const issued = await admin(sb, 'POST', '/tokens', { app: name });
  return new Api(sb, String(asObj(issued.body).access_token));
}

const oneQuery = { BatchItemRequest: [{ bId: 'q', Query: 'select * from Account maxresults 1' }] };

describe('throttling answers with Intuit\'s XML fault', () => {
  it('answers XML by default, even when JSON was asked for', async () => {
    await withPracticeCompany({ limits: { perSecond: 1 } }, async (sb) => {
      const api = Api.connect(sb);
      expect((await api.get('customer/1')).status).toBe(200);
      const r = await http(api.url('customer/1'), { headers: { authorization: `Bearer ${api.accessToken}`, accept: 'application/json' } });
      expect(r.status).toBe(429);
      expect(xmlThrottle(r)).toMatchObject(THROTTLE);
      expect(xmlThrottle(r).detail).toMatch(/request limit was reached/);
      expect(r.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?>\s*<IntuitResponse xmlns="http:\/\/schema.intuit.com\/finance\/v3" time="[^"]+">/);
      expect(r.headers.get('retry-after')).toBeNull();
    });
  });

  it('reaches node-quickbooks as an HTTP 429 whose data is the XML text', async () => {
    await withPracticeCompany({ limits: { perSecond: 1 } }, async (sb) => {
      const qbo = nodeQuickbooks(sb, sb.issueTokens().access_token);
      await nqb((cb) => qbo.getCustomer('1', cb));
      const { status, body } = libraryFault(await rejection(nqb((cb) => qbo.getCustomer('1', cb))));
      expect(status).toBe(429);
      expect(typeof body).toBe('string');
      expect(String(body)).toContain('<Error code="3001">');
    });
  });

  it('reaches intuit-oauth\'s makeApiCall as its rate-limit error', async () => {
    await withPracticeCompany({ limits: { perSecond: 1 } }, async (sb) => {
      const client = intuitOAuth(sb, 'http://127.0.0.1/callback');
      client.setToken({ ...sb.issueTokens(), createdAt: sb.now() });
      const url = `v3/company/${sb.realmId}/companyinfo/${sb.realmId}?minorversion=75`;
      await client.makeApiCall({ url });
      const err = asObj(await rejection(client.makeApiCall({ url })));
      expect(err.code).toBe('RATE_LIMIT_EXCEEDED');
    });
  });

  it('carries a Retry-After header only on an injected 429 that asks for one', async () => {
    await withPracticeCompany({}, async (sb) => {
      const api = Api.connect(sb);
      await admin(sb, 'POST', '/faults', { match: { entity: 'Item' }, kind: '429', count: 1, retryAfterSeconds: 7 });
      const r: Answer = await api.get('item/1');
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toBe('7');
      expect(xmlThrottle(r)).toMatchObject(THROTTLE);
    });
  });
});

describe('batch limits: 40 per minute per company and app, 120 per company for all apps', () => {
  it('refuses an app\'s 41st batch while another app goes on, and the 121st of the company whichever app sends it', async () => {
    await withPracticeCompany({ limits: { perSecond: 10_000, perMinute: 100_000, concurrent: 100 } }, async (sb) => {
      const apps = [Api.connect(sb), await otherApp(sb, 'Reports add-on'), await otherApp(sb, 'Payroll add-on')];
      const first = apps[0] as Api;
      for (let i = 0; i < 40; i++) expect((await first.post('batch', oneQuery)).status).toBe(200);
      const own41 = await first.post('batch', oneQuery);
      expect(own41.status).toBe(429);
      expect(own41.headers.get('x-sandbox-throttle-reason')).toBe('batch-per-minute');
      expect(xmlThrottle(own41)).toMatchObject(THROTTLE);
      for (const app of apps.slice(1)) for (let i = 0; i < 40; i++) expect((await app.post('batch', oneQuery)).status).toBe(200);
      const fourth = await otherApp(sb, 'Time add-on');
      const realm121 = await fourth.post('batch', oneQuery);
      expect(realm121.status).toBe(429);
      expect(realm121.headers.get('x-sandbox-throttle-reason')).toBe('batch-per-realm-minute');
      expect(xmlThrottle(realm121)).toMatchObject(THROTTLE);
      // Plain calls are not batches: they still pass, and a minute later batches do too.
      expect((await fourth.get('customer/1')).status).toBe(200);
      sb.advanceClock(61);
      expect((await fourth.post('batch', oneQuery)).status).toBe(200);
    });
  }, 60_000);

  it('counts the company limit from its setting (here 5, with 40 per app)', async () => {
    await withPracticeCompany({ limits: { perSecond: 10_000, batchPerRealmMinute: 5 } }, async (sb) => {
      const api = Api.connect(sb);
      for (let i = 0; i < 5; i++) expect((await api.post('batch', oneQuery)).status).toBe(200);
      const r = await api.post('batch', oneQuery);
      expect(r.headers.get('x-sandbox-throttle-reason')).toBe('batch-per-realm-minute');
      expect(asObj((await admin(sb, 'GET', '/limits')).body)).toMatchObject({ limits: { batchPerRealmMinute: 5, batchPerMinute: 40 }, throttleXml: true });
    });
  });
});
