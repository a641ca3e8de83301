/** Electron main: hands the real electron module to the shell (src-main/app/shell.ts). Thin on purpose. */
import * as electron from 'electron';
import { defaultAssetsDir, startShell } from './shell';

const appDir = import.meta.dirname;
startShell(electron, { appDir, assetsDir: defaultAssetsDir(appDir, electron.app.isPackaged) });
