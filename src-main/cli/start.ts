/**
 * `npm start`: the Electron app where an Electron binary exists; otherwise the same app in headless
 * mode, with the address to open in a browser.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary } from './electronBinary';
import { main } from './main';

const root = path.resolve(import.meta.dirname, '../..');

// npm ci does not run Electron's download script (package.json allowScripts); fetch the binary on first
// start where the network allows it, and fall back to headless mode where it does not.
let electron = findElectronBinary();
if (!electron.found && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD && !process.env.CI) {
  console.log('ShelfSync: fetching the Electron binary once…');
  const fetched = spawnSync(process.execPath, [path.join(root, 'node_modules/electron/install.js')], { stdio: 'ignore', timeout: 120_000 });
  electron = findElectronBinary();
  if (!electron.found && fetched.status !== 0) console.log('ShelfSync: the Electron binary could not be downloaded here.');
}
if (electron.found) {
  const child = spawn(electron.path, [path.join(root, 'out/main/index.js'), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`ShelfSync: ${electron.reason}; starting the same app in headless mode instead.`);
  console.log('Open the "url" below in your browser. Press Ctrl+C to stop.');
  main(['serve', ...process.argv.slice(2)]).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
