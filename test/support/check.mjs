// `npm run check`: the checks (typecheck, lint, build, every bench at tiny sizes), then the tests
// (unit + integration inside a throwaway keyring session, and end-to-end). The last lines list each
// check apart, then the tests counted one by one: `N passed, N failed, N skipped` (a test that could
// not run here, such as the Electron smoke test without an Electron binary, counts as skipped).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const checks = [];
const suites = [];
const skippedNames = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(label, command, args, env) {
  const ok = run(label, command, args, env);
  checks.push({ label, ok });
}

function tests(label, configArgs, wrapKeyring) {
  const report = path.join(tmp, `vitest-${label}.json`);
  fs.rmSync(report, { force: true });
  const vitest = ['vitest', 'run', ...configArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  let ok;
  if (wrapKeyring && hasKeyringTools()) {
    // keytar needs a Secret Service: a private D-Bus session with an unlocked gnome-keyring, under .tmp.
    const home = path.join(tmp, 'keyring');
    for (const dir of ['data', 'runtime']) fs.mkdirSync(path.join(home, dir), { recursive: true, mode: 0o700 });
    const script = 'printf "shelfsync\\n" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec npx "$@"';
    ok = run(label, 'dbus-run-session', ['--', 'sh', '-c', script, 'sh', ...vitest], {
      XDG_DATA_HOME: path.join(home, 'data'),
      XDG_RUNTIME_DIR: path.join(home, 'runtime'),
      SHELFSYNC_KEYRING: '1',
    });
  } else {
    ok = run(label, 'npx', vitest);
  }
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    counts.passed = json.numPassedTests;
    counts.failed = json.numFailedTests;
    counts.skipped = json.numPendingTests + json.numTodoTests;
    for (const file of json.testResults ?? []) {
      for (const t of file.assertionResults ?? []) {
        if (t.status === 'pending' || t.status === 'skipped' || t.status === 'todo') skippedNames.push(`${path.relative(root, file.name)}: ${t.title}`);
      }
    }
  }
  // A suite that failed to load (or a run that died) counts as a failure even when no test inside it failed.
  if (!ok && counts.failed === 0) counts.failed = 1;
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  suites.push({ label, ok, ...counts });
}

function hasKeyringTools() {
  const which = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
  return which('dbus-run-session') && which('gnome-keyring-daemon');
}

/**
 * Checks that each use about one core, run side by side: on two cores they end sooner than one after
 * the other (about 67 s against 79 s here). Each one's output is printed whole when it ends, so the log
 * reads as if they ran one after the other; `checks` keeps the order they were given in.
 */
async function checksSideBySide(list) {
  const outcomes = await Promise.all(
    list.map(
      ({ label, command, args, env = {} }) =>
        new Promise((resolve) => {
          const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
          const output = [];
          child.stdout.on('data', (chunk) => output.push(chunk));
          child.stderr.on('data', (chunk) => output.push(chunk));
          child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
          child.on('close', (code) => {
            console.log(`\n=== ${label}: ${[command, ...args].join(' ')}`);
            process.stdout.write(Buffer.concat(output));
            resolve({ label, ok: code === 0 });
          });
        }),
    ),
  );
  checks.push(...outcomes);
}

// The bench smoke loads the built screens, so the build goes first (about a second).
check('build', 'npm', ['run', '--silent', 'build']);
await checksSideBySide([
  { label: 'typecheck', command: 'npm', args: ['run', '--silent', 'typecheck'] },
  { label: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] },
  // Every bench at tiny sizes: a broken bench fails here; its numbers are not measurements.
  { label: 'bench smoke', command: 'node', args: ['--import', 'tsx', 'test/bench/run.ts'], env: { BENCH_SMOKE: '1' } },
]);
tests('unit-and-integration', [], true);
tests('e2e', ['--config', 'vitest.e2e.config.ts'], false);

console.log('\nChecks:');
for (const c of checks) console.log(`  ${c.label}: ${c.ok ? 'ok' : 'FAILED'}`);
console.log('Tests:');
for (const s of suites) console.log(`  ${s.label}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped${s.ok ? '' : ' (FAILED)'}`);
if (skippedNames.length > 0) console.log(`Skipped (could not run here):\n${skippedNames.map((n) => `  ${n}`).join('\n')}`);
const checksFailed = checks.filter((c) => !c.ok).length;
console.log(`${checks.length - checksFailed} of ${checks.length} checks ok`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 && checksFailed === 0 ? 0 : 1);
