import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type QuickBooks from 'node-quickbooks';
import { startPracticeCompany, type PracticeCompanyServer } from '../../src-main/sandbox/index.js';
import { Api, asArr, asObj, faultCode, nodeQuickbooks, nqb, path, ROOMY_LIMITS } from './helpers.js';

let sb: PracticeCompanyServer;
let api: Api;
let qbo: QuickBooks;

beforeAll(async () => {
  sb = await startPracticeCompany({ seed: 5, size: 'large', limits: ROOMY_LIMITS });
  api = Api.connect(sb);
  qbo = nodeQuickbooks(sb, api.accessToken);
}, 60_000);
afterAll(async () => {
  await sb.close();
});

describe('query language on the large company', () => {
  it('pages past 1000 rows with node-quickbooks fetchAll and agrees with COUNT(*)', async () => {
    const count = await api.query('SELECT COUNT(*) FROM Item');
    const total = Number(path(count.body, 'QueryResponse', 'totalCount'));
    expect(total).toBeGreaterThan(9000);
    const all = await nqb((cb) => qbo.findItems({ fetchAll: true }, cb));
    const items = asArr(path(all, 'QueryResponse', 'Item'));
    expect(items.length).toBe(total);
    expect(new Set(items.map((i) => path(i, 'Id'))).size).toBe(total);
  });

  it('refuses MAXRESULTS 1001 with a QueryValidationError', async () => {
    const r = await api.query('select * from Item maxresults 1001');
    expect(r.status).toBe(400);
    expect(String(path(r.body, 'Fault', 'Error', 0, 'Detail'))).toMatch(/^QueryValidationError: value 1001 is too large\. Max allowed value is 1000/);
  });

  it('defaults to 100 rows and reports startPosition and maxResults', async () => {
    const r = await api.query('select * from Customer startposition 101');
    expect(path(r.body, 'QueryResponse', 'startPosition')).toBe(101);
    expect(path(r.body, 'QueryResponse', 'maxResults')).toBe(100);
    expect(asArr(path(r.body, 'QueryResponse', 'Customer')).length).toBe(100);
  });

  it('answers a malformed query with code 4000 and a QueryParserError detail, OR included', async () => {
    for (const q of ['select from Item', "select * from Item where Name = 'a' or Name = 'b'", 'select Id, from Item', "select * from Item where Name = 'x"]) {
      const r = await api.query(q);
      expect(r.status).toBe(400);
      expect(faultCode(r.body)).toBe('4000');
      expect(String(path(r.body, 'Fault', 'Error', 0, 'Detail'))).toMatch(/^QueryParserError:/);
    }
  });

  it('answers an empty QueryResponse object when nothing matches', async () => {
    const r = await api.query("select * from Item where Name = 'no such thing'");
    expect(path(r.body, 'QueryResponse')).toEqual({});
    expect(Object.keys(asObj(r.body)).sort()).toEqual(['QueryResponse', 'time']);
  });

  it('returns only active names unless the query mentions Active', async () => {
    const active = Number(path((await api.query('select count(*) from Item')).body, 'QueryResponse', 'totalCount'));
    const inactive = Number(path((await api.query('select count(*) from Item where Active = false')).body, 'QueryResponse', 'totalCount'));
    const all = Number(path((await api.query('select count(*) from Item where Active IN (true, false)')).body, 'QueryResponse', 'totalCount'));
    expect(inactive).toBeGreaterThan(0);
    expect(active + inactive).toBe(all);
    expect(all).toBe(10_000);
  });

  it('filters with LIKE, IN, comparisons, dotted fields and escaped quotes; orders and is case-insensitive in keywords', async () => {
    const like = await api.query("SeLeCt * FrOm Item WhErE Name LIKE 'Steel%' AND Type = 'Inventory' ORDERBY Name DESC MAXRESULTS 5");
    const names = asArr(path(like.body, 'QueryResponse', 'Item')).map((i) => String(path(i, 'Name')));
    expect(names.length).toBe(5);
    expect(names.every((nm) => nm.startsWith('Steel'))).toBe(true);
    expect([...names].sort().reverse()).toEqual(names);
    const ids = await api.query("select * from Customer where Id IN ('1', '2', '3')");
    expect(asArr(path(ids.body, 'QueryResponse', 'Customer')).length).toBeGreaterThan(0);
    const recent = await api.query("select count(*) from Item where MetaData.LastUpdatedTime > '2000-01-01T00:00:00-08:00'");
    expect(path(recent.body, 'QueryResponse', 'totalCount')).toBe(path((await api.query('select count(*) from Item')).body, 'QueryResponse', 'totalCount'));
    const quoted = await api.query("select * from Customer where DisplayName = 'O\\'Neil'");
    expect(quoted.status).toBe(200);
  });

  it('accepts the query as a POST body with Content-Type application/text', async () => {
    const r = await api.post('query', 'select * from Vendor maxresults 3', 'application/text');
    expect(asArr(path(r.body, 'QueryResponse', 'Vendor')).length).toBe(3);
  });

  it('serves reads by id quickly on the large company', async () => {
    const started = performance.now();
    for (let i = 1; i <= 200; i++) expect((await api.get(`item/${i}`)).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
