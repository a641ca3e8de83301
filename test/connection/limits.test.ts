import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeCompanyServer } from '../../src-main/sandbox';
import { clientOf, hostFor, type Harness } from './hostHarness';
import { admin, practiceCompany } from './support';

let sb: PracticeCompanyServer;
let h: Harness;
beforeAll(async () => {
  sb = await practiceCompany();
  h = hostFor(sb);
  await h.connect();
});
afterAll(async () => {
  await h.host.close();
  await sb.close();
});

describe('staying inside QuickBooks limits', () => {
  it('eleven callers at once never see a 429 from QuickBooks', async () => {
    const qbo = await clientOf(h.host);
    await admin(sb, 'POST', '/requests/reset', {});
    const callers = Array.from({ length: 11 }, async (_, i) => {
      for (let n = 0; n < 2; n++) await qbo.read('Item', String((i % 5) + 1));
      await qbo.queryAll('Account');
    });
    await Promise.all(callers);
    const log = await admin(sb, 'GET', '/requests');
    const byEndpoint = log.byEndpoint as Record<string, number>;
    const throttled = Object.entries(byEndpoint).filter(([k]) => k.endsWith(' 429'));
    expect(throttled).toEqual([]);
    expect(byEndpoint['GET item 200']).toBe(22);
  });
});
