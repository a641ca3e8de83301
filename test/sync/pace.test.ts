/**
 * The limiter against a practice company that enforces the same limits: a push of many batches, four in
 * flight at a time, never meets a 429, because each request's place in a window is held until a window
 * after QuickBooks stamped its answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { realTime } from '../../src-main/qbo';
import type { SyncRun } from '../../src-shared/ipc';
import { admin, syncHarness, type SyncHarness } from './harness';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type QboRecord = Record<string, unknown> & { Id: string; Name: string; AccountType: string };

describe('pushing at the limits the practice company enforces', () => {
  it('sends 300 items in 10 batches at 3 requests a second, 3 at once, with no 429 and each item once', async () => {
    const limits = { perSecond: 3, concurrent: 3 };
    h = await syncHarness({ limits }, undefined, { qboConnection: { clientOptions: { time: realTime, limits } } });
    const accounts = ((await h.dump()).Account ?? []) as QboRecord[];
    const first = (type: string) => {
      const a = accounts.find((x) => x.AccountType === type);
      if (!a) throw new Error(`no ${type} account`);
      return { id: a.Id, name: String(a.Name) };
    };
    const set = { income: first('Income'), expense: first('Cost of Goods Sold'), asset: first('Other Current Asset') };
    await h.settings({ directions: { items: 'localToQbo' }, defaultAccounts: { inventory: set } });
    for (let i = 0; i < 300; i++) await h.call('items.create', { name: `Paced ${String(i).padStart(3, '0')}`, type: 'inventory' });
    await admin(h.sb, 'DELETE', '/requests');
    const run: SyncRun = await h.sync();
    expect(run.counts['items.push']).toMatchObject({ created: 300, failed: 0 });
    const log = (await admin(h.sb, 'GET', '/requests')).byEndpoint as Record<string, number>;
    expect(log['POST batch']).toBe(10);
    expect(Object.entries(log).filter(([k, v]) => k.endsWith(' 429') && v > 0)).toEqual([]);
    const names = (((await h.dump()).Item ?? []) as QboRecord[]).filter((i) => i.Name.startsWith('Paced ')).map((i) => i.Name);
    expect(new Set(names).size).toBe(300);
    expect(names).toHaveLength(300);
  });
});
