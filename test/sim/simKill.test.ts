/**
 * The CI batch of fault-simulation scenarios whose host is a child process SIGKILLed at random points
 * (during a sync, after a chosen number of QuickBooks requests) and restarted on the same SQLite file.
 */
import { describe, expect, it } from 'vitest';
import { report, runBatch } from './batch';

const BLOCK = 8;

describe('fault simulation, host killed', () => {
  for (const first of [5000, 5008]) {
    it(`keeps every invariant over seeds ${first}–${first + BLOCK - 1}, the host SIGKILLed and restarted`, async () => {
      expect(report(await runBatch({ first, count: BLOCK, killEvery: 1 }))).toBe('');
    }, 300_000);
  }
});
