/** Backup and restore of the whole database. */
import { z } from 'zod';
import { request } from './define';

const fileSchema = z
  .string({ error: 'Give the backup file’s path.' })
  .trim()
  .min(1, { error: 'Give the backup file’s path.' })
  .max(1024, { error: 'The backup file’s path is at most 1024 characters.' });

export const backupRequests = {
  'backup.create': request(
    'Write a consistent copy of the database to a new file (an existing file is not overwritten).',
    z.object({ file: fileSchema }).strict(),
    z.object({ file: z.string(), bytes: z.int(), schemaVersion: z.int() }),
  ),
  'backup.restore': request(
    'Replace all data with a backup’s. Refuses a file that is not a ShelfSync database or is newer than this app.',
    z.object({ file: fileSchema }).strict(),
    z.object({ file: z.string(), schemaVersion: z.int(), tables: z.int() }),
  ),
};
