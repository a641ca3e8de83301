/**
 * `npm run bench`: runs every `*.bench.ts` in this folder and prints one table. Each bench module
 * exports `run()` returning rows; numbers are measured on this machine, never asserted by tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { smoke } from './scale';

export interface BenchRow {
  area: string;
  measure: string;
  value: string;
  goal: string;
}

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const rows: BenchRow[] = [];
for (const file of files) {
  const started = Date.now();
  process.stderr.write(`bench: ${file} … `);
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { run: () => Promise<BenchRow[]> };
  try {
    rows.push(...(await mod.run()));
    process.stderr.write(`${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    process.stderr.write('failed\n');
    rows.push({ area: file, measure: 'run', value: `failed: ${error instanceof Error ? error.message : String(error)}`, goal: '' });
  }
}

const header: BenchRow = { area: 'area', measure: 'measure', value: 'value', goal: 'goal' };
const widths = (Object.keys(header) as (keyof BenchRow)[]).map((k) => Math.max(...[header, ...rows].map((r) => r[k].length)));
const line = (r: BenchRow) =>
  '| ' + (Object.keys(header) as (keyof BenchRow)[]).map((k, i) => r[k].padEnd(widths[i] ?? 0)).join(' | ') + ' |';
const kind = smoke ? ' SMOKE RUN (tiny sizes: checks that every bench runs; the numbers mean nothing)' : '';
console.log(`ShelfSync benchmark${kind}, ${new Date().toISOString().slice(0, 10)}, ${process.platform} ${process.arch}, Node ${process.version}`);
console.log(line(header));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const row of rows) console.log(line(row));

// A bench that failed fails the run (npm run check runs every bench this way, at tiny sizes).
const failed = rows.filter((r) => r.measure === 'run' && r.value.startsWith('failed'));
if (failed.length > 0) {
  console.error(`${failed.length} bench(es) failed: ${failed.map((r) => r.area).join(', ')}`);
  process.exitCode = 1;
}
