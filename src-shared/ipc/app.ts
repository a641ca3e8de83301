/** Requests about the application itself. */
import { z } from 'zod';
import { request } from './define';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.int(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appRequests = {
  'app.info': request('Name, version, data folder and database schema version of this host.', z.object({}).strict(), appInfoSchema),
};
