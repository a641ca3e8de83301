/** Runs a range of seeds one after another; every `killEvery`-th scenario uses a killable child host. */
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
