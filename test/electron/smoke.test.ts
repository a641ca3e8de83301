/**
 * Runs the built Electron app where an Electron binary exists. Where none can be installed (this build
 * machine: ELECTRON_SKIP_BINARY_DOWNLOAD), the run is reported SKIPPED with the reason (never as
 * passed); what can be checked without the binary (the build is in place) is checked apart.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../src-main/cli/electronBinary';
import { projectRoot } from '../support/cli';
import { tempDir } from '../support/tmp';

const electron = findElectronBinary();
const mainJs = path.join(projectRoot, 'out', 'main', 'index.js');

describe('Electron smoke test', () => {
  it('has the built main, preload and renderer in out/', () => {
    for (const file of [mainJs, path.join(projectRoot, 'out', 'preload', 'index.cjs'), path.join(projectRoot, 'out', 'renderer', 'index.html')]) {
      expect(fs.existsSync(file), file).toBe(true);
    }
  });

  it('starts the Electron app, opens the window and answers app.info', (ctx) => {
    if (!electron.found) {
      console.log(`Electron smoke test SKIPPED: ${electron.reason}. The shell's logic is tested against a fake electron (test/electron/shell.test.ts).`);
      ctx.skip(electron.reason);
      return;
    }
    const xvfb = fs.existsSync('/usr/bin/xvfb-run') ? ['/usr/bin/xvfb-run', '-a'] : [];
    const [cmd, ...args] = [...xvfb, electron.path, '--no-sandbox', mainJs];
    const run = spawnSync(cmd, args, {
      env: { ...process.env, SHELFSYNC_SMOKE: '1', SHELFSYNC_DATA: tempDir() },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const line = run.stdout.split('\n').find((l) => l.startsWith('SHELFSYNC_SMOKE '));
    expect(line, run.stderr).toBeDefined();
    expect(JSON.parse((line as string).slice('SHELFSYNC_SMOKE '.length))).toMatchObject({ ok: true, value: { name: 'ShelfSync' } });
  });
});
