/**
 * The CI batch of in-process fault-simulation scenarios (scenario.ts): 300 seeds in blocks of 50, each
 * with faults, token expiry and revocation, QuickBooks-side edits and host clock jumps. The SIGKILL
 * scenarios are in simKill.test.ts, so the two files run side by side. A failure names the seed and how
 * to replay it.
 */
import { describe, expect, it } from 'vitest';
import { report, runBatch } from './batch';

const BLOCK = 50;

describe('fault simulation, in process', () => {
  for (let first = 1; first <= 300; first += BLOCK) {
    it(`keeps every invariant over seeds ${first}–${first + BLOCK - 1}`, async () => {
      expect(report(await runBatch({ first, count: BLOCK, killEvery: 0 }))).toBe('');
    }, 300_000);
  }
});
