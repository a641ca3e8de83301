import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type QuickBooks from 'node-quickbooks';
import type { PracticeCompanyServer } from '../../src-main/sandbox/index.js';
import { Api, asArr, asObj, faultCode, libraryFault, nqb, path, rejection, connectedPractice } from './helpers.js';

let sb: PracticeCompanyServer;
let api: Api;
let qbo: QuickBooks;

beforeAll(async () => {
  ({ sb, api, qbo } = await connectedPractice(12));
});
afterAll(async () => {
  await sb.close();
});

async function validationDetail(query: string): Promise<string> {
  const r = await api.query(query);
  expect(r.status).toBe(400);
  expect(faultCode(r.body)).toBe('4001');
  expect(path(r.body, 'Fault', 'Error', 0, 'Message')).toBe('Invalid query');
  return String(path(r.body, 'Fault', 'Error', 0, 'Detail'));
}

describe('queries are checked against the entity as QuickBooks checks them', () => {
  it('answers an unknown entity with 4001 QueryValidationError, not a parser error', async () => {
    expect(await validationDetail('SELECT * FROM Custmoer')).toBe('QueryValidationError: Metadata not found for Entity: Custmoer');
  });

  it('answers a WHERE on a property the entity does not have with 4001 naming it', async () => {
    expect(await validationDetail("SELECT * FROM Customer WHERE Nickname = 'x'")).toBe('QueryValidationError: Property Nickname not found for Entity Customer');
    expect(await validationDetail("SELECT * FROM Item WHERE MetaData.Owner = 'x'")).toBe('QueryValidationError: Property MetaData.Owner not found for Entity Item');
  });

  it('answers a WHERE on a property Intuit does not let a query filter on with 4001 "not queryable"', async () => {
    expect(await validationDetail('SELECT * FROM Item WHERE QtyOnHand > 5')).toBe("QueryValidationError: property 'QtyOnHand' is not queryable");
    expect(await validationDetail("SELECT * FROM Invoice WHERE PrivateNote = 'ShelfSync'")).toBe("QueryValidationError: property 'PrivateNote' is not queryable");
    expect(await validationDetail("SELECT * FROM Invoice WHERE DepartmentRef = '1'")).toBe("QueryValidationError: property 'DepartmentRef' is not queryable");
    expect(await validationDetail("SELECT * FROM Customer WHERE BillAddr = 'x'")).toBe("QueryValidationError: property 'BillAddr' is not queryable");
  });

  it('accepts the filters ShelfSync and node-quickbooks send, in any case', async () => {
    for (const q of [
      "select * from item where Name = 'x' and Type = 'Inventory' and Active = false",
      "select * from Customer where displayname = 'x'",
      "select * from Invoice where DocNumber = '1001' and CustomerRef = '1' and TxnDate = '2026-01-01'",
      "select * from Bill where VendorRef = '1' and TxnDate = '2026-01-01'",
      "select * from PurchaseOrder where DocNumber = '1'",
      "select * from Item where Metadata.LastUpdatedTime >= '2020-01-01T00:00:00Z' orderby MetaData.LastUpdatedTime",
    ]) {
      const r = await api.query(q);
      expect(r.status, q).toBe(200);
    }
  });

  it('keeps 4000 QueryParserError for text that is not a query', async () => {
    for (const q of ['SELECT Id, FROM Customer', 'SELECT * FROM', "SELECT * FROM Item WHERE Name = 'a' OR Name = 'b'"]) {
      const r = await api.query(q);
      expect(r.status).toBe(400);
      expect(faultCode(r.body)).toBe('4000');
      expect(String(path(r.body, 'Fault', 'Error', 0, 'Detail'))).toMatch(/^QueryParserError:/);
    }
  });

  it('refuses MAXRESULTS over 1000 with the documented QueryValidationError', async () => {
    expect(await validationDetail('SELECT * FROM Item MAXRESULTS 1001')).toMatch(/^QueryValidationError: value 1001 is too large\. Max allowed value is 1000/);
  });
});

describe('column lists', () => {
  it('answer only the columns asked for, marked sparse, as Intuit does', async () => {
    const r = await api.query('SELECT Id, DisplayName FROM Customer MAXRESULTS 3');
    expect(r.status).toBe(200);
    const rows = asArr(path(r.body, 'QueryResponse', 'Customer')).map(asObj);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['DisplayName', 'Id', 'sparse']);
      expect(row.sparse).toBe(true);
      expect(typeof row.Id).toBe('string');
    }
    expect(path(r.body, 'QueryResponse', 'maxResults')).toBe(3);
  });

  it('leave out a column that has no value, and keep the order of the full query', async () => {
    const full = asArr(path((await api.query('SELECT * FROM Item MAXRESULTS 20')).body, 'QueryResponse', 'Item')).map(asObj);
    const cut = asArr(path((await api.query('select id, sku, syncToken from item maxresults 20')).body, 'QueryResponse', 'Item')).map(asObj);
    expect(cut.map((c) => c.Id)).toEqual(full.map((f) => f.Id));
    for (const [i, c] of cut.entries()) {
      const f = full[i] ?? {};
      expect(c).toEqual({ Id: f.Id, SyncToken: f.SyncToken, ...(f.Sku === undefined ? {} : { Sku: f.Sku }), sparse: true });
    }
  });

  it('refuse objects, refs, dotted paths and unknown names in the column list (4001 "not found")', async () => {
    expect(await validationDetail('SELECT Id, BillAddr FROM Customer')).toBe('QueryValidationError: Property BillAddr not found for Entity Customer');
    expect(await validationDetail('SELECT Id, CustomerRef FROM Invoice')).toBe('QueryValidationError: Property CustomerRef not found for Entity Invoice');
    expect(await validationDetail('SELECT MetaData.LastUpdatedTime FROM Item')).toBe('QueryValidationError: Property MetaData.LastUpdatedTime not found for Entity Item');
    expect(await validationDetail('SELECT Id, Colour FROM Item')).toBe('QueryValidationError: Property Colour not found for Entity Item');
  });

  it('work through node-quickbooks and inside a batch', async () => {
    const batch = await api.post('batch', { BatchItemRequest: [
      { bId: 'q1', Query: 'select Id, Name from Account maxresults 2' },
      { bId: 'q2', Query: 'select * from Acount' },
    ] });
    const [one, two] = asArr(path(batch.body, 'BatchItemResponse')).map(asObj);
    expect(asArr(path(one, 'QueryResponse', 'Account')).map((a) => Object.keys(asObj(a)).sort())).toEqual([['Id', 'Name', 'sparse'], ['Id', 'Name', 'sparse']]);
    expect(path(two, 'Fault', 'Error', 0, 'code')).toBe('4001');
    const err = await rejection(nqb((cb) => qbo.findCustomers([{ field: 'Nickname', value: 'x' }], cb)));
    const { status, body } = libraryFault(err);
    expect(status).toBe(400);
    expect(faultCode(body)).toBe('4001');
  });
});

describe('active and inactive names together', () => {
  it('reads both with Active IN (true, false) where the list has Active', async () => {
    const count = async (q: string): Promise<number> => Number(path((await api.query(q)).body, 'QueryResponse', 'totalCount'));
    for (const entity of ['Item', 'Customer', 'Vendor', 'Account']) {
      const active = await count(`select count(*) from ${entity}`);
      const inactive = await count(`select count(*) from ${entity} where Active = false`);
      expect(await count(`select count(*) from ${entity} where Active IN (true, false)`)).toBe(active + inactive);
    }
    const names = await api.query('select Id, Name, Active from Item where Active IN (true, false) maxresults 1000');
    const rows = asArr(path(names.body, 'QueryResponse', 'Item')).map(asObj);
    expect(rows.some((r) => r.Active === false)).toBe(true);
    expect(rows.some((r) => r.Active === true)).toBe(true);
  });

  it('refuses Active on an entity that has none (transactions)', async () => {
    expect(await validationDetail('select * from Invoice where Active IN (true, false)')).toBe('QueryValidationError: Property Active not found for Entity Invoice');
  });
});
