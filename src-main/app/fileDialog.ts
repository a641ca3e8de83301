/** The system's file dialog for a backup to write or a backup to restore (Settings → Backup and restore). */
import type { ElectronApi } from './electronApi';

export async function chooseFile(electron: Pick<ElectronApi, 'dialog'>, purpose: 'backup' | 'restore'): Promise<string | null> {
  const filters = [{ name: 'ShelfSync backup', extensions: ['db'] }];
  if (purpose === 'backup') {
    const stamp = new Date().toISOString().slice(0, 10);
    const answer = await electron.dialog.showSaveDialog({ title: 'Back up ShelfSync to', defaultPath: `shelfsync-backup-${stamp}.db`, filters });
    return answer.canceled || !answer.filePath ? null : answer.filePath;
  }
  const answer = await electron.dialog.showOpenDialog({ title: 'Restore ShelfSync from', properties: ['openFile'], filters });
  return answer.canceled ? null : (answer.filePaths[0] ?? null);
}
