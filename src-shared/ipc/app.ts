/** Requests about the application itself. */
import { z } from 'zod';
import { request } from './define';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.int(),
  /** The system's file dialogs can be shown (the Electron window); elsewhere a path is typed. */
  fileDialogs: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appRequests = {
  'app.info': request('Name, version, data folder and database schema version of this host.', z.object({}).strict(), appInfoSchema),
  'app.chooseFile': request(
    'Ask with the system’s file dialog where to write a backup (backup) or which backup to restore (restore). Answers null when the dialog was cancelled; refused where there is no ShelfSync window (app.info fileDialogs).',
    z.object({ purpose: z.enum(['backup', 'restore'], { error: 'Say whether the file is for a backup or a restore.' }) }).strict(),
    z.object({ file: z.string().nullable() }),
  ),
};
