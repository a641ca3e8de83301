/** Finds the Electron binary the `electron` package installed, or says why there is none. */
import fs from 'node:fs';
import { createRequire } from 'node:module';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(): ElectronBinary {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    if (typeof binary === 'string' && fs.existsSync(binary)) return { found: true, path: binary };
    return { found: false, reason: 'the electron package has no binary here' };
  } catch (error) {
    // The package throws when its postinstall download was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD).
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { found: false, reason: `no Electron binary is installed (${message})` };
  }
}
