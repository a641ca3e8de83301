/** The sentences the connection status shows; one place so the screens and the CLI say the same. */
export const statusMessages = {
  disconnected: 'Not connected to QuickBooks. Connect a company in Settings → Connection.',
  connecting: 'Waiting for you to sign in to QuickBooks in the browser…',
  connected: (company: string) => `Connected to ${company}.`,
  practice: (company: string) =>
    `You are using the practice company “${company}”. Nothing here touches your real books; connect your QuickBooks company when you are ready.`,
  practiceStopped: 'The practice company runs while ShelfSync is open (npm start or shelfsync serve).',
  offline: 'QuickBooks cannot be reached right now. ShelfSync keeps every change and syncs when the connection is back.',
  reconnect: (why: string) => `${why} Sync is paused and nothing queued is lost; click Connect to sign in again.`,
  tokensUnreadable: 'The saved QuickBooks sign-in on this computer could not be read (the file or credential store holding it is damaged or locked).',
  tokensMissing: 'The saved QuickBooks sign-in was not found on this computer (it may have been kept in memory only).',
  noAppKeys:
    'ShelfSync has no QuickBooks app keys yet. Set SHELFSYNC_QBO_CLIENT_ID and SHELFSYNC_QBO_CLIENT_SECRET (or the settings file), then connect again.',
};
