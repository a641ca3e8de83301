// `npm run check`: typecheck, lint, build, unit + integration tests (inside a throwaway keyring session),
// and the end-to-end tests; then the totals over everything, alone on the last line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });

let passed = 0;
let failed = 0;
const summary = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function step(label, command, args) {
  const ok = run(label, command, args);
  if (ok) passed++;
  else failed++;
  summary.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
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
  let counted = false;
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    counted = true;
    // A suite that failed to load counts as a failure even when no test inside it ran.
    if (!ok && json.numFailedTests === 0) failed++;
  }
  if (!counted && !ok) failed++;
  summary.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
}

function hasKeyringTools() {
  const which = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
  return which('dbus-run-session') && which('gnome-keyring-daemon');
}

step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
step('build', 'npm', ['run', '--silent', 'build']);
tests('unit-and-integration', [], true);
tests('e2e', ['--config', 'vitest.e2e.config.ts'], false);

console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
