/**
 * Packaging cannot run here (it downloads Electron), so the electron-builder configuration is checked
 * with electron-builder's own loader and schema, and for the targets and files it must name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { projectRoot } from '../support/cli';

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema and builds an NSIS installer, an AppImage and a deb from the built app', async () => {
    const config = await getConfig(projectRoot, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const targets = (t: unknown) => JSON.stringify(t);
    expect(targets(config.win?.target)).toContain('nsis');
    expect(targets(config.linux?.target)).toContain('AppImage');
    expect(targets(config.linux?.target)).toContain('deb');
    expect(JSON.stringify(config.files)).toContain('out/**');
    expect(config.asarUnpack).toEqual(expect.arrayContaining([expect.stringContaining('better-sqlite3'), expect.stringContaining('keytar')]));
    for (const icon of [config.win?.icon, config.linux?.icon]) expect(fs.existsSync(path.join(projectRoot, String(icon)))).toBe(true);
    const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
  });
});
