import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PracticeCompanyServer } from '../../src-main/sandbox';
import { memorySecretStore, type SecretStore } from '../../src-main/auth';
import { clientOf, hostFor } from './hostHarness';
import { RealmLimiter, realTime } from '../../src-main/qbo';
import { admin, fakeTime, injectFault, practiceCompany } from './support';

let sb: PracticeCompanyServer;
beforeAll(async () => {
  sb = await practiceCompany();
});
afterAll(async () => {
  await sb.close();
});

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

describe('secrets stay secret', () => {
  it('no token or client secret appears in the data folder, the logs, statuses or errors after connect, refresh and faults', async () => {
    // Remember every token the app ever stored, to search for all of them afterwards.
    const inner = memorySecretStore();
    const everStored: string[] = [];
    const recording: SecretStore = {
      kind: inner.kind,
      get: (a) => inner.get(a),
      delete: (a) => inner.delete(a),
      set: (a, v) => {
        const parsed = JSON.parse(v) as { accessToken: string; refreshToken: string };
        everStored.push(parsed.accessToken, parsed.refreshToken);
        return inner.set(a, v);
      },
    };
    const printed: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' '))),
    );
    const h = hostFor(sb, { secrets: recording, qboConnection: { clientOptions: { time: fakeTime(), limiter: new RealmLimiter(realTime) } } });
    const answers: unknown[] = [];
    try {
      await h.connect();
      const qbo = await clientOf(h.host);
      sb.advanceClock(3700);
      answers.push(await qbo.read('Item', '1'));
      await injectFault(sb, '500', { entity: 'Item' }, 1);
      answers.push(await qbo.read('Item', '1'));
      await injectFault(sb, 'drop', { entity: 'Item' }, 10);
      answers.push(await qbo.read('Item', '1').catch((e: unknown) => JSON.stringify(e) + String(e)));
      await admin(sb, 'DELETE', '/faults');
      answers.push(await h.host.invoke('accounts.list', {}));
      await admin(sb, 'POST', '/tokens/revoke', {});
      answers.push(await qbo.read('Item', '1').catch((e: unknown) => JSON.stringify(e) + String(e) + (e instanceof Error ? e.stack : '')));
      answers.push(await h.host.invoke('connection.status', {}));
      answers.push(await h.host.invoke('accounts.list', {}));
    } finally {
      await h.host.close();
      for (const spy of spies) spy.mockRestore();
    }
    const secrets = [...new Set(everStored), sb.clientSecret];
    expect(everStored.length).toBeGreaterThanOrEqual(4); // the first pair and at least one rotation
    const places: [string, string][] = [
      ...filesUnder(h.dataDir).map((f): [string, string] => [f, fs.readFileSync(f).toString('latin1')]),
      ['logged lines', h.logged.join('\n')],
      ['console', printed.join('\n')],
      ['statuses', JSON.stringify(h.statuses)],
      ['answers and errors', JSON.stringify(answers)],
    ];
    expect(h.logged.length).toBeGreaterThan(0);
    for (const [where, text] of places) {
      for (const secret of secrets) expect(text.includes(secret), `a secret was found in ${where}`).toBe(false);
    }
  });
});
