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
  /** The window prints itself and saves itself as a PDF (app.print); elsewhere the browser's own print does both. */
  printing: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appRequests = {
  'app.info': request('Name, version, data folder and database schema version of this host.', z.object({}).strict(), appInfoSchema),
  'app.chooseFile': request(
    'Ask with the system’s file dialog where to write a backup (backup) or which backup to restore (restore). Answers null when the dialog was cancelled; refused where there is no ShelfSync window (app.info fileDialogs).',
    z.object({ purpose: z.enum(['backup', 'restore'], { error: 'Say whether the file is for a backup or a restore.' }) }).strict(),
    z.object({ file: z.string().nullable() }),
  ),
  'app.print': request(
    'Print the page the ShelfSync window shows (a print view), or save it as a PDF where the save dialog says (pdf). Answers whether it was printed or where the PDF went (null when cancelled); refused where there is no ShelfSync window (app.info printing): use the browser’s print there.',
    z
      .object({
        pdf: z.boolean({ error: 'Say whether to save a PDF (true) or print (false).' }).optional(),
        /** The file name the save dialog suggests, like "pick-list-SO-1001.pdf". */
        name: z
          .string({ error: 'The PDF file name must be text.' })
          .trim()
          .min(1, { error: 'The PDF file name cannot be empty; leave it out for the usual one.' })
          .max(120, { error: 'The PDF file name is at most 120 characters.' })
          // eslint-disable-next-line no-control-regex -- the point is to refuse control characters
          .regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/, { error: 'The PDF file name cannot contain \\ / : * ? " < > | or line breaks.' })
          .optional(),
      })
      .strict(),
    z.object({ printed: z.boolean(), file: z.string().nullable() }),
  ),
};
