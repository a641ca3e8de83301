/**
 * A fixed batch of fault-simulation scenarios (see scenario.ts): many cheap in-process ones and a few
 * with a child-process host that is SIGKILLed. A failure names the seed and how to replay it.
 */
import { describe, expect, it } from 'vitest';
import { runScenario, type ScenarioResult } from './scenario';

/**
 * Seeds run `parallel` at a time. Keep it 1: the QuickBooks libraries keep their URLs in process-wide
 * fields, so two practice companies driven side by side in one process can cross their wires.
 */
async function runSeeds(seeds: number[], kill: boolean, parallel: number): Promise<ScenarioResult[]> {
  const failed: ScenarioResult[] = [];
  const queue = [...seeds];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let seed = queue.shift(); seed !== undefined; seed = queue.shift()) {
        const result = await runScenario({ seed, kill });
        if (result.violations.length > 0) failed.push(result);
      }
    }),
  );
  return failed;
}

const report = (failed: ScenarioResult[]) =>
  failed
    .map((r) => `seed ${r.seed} (replay: npm run sim -- --seed ${r.seed} --scenarios 1 --kill-every ${r.kill ? 1 : 0}):\n  ${r.violations.join('\n  ')}\n  trace: ${r.trace.join(' / ')}`)
    .join('\n');

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('fault simulation', () => {
  it('keeps every invariant over 40 in-process scenarios with faults, expiry, revocation and clock jumps', async () => {
    const failed = await runSeeds(range(1, 40), false, 1);
    expect(report(failed)).toBe('');
  }, 300_000);

  it('keeps every invariant over 2 scenarios whose host is SIGKILLed at random points', async () => {
    const failed = await runSeeds([5000, 5001], true, 1);
    expect(report(failed)).toBe('');
  }, 300_000);
});
