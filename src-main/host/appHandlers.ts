/**
 * Requests about the application itself: what this host is, and what only the ShelfSync window can do:
 * the system's file dialog, and printing its page or saving it as a PDF.
 */
import { AppError, type HandlerMap } from '../../src-shared/ipc';
import type { ServiceContext } from '../db';
import { appVersion } from './version';

/** Prints the window's page (`pdf` false) or saves it as a PDF where the user chooses; `file` null when cancelled. */
export type PrintPage = (options: { pdf: boolean; name?: string }) => Promise<{ printed: boolean; file: string | null }>;

interface AppDeps {
  chooseFile?: (purpose: 'backup' | 'restore') => Promise<string | null>;
  print?: PrintPage;
}

export function appHandlers(deps: AppDeps, dataDir: string, schemaVersion: number): HandlerMap<'app.info' | 'app.chooseFile' | 'app.print', ServiceContext> {
  return {
    'app.info': () => ({
      name: 'ShelfSync',
      version: appVersion,
      dataDir,
      schemaVersion,
      fileDialogs: deps.chooseFile !== undefined,
      printing: deps.print !== undefined,
    }),
    'app.chooseFile': async ({ purpose }) => {
      if (!deps.chooseFile) throw new AppError('refused', 'A file can be chosen from a dialog only in the ShelfSync window; type the file’s full path instead.');
      return { file: await deps.chooseFile(purpose) };
    },
    'app.print': async ({ pdf, name }) => {
      if (!deps.print) throw new AppError('refused', 'Only the ShelfSync window prints by itself; here use the browser’s Print (Ctrl+P), which can also save a PDF.');
      return deps.print({ pdf: pdf ?? false, ...(name ? { name } : {}) });
    },
  };
}
