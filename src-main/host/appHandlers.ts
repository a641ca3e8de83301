/** Requests about the application itself: what this host is, and the system's file dialog where there is one. */
import { AppError, type HandlerMap } from '../../src-shared/ipc';
import type { ServiceContext } from '../db';
import { appVersion } from './version';

interface AppDeps {
  chooseFile?: (purpose: 'backup' | 'restore') => Promise<string | null>;
}

export function appHandlers(deps: AppDeps, dataDir: string, schemaVersion: number): HandlerMap<'app.info' | 'app.chooseFile', ServiceContext> {
  return {
    'app.info': () => ({ name: 'ShelfSync', version: appVersion, dataDir, schemaVersion, fileDialogs: deps.chooseFile !== undefined }),
    'app.chooseFile': async ({ purpose }) => {
      if (!deps.chooseFile) throw new AppError('refused', 'A file can be chosen from a dialog only in the ShelfSync window; type the file’s full path instead.');
      return { file: await deps.chooseFile(purpose) };
    },
  };
}
