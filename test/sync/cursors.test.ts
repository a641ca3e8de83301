/**
 * Change cursors are kept in QuickBooks' time. A PC clock two hours ahead, and a host that has just
 * started (its QuickBooks client has had no answer yet, so it does not know QuickBooks' time): an edit
 * made in QuickBooks after that host's first sync still comes across on the next one. Found by sim
 * seed 1430: the cursor was taken from the PC clock and the next change window began in the future.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hostFor, type Harness } from '../connection/hostHarness';
import type { Party } from '../../src-shared/ipc';
import { call, syncHarness, type SyncHarness } from './harness';
import { tempDir } from '../support/tmp';
import { ROOMY_LIMITS } from '../sandbox/helpers';
import { practiceFileSecretStore } from '../../src-main/auth';

const aheadMs = 2 * 60 * 60_000;
const ahead = { now: () => new Date(Date.now() + aheadMs) };

let h: SyncHarness | undefined;
let restarted: Harness | undefined;
afterEach(async () => {
  await restarted?.host.close();
  await h?.close();
  h = restarted = undefined;
});

describe('change cursors', () => {
  it('a host started with its clock ahead still brings back a later QuickBooks edit', async () => {
    const dataDir = tempDir();
    const secrets = practiceFileSecretStore(tempDir('shelfsync-keychain-'));
    // Roomy limits: the second host's limiter cannot know what the first one just sent.
    h = await syncHarness({ limits: ROOMY_LIMITS }, dataDir, { clock: ahead, secrets });
    await h.sync();
    await h.host.close();

    // A new host on the same folder and sign-in: its first request of the run is the pull.
    restarted = hostFor(h.sb, { dataDir, secrets, clock: ahead });
    const settled = await restarted.host.connection.settled();
    expect(settled.state, settled.message ?? '').toBe('connected');
    await call(restarted.host, 'sync.now');

    const remote = (await h.dump()).Customer?.find((c) => c.Active !== false) as { Id: string; DisplayName: string };
    const res = await fetch(`${h.sb.adminUrl}/entities/Customer/${remote.Id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ PrimaryPhone: { FreeFormNumber: '555-0142' } }),
    });
    expect(res.ok).toBe(true);
    await call(restarted.host, 'sync.now');

    const local = await call<{ rows: Party[] }>(restarted.host, 'customers.list', { search: remote.DisplayName, limit: 5 });
    const mine = local.rows.find((c) => c.displayName === remote.DisplayName);
    expect(mine).toBeDefined();
    expect(mine?.phone).toBe('555-0142');
  });
});
