import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePracticeArgs, startPracticeCompany } from '../../src-main/sandbox/index.js';
import { admin, Api, asObj, http, path } from './helpers.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sandbox-test-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('persistence and seeds', () => {
  it('keeps the company, app credentials and tokens across a restart with dataFile', async () => {
    const dataFile = join(tempDir(), 'company.json');
    const first = await startPracticeCompany({ dataFile, seed: 4, size: 'tiny' });
    const tokens = first.issueTokens();
    const api = new Api(first, tokens.access_token);
    const created = await api.post('customer', { DisplayName: 'Survives restart' });
    const id = String(path(created.body, 'Customer', 'Id'));
    await first.close();

    const second = await startPracticeCompany({ dataFile });
    try {
      expect(second.clientId).toBe(first.clientId);
      expect(second.realmId).toBe(first.realmId);
      const again = new Api(second, tokens.access_token);
      const read = await again.get(`customer/${id}`);
      expect(path(read.body, 'Customer', 'DisplayName')).toBe('Survives restart');
    } finally {
      await second.close();
    }
  });

  it('does not rewrite the company file on every request', async () => {
    const dataFile = join(tempDir(), 'company.json');
    const sb = await startPracticeCompany({ dataFile, size: 'demo' });
    try {
      await sb.save();
      const before = statSync(dataFile).mtimeMs;
      const api = Api.connect(sb);
      for (let i = 0; i < 5; i++) await api.post('vendor', { DisplayName: `Burst ${i}` });
      expect(statSync(dataFile).mtimeMs).toBe(before);
      await sb.save();
      expect(statSync(dataFile).mtimeMs).toBeGreaterThan(before);
    } finally {
      await sb.close();
    }
  });

  it('builds the same company from the same seed, and a different one from another seed', async () => {
    const dump = async (seed: number): Promise<unknown> => {
      const sb = await startPracticeCompany({ seed, size: 'demo' });
      try {
        const d = asObj((await admin(sb, 'GET', '/dump')).body);
        return { realmId: d.realmId, entities: d.entities };
      } finally {
        await sb.close();
      }
    };
    const a = await dump(42);
    expect(await dump(42)).toEqual(a);
    expect(await dump(43)).not.toEqual(a);
  });

  it('seeds every item type, sub-customers, the five address layouts and two locations', async () => {
    const sb = await startPracticeCompany({ seed: 1, size: 'tiny' });
    try {
      const d = asObj((await admin(sb, 'GET', '/dump')).body);
      const items = (path(d, 'entities', 'Item') as Array<Record<string, unknown>>);
      expect(new Set(items.map((i) => i.Type))).toEqual(new Set(['Inventory', 'NonInventory', 'Service', 'Category']));
      expect(items.some((i) => i.Active === false)).toBe(true);
      expect(items.some((i) => typeof i.Sku === 'string')).toBe(true);
      const customers = (path(d, 'entities', 'Customer') as Array<Record<string, unknown>>);
      expect(customers.some((c) => c.Job === true)).toBe(true);
      const addrs = customers.map((c) => asObj(c.BillAddr ?? {}));
      expect(addrs.some((a) => a.Line1 === '' && a.Line2 === '')).toBe(true);
      expect(addrs.some((a) => typeof a.Line4 === 'string' && a.Line3 === '' && a.Line2 === '')).toBe(true);
      expect(addrs.some((a) => typeof a.Line4 === 'string' && a.Line3 !== '' && String(a.Line3).startsWith('Attn'))).toBe(true);
      expect(addrs.some((a) => a.City === undefined && a.PostalCode === undefined && a.Line4 === undefined && typeof a.Line3 === 'string' && a.Line3.includes(','))).toBe(true);
      expect((path(d, 'entities', 'Department') as unknown[]).length).toBeGreaterThanOrEqual(2);
      const estimates = (path(d, 'entities', 'Estimate') as Array<Record<string, unknown>>);
      expect(new Set(estimates.map((e) => e.TxnStatus))).toEqual(new Set(['Pending', 'Accepted', 'Closed', 'Rejected']));
      const invoices = (path(d, 'entities', 'Invoice') as Array<Record<string, unknown>>);
      expect(invoices.some((i) => i.Balance === 0)).toBe(true);
      expect(invoices.some((i) => Number(i.Balance) > 0)).toBe(true);
    } finally {
      await sb.close();
    }
  });

  it("seeds customers' and vendors' open balances from the seeded invoices, payments and bills", async () => {
    const sb = await startPracticeCompany({ seed: 2, size: 'demo' });
    try {
      const d = asObj((await admin(sb, 'GET', '/dump')).body);
      const rows = (entity: string) => (path(d, 'entities', entity) as Array<Record<string, unknown>> | undefined) ?? [];
      const owed = new Map<string, number>();
      const add = (id: unknown, n: unknown) => owed.set(String(id), (owed.get(String(id)) ?? 0) + Number(n ?? 0));
      for (const i of rows('Invoice')) add(path(i, 'CustomerRef', 'value'), i.Balance);
      for (const p of rows('Payment')) add(path(p, 'CustomerRef', 'value'), -Number(p.UnappliedAmt ?? 0));
      const customers = rows('Customer');
      expect(customers.some((c) => Number(c.Balance) > 0)).toBe(true);
      for (const c of customers) expect(c.Balance).toBeCloseTo(owed.get(String(c.Id)) ?? 0, 2);
      // Seeding never edited a customer to set its balance: none has a SyncToken past its creation.
      expect(customers.every((c) => c.SyncToken === '0')).toBe(true);
    } finally {
      await sb.close();
    }
  });

  it('resets to a new seed and size through the admin API', async () => {
    const sb = await startPracticeCompany({ seed: 1, size: 'tiny' });
    try {
      const api = Api.connect(sb);
      await admin(sb, 'POST', '/reset', { seed: 2, size: 'demo' });
      const count = await api.query('select count(*) from Item');
      expect(Number(path(count.body, 'QueryResponse', 'totalCount'))).toBeGreaterThan(200);
    } finally {
      await sb.close();
    }
  });
});

describe('the sandbox CLI', () => {
  it('parses its options', () => {
    expect(parsePracticeArgs(['--port', '0', '--seed', '9', '--size', 'demo', '--auto-consent', '--data', '/tmp/x']))
      .toEqual({ port: 0, seed: 9, size: 'demo', autoConsent: true, dataFile: join('/tmp/x', 'practice-company.json') });
    expect(() => parsePracticeArgs(['--size', 'huge'])).toThrow();
  });

  it('prints one JSON line, serves, and closes cleanly on SIGTERM', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', '-e',
      "import('./src-main/sandbox/cli.ts').then((m) => m.runPracticeCli(process.argv.slice(1)))", '--', '--data', dir, '--seed', '3'], { cwd: process.cwd() });
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`exited ${String(code)}`)));
    });
    const info = asObj(JSON.parse(line));
    expect(Object.keys(info).sort()).toEqual(['adminUrl', 'baseUrl', 'clientId', 'clientSecret', 'realmId', 'redirectUris']);
    expect((await http(`${String(info.adminUrl)}`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(statSync(join(dir, 'practice-company.json')).size).toBeGreaterThan(1000);
  }, 30_000);
});
