/**
 * A naive QuickBooks client, run by the bench as the peer ShelfSync is measured against: it lists each
 * list's ids a page at a time, then reads every record by id, one request per record, through the real
 * node-quickbooks. No batch, no change data capture, no cache. Like most simple integrations it waits a
 * second and tries again when QuickBooks throttles it (429).
 */
import type QuickBooks from 'node-quickbooks';
import type { PracticeCompanyServer } from '../../src-main/sandbox';
import { nodeQuickbooks } from '../sandbox/helpers';

type Method = (this: QuickBooks, ...args: unknown[]) => void;

/** The lists a first import reads; names are active and inactive (Intuit's query shows active only by default). */
export const NAIVE_LISTS = [
  { entity: 'Item', where: 'WHERE Active IN (true, false)' },
  { entity: 'Customer', where: 'WHERE Active IN (true, false)' },
  { entity: 'Vendor', where: 'WHERE Active IN (true, false)' },
  { entity: 'Estimate', where: '' },
  { entity: 'Invoice', where: '' },
] as const;

function throttled(err: unknown): boolean {
  const status = (err as { response?: { status?: number } } | null)?.response?.status;
  return status === 429 || /ThrottleExceeded|3001/.test(JSON.stringify(err ?? ''));
}

async function call(qb: QuickBooks, name: string, args: unknown[]): Promise<unknown> {
  for (;;) {
    const fn = (qb as unknown as Record<string, Method>)[name];
    if (!fn) throw new Error(`node-quickbooks has no ${name}`);
    const answer = await new Promise<{ err: unknown; data: unknown }>((resolve) => {
      fn.call(qb, ...args, (err: unknown, data: unknown) => resolve({ err, data }));
    });
    if (!answer.err) return answer.data;
    if (!throttled(answer.err)) throw new Error(`${name} failed: ${JSON.stringify(answer.err).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function listIds(qb: QuickBooks, entity: string, where: string): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 1; ; start += 1000) {
    const body = (await call(qb, `find${qb.pluralize(entity)}`, [`${where} STARTPOSITION ${start} MAXRESULTS 1000`.trim()])) as {
      QueryResponse?: Record<string, Array<{ Id: string }>>;
    };
    const page = body.QueryResponse?.[entity] ?? [];
    ids.push(...page.map((o) => o.Id));
    if (page.length < 1000) return ids;
  }
}

/** Reads every record of the first import's lists, one by one; answers how many records it read. */
export async function naiveImport(sb: PracticeCompanyServer): Promise<number> {
  const qb = nodeQuickbooks(sb, sb.issueTokens().access_token);
  let records = 0;
  for (const { entity, where } of NAIVE_LISTS) {
    for (const id of await listIds(qb, entity, where)) {
      await call(qb, `get${entity}`, [id]);
      records++;
    }
  }
  return records;
}
