/** The practice company as the connection sees it: started by the host (src-main/sandbox), reached over HTTP. */
export interface PracticeCompany {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  realmId: string;
  /** Back to the starting data (same realm, so the connection stays). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Starts (or reopens) the practice company whose file lives in `dir`, with auto-consent on. */
export type PracticeLauncher = (dir: string) => Promise<PracticeCompany>;

/**
 * Plays the user's browser for the practice company's auto-consent page: follows its redirect back
 * to our loopback listener. Nothing leaves this machine.
 */
export async function followInProcess(url: string): Promise<void> {
  const res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(30_000) });
  await res.arrayBuffer();
}
