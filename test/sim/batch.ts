/**
 * Runs a range of seeds one after another; every `killEvery`-th scenario uses a killable child host.
 * Never side by side: the QuickBooks libraries keep their URLs in process-wide fields, so two practice
 * companies driven at once in one process can cross their wires. Parallelism comes from test files,
 * which run in separate processes.
 */
import { runScenario, type ScenarioResult } from './scenario';

export interface BatchOptions {
  first: number;
  count: number;
  /** 0: no kill scenarios; 1: all; k: seeds divisible by k. */
  killEvery: number;
  onResult?: (result: ScenarioResult, done: number) => void;
}

export const isKillSeed = (seed: number, killEvery: number) => killEvery > 0 && seed % killEvery === 0;

export async function runBatch(options: BatchOptions): Promise<ScenarioResult[]> {
  const failures: ScenarioResult[] = [];
  for (let i = 0; i < options.count; i++) {
    const seed = options.first + i;
    const result = await runScenario({ seed, kill: isKillSeed(seed, options.killEvery) });
    if (result.violations.length > 0) failures.push(result);
    options.onResult?.(result, i + 1);
  }
  return failures;
}

/** The failing seeds, each with how to replay it, its violations and its trace ('' when none failed). */
export const report = (failed: ScenarioResult[]) =>
  failed
    .map((r) => `seed ${r.seed} (replay: npm run sim -- --seed ${r.seed} --scenarios 1 --kill-every ${r.kill ? 1 : 0}):\n  ${r.violations.join('\n  ')}\n  trace: ${r.trace.join(' / ')}`)
    .join('\n');
