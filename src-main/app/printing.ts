/**
 * Printing the window's page (a print view: app chrome hidden by print CSS) through Electron's
 * webContents: print() shows the system's print dialog; printToPDF() makes the PDF, written where the
 * save dialog says. Paper is Letter where that is the usual size, else A4.
 */
import { writeFile } from 'node:fs/promises';
import type { ElectronApi, AppWindow } from './electronApi';

const letterRegions = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE']);

/** Letter for the regions that use it, A4 everywhere else ("en-US" → Letter, "de-DE" → A4). */
export function paperFor(locale: string): 'A4' | 'Letter' {
  const region = locale.split(/[-_]/)[1]?.toUpperCase() ?? '';
  return letterRegions.has(region) ? 'Letter' : 'A4';
}

export interface PrintDeps {
  electron: Pick<ElectronApi, 'dialog'>;
  window(): AppWindow | null;
  locale?: string;
}

function openWindow(deps: PrintDeps): AppWindow {
  const win = deps.window();
  if (!win || win.isDestroyed()) throw new Error('The ShelfSync window is not open, so there is nothing to print.');
  return win;
}

/** The system's print dialog for the page the window shows; printed false when the user cancelled it. */
function printWindow(win: AppWindow): Promise<{ printed: boolean; file: null }> {
  return new Promise((resolve, reject) => {
    win.webContents.print({ printBackground: false }, (success, failureReason) => {
      if (success || /cancel/i.test(failureReason)) resolve({ printed: success, file: null });
      else reject(new Error(`The page could not be printed: ${failureReason}.`));
    });
  });
}

async function savePdf(deps: PrintDeps, win: AppWindow, name: string | undefined): Promise<{ printed: boolean; file: string | null }> {
  const answer = await deps.electron.dialog.showSaveDialog({
    title: 'Save as PDF',
    defaultPath: `${(name ?? 'shelfsync-print').replace(/\.pdf$/i, '')}.pdf`,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (answer.canceled || !answer.filePath) return { printed: false, file: null };
  const locale = deps.locale ?? Intl.DateTimeFormat().resolvedOptions().locale;
  const pdf = await win.webContents.printToPDF({ pageSize: paperFor(locale), printBackground: false, margins: { marginType: 'default' } });
  await writeFile(answer.filePath, pdf);
  return { printed: true, file: answer.filePath };
}

/** What the host's app.print calls in the Electron window. */
export function printPage(deps: PrintDeps, options: { pdf: boolean; name?: string }): Promise<{ printed: boolean; file: string | null }> {
  const win = openWindow(deps);
  return options.pdf ? savePdf(deps, win, options.name) : printWindow(win);
}
