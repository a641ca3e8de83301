/** The QuickBooks connection: status, connect/cancel/disconnect, the practice company, account pickers. */
import { z } from 'zod';
import { event, request } from './define';

export const connectionStateSchema = z.enum(['disconnected', 'connecting', 'connected', 'practice', 'reconnectNeeded', 'offline']);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const tokenStoreKindSchema = z.enum(['keychain', 'safeStorage', 'file', 'memory']);

export const connectionStatusSchema = z.object({
  state: connectionStateSchema,
  companyName: z.string().nullable(),
  realmId: z.string().nullable(),
  /** True while the company is ShelfSync's built-in practice company, not real books. */
  practice: z.boolean(),
  /** One sentence saying where things stand and what to do next. */
  message: z.string(),
  /** Where the sign-in is kept: the OS keychain, Electron's safeStorage, a file (practice only) or memory. */
  tokenStore: tokenStoreKindSchema,
  /** While connecting: the page to open if the browser did not open by itself. */
  authorizeUrl: z.string().nullable(),
});
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

export const qboAccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  fullName: z.string(),
  type: z.string(),
  subType: z.string().nullable(),
});
export type QboAccount = z.infer<typeof qboAccountSchema>;

const empty = z.object({}).strict();

export const connectionRequests = {
  'connection.status': request('Where the QuickBooks connection stands, and which company it is.', empty, connectionStatusSchema),
  'connection.connect': request(
    'Starts connecting a QuickBooks company: opens the sign-in page in the browser and answers at once with state "connecting" and the page address; "connection.changed" tells how it ended. A second connect cancels the first.',
    z
      .object({
        sandboxUrl: z
          .url({ protocol: /^https?$/, error: 'The practice company address must start with http:// or https://, e.g. http://127.0.0.1:4010.' })
          .optional(),
      })
      .strict(),
    connectionStatusSchema,
  ),
  'connection.cancel': request('Stops a connect that is waiting for the browser.', empty, connectionStatusSchema),
  'connection.disconnect': request(
    'Disconnects QuickBooks: revokes the sign-in at Intuit and forgets it. All local data stays; sync pauses until a company is connected again.',
    empty,
    connectionStatusSchema,
  ),
  'practice.reset': request(
    'Puts the practice company back to its starting data. Only while the practice company is connected.',
    empty,
    connectionStatusSchema,
  ),
  'accounts.list': request(
    'QuickBooks accounts (active ones), optionally only of some types, for the default-account pickers.',
    z.object({ types: z.array(z.string().min(1).max(60)).max(20).optional() }).strict(),
    z.object({ accounts: z.array(qboAccountSchema) }),
  ),
};

export const connectionEvents = {
  'connection.changed': event('The QuickBooks connection changed (connected, disconnected, needs reconnecting, offline…).', connectionStatusSchema),
};
