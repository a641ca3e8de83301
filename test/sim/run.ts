/**
 * `npm run sim -- --scenarios N --seed S [--kill-every K] [--verbose]`: runs N fault-simulation scenarios with seeds
 * S, S+1, … (every K-th one with a child-process host that is SIGKILLed; default 10; 0 = never, 1 = all).
 * Prints one line per failing seed with how to replay it, and exits 1 when any failed.
 */
import { runBatch } from './batch';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : undefined;
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`--${name} takes a whole number\n`);
    process.exit(2);
  }
  return n;
}

const scenarios = arg('scenarios', 100);
const seed = arg('seed', 1);
const killEvery = arg('kill-every', 10);
const verbose = process.argv.includes('--verbose');
const started = Date.now();
const failures = await runBatch({
  first: seed,
  count: scenarios,
  killEvery,
  onResult: (r, done) => {
    if (r.violations.length > 0) {
      process.stdout.write(`\nFAIL seed ${r.seed}${r.kill ? ' (kill)' : ''}: replay with npm run sim -- --seed ${r.seed} --scenarios 1${r.kill ? ' --kill-every 1' : ' --kill-every 0'}\n`);
      for (const line of r.violations) process.stdout.write(`  ✗ ${line}\n`);
      for (const line of r.trace) process.stdout.write(`    · ${line}\n`);
    } else if (verbose) {
      process.stdout.write(`ok seed ${r.seed}${r.kill ? ' (kill)' : ''} in ${r.ms} ms\n${r.trace.map((t) => `    · ${t}\n`).join('')}`);
    } else if (done % 10 === 0 || scenarios <= 10) {
      process.stderr.write(`sim: ${done}/${scenarios} scenarios\n`);
    }
  },
});
process.stdout.write(`sim: ${scenarios} scenarios from seed ${seed} in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failures.length} failed${failures.length ? `: seeds ${failures.map((f) => f.seed).join(', ')}` : ''}\n`);
process.exit(failures.length === 0 ? 0 : 1);
